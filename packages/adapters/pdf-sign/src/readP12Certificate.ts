/** Opens a PKCS#12 bundle and finds the certificate that belongs to its private key. */
import { X509Certificate } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import forge from 'node-forge';
import { formatSubject } from './formatSubject.js';
import { messageOf, type PdfSignError } from './PdfSignError.js';

/** The signer's certificate as the evidence names it. */
export interface SignerCertificate {
  /** One-line subject, e.g. `CN=张三, O=Example Securities, C=CN`. */
  readonly subject: string;
  /** The subject's common name, written into the PDF signature's /Name. */
  readonly commonName: string;
  readonly certificate: X509Certificate;
}

/** PKCS#12 bag types (RFC 7292 §4.2). */
const KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';

const invalid = (message: string): E.Either<PdfSignError, never> =>
  E.left({ _tag: 'CertificateInvalid', message, retryable: false });

/** Reads the signer certificate out of a PKCS#12 (.p12/.pfx) file's bytes. */
export function readP12Certificate(
  p12: Uint8Array,
  passphrase = '',
): E.Either<PdfSignError, SignerCertificate> {
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString('binary')));
    const bundle = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
    const keyBag = [
      ...(bundle.getBags({ bagType: SHROUDED_KEY_BAG })[SHROUDED_KEY_BAG] ?? []),
      ...(bundle.getBags({ bagType: KEY_BAG })[KEY_BAG] ?? []),
    ][0];
    const key = keyBag?.key as forge.pki.rsa.PrivateKey | undefined;
    if (key === undefined) return invalid('the PKCS#12 file holds no private key');
    const certs = (bundle.getBags({ bagType: CERT_BAG })[CERT_BAG] ?? [])
      .map((bag) => bag.cert)
      .filter((c): c is forge.pki.Certificate => c !== undefined);
    const own = certs.find((c) => {
      const pub = c.publicKey as forge.pki.rsa.PublicKey;
      return pub.n.compareTo(key.n) === 0 && pub.e.compareTo(key.e) === 0;
    });
    if (own === undefined) return invalid('no certificate in the PKCS#12 file matches its key');
    const der = forge.asn1.toDer(forge.pki.certificateToAsn1(own)).getBytes();
    const certificate = new X509Certificate(Buffer.from(der, 'binary'));
    const subject = formatSubject(certificate);
    const commonName = /(?:^|, )CN=([^,]+)/.exec(subject)?.[1] ?? subject;
    return E.right({ subject, commonName, certificate });
  } catch (error) {
    return invalid(`cannot open the PKCS#12 file: ${messageOf(error)}`);
  }
}
