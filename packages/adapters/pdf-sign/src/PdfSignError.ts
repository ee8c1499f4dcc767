/** What can go wrong when rendering, signing or reading a signed contract PDF. */

/** Failures of the pdf-sign adapter; `retryable` says whether trying again may help. */
export type PdfSignError =
  | {
      readonly _tag: 'FontUnavailable';
      readonly path: string;
      readonly message: string;
      readonly retryable: false;
    }
  | { readonly _tag: 'CertificateInvalid'; readonly message: string; readonly retryable: false }
  | { readonly _tag: 'RenderFailed'; readonly message: string; readonly retryable: false }
  | { readonly _tag: 'SigningFailed'; readonly message: string; readonly retryable: false }
  | {
      readonly _tag: 'StorageFailed';
      readonly path: string;
      readonly message: string;
      readonly retryable: true;
    };

/** A PDF whose signature cannot be read at all (as opposed to one that reads but fails). */
export interface PdfSignatureUnreadable {
  readonly _tag: 'PdfSignatureUnreadable';
  readonly reason: 'noSignature' | 'malformed';
  readonly message: string;
}

/** The message of an unknown thrown value, for errors caught at a library boundary. */
export const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
