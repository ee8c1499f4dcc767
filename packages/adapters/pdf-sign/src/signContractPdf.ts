/** Signs a PDF with a PKCS#12 certificate: a PKCS#7 detached signature via @signpdf. */
import { createHash } from 'node:crypto';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import * as E from 'fp-ts/lib/Either.js';
import { PDFDocument } from 'pdf-lib';
import { messageOf, type PdfSignError } from './PdfSignError.js';
import { Pkcs12Signer } from './Pkcs12Signer.js';
import { readP12Certificate } from './readP12Certificate.js';

/** The certificate, the time, and what the signature dictionary says. */
export interface SignPdfOptions {
  /** PKCS#12 (.p12/.pfx) bytes holding the signer's key and certificate. */
  readonly p12: Uint8Array;
  readonly passphrase?: string;
  /** Signing time (from the Clock), written into the signed attributes and the dictionary. */
  readonly signingTime: Date;
  /** Why it is signed, e.g. `合同签署 order ord-1`. */
  readonly reason: string;
  readonly location?: string;
  readonly contactInfo?: string;
}

/** A signed PDF and the evidence it carries (电子签名法 Art. 13–14). */
export interface SignedPdf {
  readonly pdf: Uint8Array;
  /** SHA-256 of the signed file, hex. */
  readonly documentSha256: string;
  /** The signer certificate's subject. */
  readonly signerSubject: string;
  /** ISO-8601 signing time. */
  readonly signedAt: string;
}

/** Room for the PKCS#7 blob: a 4096-bit RSA signature plus a short chain fits easily. */
const SIGNATURE_LENGTH = 16_384;

/**
 * Adds a signature placeholder to `pdf` and signs it with the certificate in `p12`.
 * The result is a new file; the input bytes are not changed.
 *
 * @example
 * const signed = await signContractPdf(bytes, { p12, signingTime: new Date(clock.now()), reason: '合同签署' });
 */
export async function signContractPdf(
  pdf: Uint8Array,
  options: SignPdfOptions,
): Promise<E.Either<PdfSignError, SignedPdf>> {
  const certificate = readP12Certificate(options.p12, options.passphrase);
  if (E.isLeft(certificate)) return certificate;
  // 电子签名法 Art. 13: a signature made outside the certificate's validity is not reliable.
  const { validFrom, validTo } = certificate.right.certificate;
  const at = options.signingTime.getTime();
  if (at < Date.parse(validFrom) || at > Date.parse(validTo)) {
    return E.left({
      _tag: 'CertificateInvalid',
      message: `the certificate of ${certificate.right.subject} is valid from ${validFrom} to ${validTo}, not at ${options.signingTime.toISOString()}`,
      retryable: false,
    });
  }
  try {
    const document = await PDFDocument.load(pdf, { updateMetadata: false });
    pdflibAddPlaceholder({
      pdfDoc: document,
      reason: options.reason,
      contactInfo: options.contactInfo ?? '',
      name: certificate.right.commonName,
      location: options.location ?? '',
      signingTime: options.signingTime,
      signatureLength: SIGNATURE_LENGTH,
      appName: 'orderflow',
    });
    document.setModificationDate(options.signingTime);
    const withPlaceholder = Buffer.from(await document.save());
    const signer = new Pkcs12Signer(options.p12, options.passphrase);
    const signed = new Uint8Array(
      await new SignPdf().sign(withPlaceholder, signer, options.signingTime),
    );
    return E.right({
      pdf: signed,
      documentSha256: createHash('sha256').update(signed).digest('hex'),
      signerSubject: certificate.right.subject,
      signedAt: options.signingTime.toISOString(),
    });
  } catch (error) {
    return E.left({ _tag: 'SigningFailed', message: messageOf(error), retryable: false });
  }
}
