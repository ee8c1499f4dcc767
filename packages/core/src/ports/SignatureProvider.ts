/** E-signature: local PKCS#7 signing or a remote provider. */
import type { Either } from 'fp-ts/lib/Either.js';
import type { JsonObject } from '../domain/Json.js';

/** What to sign: the contract of one order version. */
export interface SignatureRequest {
  readonly idempotencyKey: string;
  readonly orderId: string;
  readonly contractId: string;
  readonly contractText: string;
  readonly signer: { readonly id: string; readonly name: string };
  readonly data: JsonObject;
}

/**
 * Evidence of a completed signature (电子签名法 Art. 13–14): document hash, who signed
 * (certificate subject or verified identity), and when.
 */
export interface SignatureEvidence {
  /** SHA-256 (hex) of the signed document's bytes. */
  readonly documentSha256: string;
  /**
   * SHA-256 (hex) of the contract text the signer was asked to sign, when the signed
   * document is not that text itself (a rendered PDF). The engine matches it against the
   * drafted contract; without it, `documentSha256` must be the text's own hash.
   */
  readonly contractSha256?: string;
  readonly signerIdentity: string;
  readonly signedAt: string;
  readonly envelopeId: string;
  readonly documentRef?: string;
}

/** The provider answered at once with evidence, or accepted the request (evidence comes by callback). */
export type SignatureOutcome =
  | { readonly _tag: 'Signed'; readonly evidence: SignatureEvidence }
  | { readonly _tag: 'Pending'; readonly envelopeId: string };

/** A failed signature request. */
export interface SignatureFailed {
  readonly _tag: 'SignatureFailed';
  readonly message: string;
  readonly retryable: boolean;
}

/** Signs contracts. */
export interface SignatureProvider {
  requestSignature(request: SignatureRequest): Promise<Either<SignatureFailed, SignatureOutcome>>;
}
