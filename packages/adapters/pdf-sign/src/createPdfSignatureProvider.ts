/** A `SignatureProvider` that renders the contract PDF and signs it locally with a PKCS#12. */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock, SignatureEvidence, SignatureFailed, SignatureProvider } from '@orderflow/core';
import * as E from 'fp-ts/lib/Either.js';
import { contractDocumentFrom } from './ContractDocument.js';
import { DEFAULT_CJK_FONT_PATH, loadCjkFont } from './loadCjkFont.js';
import { messageOf, type PdfSignError } from './PdfSignError.js';
import { renderContractPdf } from './renderContractPdf.js';
import { signContractPdf } from './signContractPdf.js';
import { verifySignedPdf } from './verifySignedPdf.js';

/** The certificate, the font, where signed PDFs go, and the clock. */
export interface PdfSignatureProviderOptions {
  /** PKCS#12 bytes of the signing certificate (the firm's or the signer's). */
  readonly p12: Uint8Array;
  readonly passphrase?: string;
  /** Directory for signed PDFs (created if missing); the evidence's `documentRef` points here. */
  readonly outputDir: string;
  readonly clock: Clock;
  /** A font with CJK glyphs; default Droid Sans Fallback from Debian `fonts-droid-fallback`. */
  readonly fontPath?: string;
  /** Written into the signature dictionary; default `中国`. */
  readonly location?: string;
  readonly contactInfo?: string;
}

const failed = (error: PdfSignError): E.Either<SignatureFailed, never> =>
  E.left({
    _tag: 'SignatureFailed',
    message: `${error._tag}: ${error.message}`,
    retryable: error.retryable,
  });

const safeName = (s: string): string => s.replace(/[^\w.-]+/g, '_').slice(0, 64);

/**
 * Creates a local e-signature provider: each request renders the contract (CJK font,
 * subset), signs it with the PKCS#12 certificate at the Clock's time, writes
 * `outputDir/<order>-<contract>-<key>.pdf`, and answers `Signed` with the document
 * SHA-256, the certificate subject and the signing time. A repeated request with the same
 * idempotency key returns the file already signed, unchanged.
 *
 * @example
 * const signer = createPdfSignatureProvider({ p12, outputDir: './signed', clock: systemClock });
 */
export function createPdfSignatureProvider(
  options: PdfSignatureProviderOptions,
): SignatureProvider {
  const fontPath = options.fontPath ?? DEFAULT_CJK_FONT_PATH;

  const evidenceFrom = (
    pdf: Uint8Array,
    envelopeId: string,
    path: string,
    contractSha256: string,
  ): E.Either<SignatureFailed, SignatureEvidence> => {
    const report = verifySignedPdf(pdf);
    if (E.isLeft(report) || !report.right.intact) {
      return E.left({
        _tag: 'SignatureFailed',
        message: `the signed file ${path} does not verify`,
        retryable: false,
      });
    }
    return E.right({
      documentSha256: report.right.documentSha256,
      contractSha256,
      signerIdentity: report.right.signer,
      signedAt: report.right.signedAt,
      envelopeId,
      documentRef: path,
    });
  };

  return {
    async requestSignature(request) {
      const key = createHash('sha256').update(request.idempotencyKey).digest('hex');
      // The PDF is a rendering of the text; the engine matches the text's hash to the contract.
      const contractSha256 = createHash('sha256')
        .update(request.contractText, 'utf8')
        .digest('hex');
      const envelopeId = `pdf-${key.slice(0, 24)}`;
      const path = join(
        options.outputDir,
        `${safeName(request.orderId)}-${safeName(request.contractId)}-${key.slice(0, 12)}.pdf`,
      );

      const existing = await readFile(path).catch(() => undefined);
      if (existing !== undefined) {
        const evidence = evidenceFrom(new Uint8Array(existing), envelopeId, path, contractSha256);
        return E.map((e: SignatureEvidence) => ({ _tag: 'Signed' as const, evidence: e }))(
          evidence,
        );
      }

      const font = await loadCjkFont(fontPath);
      if (E.isLeft(font)) return failed(font.left);
      const now = new Date(options.clock.now());
      const rendered = await renderContractPdf(contractDocumentFrom(request), {
        font: font.right,
        createdAt: now,
      });
      if (E.isLeft(rendered)) return failed(rendered.left);
      const signed = await signContractPdf(rendered.right, {
        p12: options.p12,
        ...(options.passphrase === undefined ? {} : { passphrase: options.passphrase }),
        signingTime: now,
        reason: `合同签署 Contract ${request.contractId}, order ${request.orderId}, signer ${request.signer.name} (${request.signer.id})`,
        location: options.location ?? '中国',
        ...(options.contactInfo === undefined ? {} : { contactInfo: options.contactInfo }),
      });
      if (E.isLeft(signed)) return failed(signed.left);

      try {
        await mkdir(options.outputDir, { recursive: true });
        // Write then rename, so a crash never leaves a half-written contract under the name.
        const partial = `${path}.${key.slice(0, 8)}.partial`;
        await writeFile(partial, signed.right.pdf, { flag: 'w' });
        await rename(partial, path);
      } catch (error) {
        return failed({
          _tag: 'StorageFailed',
          path,
          message: `cannot store the signed contract: ${messageOf(error)}`,
          retryable: true,
        });
      }
      return E.right({
        _tag: 'Signed',
        evidence: {
          documentSha256: signed.right.documentSha256,
          contractSha256,
          signerIdentity: signed.right.signerSubject,
          signedAt: signed.right.signedAt,
          envelopeId,
          documentRef: path,
        },
      });
    },
  };
}
