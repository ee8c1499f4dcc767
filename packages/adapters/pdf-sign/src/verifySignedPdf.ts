/**
 * Reads back the signature of a signed PDF: who signed, when, and whether the bytes are
 * the ones that were signed. Checks the PKCS#7 signature itself, not only the digest.
 */
import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import forge from 'node-forge';
import { formatSubject } from './formatSubject.js';
import { messageOf, type PdfSignatureUnreadable } from './PdfSignError.js';

/** What the signature of a PDF says, and whether it holds. */
export interface PdfSignatureReport {
  /** The signer certificate's subject, e.g. `CN=张三, O=Example Securities, C=CN`. */
  readonly signer: string;
  /** ISO-8601 signing time from the signed attributes. */
  readonly signedAt: string;
  /**
   * True when the signature verifies, the digest matches, it covers the whole file and it
   * was made while the certificate was valid. Whether the certificate is trusted (its CA)
   * is not judged here.
   */
  readonly intact: boolean;
  /** SHA-256 of the whole file as given, hex. */
  readonly documentSha256: string;
  /** Which checks failed, empty when `intact`. */
  readonly problems: readonly string[];
}

const OID = {
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
} as const;

const HASH_BY_OID: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

const unreadable = (
  reason: PdfSignatureUnreadable['reason'],
  message: string,
): E.Either<PdfSignatureUnreadable, never> =>
  E.left({ _tag: 'PdfSignatureUnreadable', reason, message });

/** The last `/ByteRange [a b c d]` of the file: the most recent signature. */
const lastByteRange = (pdf: Buffer): readonly [number, number, number, number] | undefined => {
  const text = pdf.toString('latin1');
  let found: [number, number, number, number] | undefined;
  for (const m of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    found = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  }
  return found;
};

/** The DER element at the start of `padded` (the /Contents placeholder is zero-padded). */
const derPrefix = (padded: Buffer): Buffer => {
  const first = padded[1] ?? 0;
  if (first < 0x80) return padded.subarray(0, 2 + first);
  const count = first & 0x7f;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + (padded[2 + i] ?? 0);
  return padded.subarray(0, 2 + count + length);
};

const bytes = (binary: string): Buffer => Buffer.from(binary, 'binary');

interface SignerInfo {
  readonly serialHex: string;
  readonly digestAlgorithm: string;
  readonly attributes: forge.asn1.Asn1 | undefined;
  readonly signature: Buffer;
}

/** Picks the fields of a PKCS#7 SignerInfo (RFC 2315 §9.2) that verification needs. */
const readSignerInfo = (info: forge.asn1.Asn1): SignerInfo => {
  const parts = info.value as forge.asn1.Asn1[];
  const issuerAndSerial = parts[1]?.value as forge.asn1.Asn1[] | undefined;
  const serial = issuerAndSerial?.[1]?.value;
  const digestAlg = (parts[2]?.value as forge.asn1.Asn1[] | undefined)?.[0]?.value;
  const attributes = parts.find(
    (p) => p.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && p.type === 0,
  );
  const signature = [...parts].reverse().find((p) => p.type === forge.asn1.Type.OCTETSTRING);
  if (typeof serial !== 'string' || typeof digestAlg !== 'string' || signature === undefined) {
    throw new Error('SignerInfo lacks serial number, digest algorithm or signature');
  }
  return {
    serialHex: forge.util.bytesToHex(serial).replace(/^(00)+(?=.)/, ''),
    digestAlgorithm: forge.asn1.derToOid(digestAlg),
    attributes,
    signature: bytes(signature.value as string),
  };
};

/** The value of a signed attribute by OID. */
const attribute = (attributes: forge.asn1.Asn1, oid: string): forge.asn1.Asn1 | undefined => {
  for (const attr of attributes.value as forge.asn1.Asn1[]) {
    const [type, values] = attr.value as forge.asn1.Asn1[];
    if (type !== undefined && forge.asn1.derToOid(type.value as string) === oid) {
      return (values?.value as forge.asn1.Asn1[] | undefined)?.[0];
    }
  }
  return undefined;
};

/**
 * Verifies the last signature of a PDF. `Left` when there is no readable signature;
 * otherwise a report whose `intact` says whether the document is the one that was signed.
 *
 * @example
 * const report = verifySignedPdf(await readFile('contract.pdf'));
 */
export function verifySignedPdf(
  pdfBytes: Uint8Array,
): E.Either<PdfSignatureUnreadable, PdfSignatureReport> {
  const pdf = Buffer.from(pdfBytes);
  const range = lastByteRange(pdf);
  if (range === undefined) return unreadable('noSignature', 'the PDF has no signature /ByteRange');
  const [start, firstLength, secondStart, secondLength] = range;
  const problems: string[] = [];
  if (start !== 0 || secondStart + secondLength !== pdf.length) {
    problems.push('the signature does not cover the whole file (bytes were added or removed)');
  }
  if (secondStart <= firstLength || secondStart + secondLength > pdf.length) {
    return unreadable('malformed', `impossible /ByteRange [${range.join(' ')}]`);
  }

  try {
    const hex = pdf
      .subarray(firstLength, secondStart)
      .toString('latin1')
      .replace(/[<>\s]/g, '');
    const der = derPrefix(Buffer.from(hex, 'hex'));
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')));
    const message = forge.pkcs7.messageFromAsn1(asn1) as forge.pkcs7.PkcsSignedData & {
      rawCapture: { signerInfos?: forge.asn1.Asn1[] };
    };
    const info = message.rawCapture.signerInfos?.[0];
    if (info === undefined) return unreadable('malformed', 'the PKCS#7 blob has no SignerInfo');
    const signer = readSignerInfo(info);
    const certificates = message.certificates.map(
      (c) =>
        new X509Certificate(bytes(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes())),
    );
    const certificate =
      certificates.find(
        (c) => c.serialNumber.toLowerCase().replace(/^(00)+(?=.)/, '') === signer.serialHex,
      ) ?? certificates[0];
    if (certificate === undefined) return unreadable('malformed', 'no signer certificate embedded');
    if (signer.attributes === undefined) {
      return unreadable('malformed', 'the signature has no signed attributes');
    }

    const hash = HASH_BY_OID[signer.digestAlgorithm];
    if (hash === undefined) {
      return unreadable('malformed', `unsupported digest algorithm ${signer.digestAlgorithm}`);
    }
    const signedBytes = Buffer.concat([
      pdf.subarray(start, start + firstLength),
      pdf.subarray(secondStart, secondStart + secondLength),
    ]);
    const digest = createHash(hash).update(signedBytes).digest();
    const claimed = attribute(signer.attributes, OID.messageDigest);
    if (claimed === undefined || !bytes(claimed.value as string).equals(digest)) {
      problems.push('the document digest does not match the signed digest (content changed)');
    }

    // The signature covers the signed attributes re-encoded as a SET (RFC 2315 §9.3).
    const attributesAsSet = forge.asn1.create(
      forge.asn1.Class.UNIVERSAL,
      forge.asn1.Type.SET,
      true,
      signer.attributes.value as forge.asn1.Asn1[],
    );
    const signedAttributes = bytes(forge.asn1.toDer(attributesAsSet).getBytes());
    if (!verifySignature(hash, signedAttributes, certificate.publicKey, signer.signature)) {
      problems.push('the signature does not verify with the signer certificate');
    }

    const time = attribute(signer.attributes, OID.signingTime);
    const signedAt =
      time === undefined
        ? ''
        : (time.type === forge.asn1.Type.UTCTIME
            ? forge.asn1.utcTimeToDate(time.value as string)
            : forge.asn1.generalizedTimeToDate(time.value as string)
          ).toISOString();
    if (signedAt === '') problems.push('the signature has no signing time');
    else if (
      Date.parse(signedAt) < Date.parse(certificate.validFrom) ||
      Date.parse(signedAt) > Date.parse(certificate.validTo)
    ) {
      problems.push('the signing time lies outside the certificate validity');
    }

    return E.right({
      signer: formatSubject(certificate),
      signedAt,
      intact: problems.length === 0,
      documentSha256: createHash('sha256').update(pdf).digest('hex'),
      problems,
    });
  } catch (error) {
    return unreadable('malformed', `cannot read the PKCS#7 signature: ${messageOf(error)}`);
  }
}
