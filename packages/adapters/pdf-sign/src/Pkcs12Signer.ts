/**
 * The PKCS#7 signer for @signpdf. It does what `@signpdf/signer-p12` does, and also keeps
 * non-ASCII certificate names intact: node-forge re-encodes a parsed UTF8String issuer a
 * second time when it writes the SignerInfo, so a certificate issued to `张三` signs with
 * an issuer that matches no certificate and pdfsig reports "Unknown Validation Failure".
 */
import { Signer } from '@signpdf/utils';
import forge from 'node-forge';

const KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';
const OIDS = {
  sha256: '2.16.840.1.101.3.4.2.1',
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
} as const;

/** Signs the byte ranges @signpdf hands over with the key and certificate of a PKCS#12 file. */
export class Pkcs12Signer extends Signer {
  readonly #p12: Buffer;
  readonly #passphrase: string;

  constructor(p12: Uint8Array, passphrase = '') {
    super();
    this.#p12 = Buffer.from(p12);
    this.#passphrase = passphrase;
  }

  override async sign(pdf: Buffer, signingTime?: Date): Promise<Buffer> {
    // Time comes from the caller's Clock; signing without it is a programming error.
    if (signingTime === undefined) throw new Error('Pkcs12Signer.sign needs a signing time');
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(this.#p12.toString('binary')));
    const bundle = forge.pkcs12.pkcs12FromAsn1(asn1, false, this.#passphrase);
    const key = [
      ...(bundle.getBags({ bagType: SHROUDED_KEY_BAG })[SHROUDED_KEY_BAG] ?? []),
      ...(bundle.getBags({ bagType: KEY_BAG })[KEY_BAG] ?? []),
    ][0]?.key as forge.pki.rsa.PrivateKey | undefined;
    if (key === undefined) throw new Error('the PKCS#12 file holds no private key');
    const certificates = (bundle.getBags({ bagType: CERT_BAG })[CERT_BAG] ?? [])
      .map((bag) => bag.cert)
      .filter((c): c is forge.pki.Certificate => c !== undefined);
    const own = certificates.find((c) => {
      const pub = c.publicKey as forge.pki.rsa.PublicKey;
      return pub.n.compareTo(key.n) === 0 && pub.e.compareTo(key.e) === 0;
    });
    if (own === undefined) throw new Error('no certificate in the PKCS#12 file matches its key');

    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdf.toString('binary'));
    for (const c of certificates) p7.addCertificate(c);
    // The certificate bytes stay as issued (forge keeps the parsed TBS); only the issuer
    // copied into the SignerInfo is rebuilt from attributes, so decode UTF-8 values once.
    const issuer = {
      attributes: own.issuer.attributes.map((a) =>
        a.valueTagClass === (forge.asn1.Type.UTF8 as unknown) && typeof a.value === 'string'
          ? { ...a, value: forge.util.decodeUtf8(a.value) }
          : a,
      ),
    };
    const signerCertificate = Object.assign(Object.create(Object.getPrototypeOf(own)), own, {
      issuer: { ...own.issuer, ...issuer },
    }) as forge.pki.Certificate;
    p7.addSigner({
      key,
      certificate: signerCertificate,
      digestAlgorithm: OIDS.sha256,
      authenticatedAttributes: [
        { type: OIDS.contentType, value: OIDS.data },
        // forge's typings want a string; it encodes a Date as UTCTime.
        { type: OIDS.signingTime, value: signingTime as unknown as string },
        { type: OIDS.messageDigest },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}
