/** What a verified provider callback means to the engine. */
import type { SignatureEvidence } from '@orderflow/core';

/** The engine event a callback maps to, dispatched as the system actor. */
export type SignatureEngineEvent =
  | { readonly type: 'signatureCompleted'; readonly evidence: SignatureEvidence }
  | { readonly type: 'signatureDeclined'; readonly reason: string }
  | { readonly type: 'signatureExpired' };

/** A verified, first-seen callback: which order and envelope, and the engine event. */
export interface SignatureCallbackEvent {
  readonly eventId: string;
  readonly orderId: string;
  readonly contractId: string;
  readonly envelopeId: string;
  readonly event: SignatureEngineEvent;
}

/** Why a callback was refused. Answer `replayed` with 200 (already handled), the rest with 4xx. */
export type SignatureCallbackRejected =
  | {
      readonly _tag: 'SignatureCallbackRejected';
      readonly reason: 'missingHeader';
      readonly header: string;
    }
  | { readonly _tag: 'SignatureCallbackRejected'; readonly reason: 'badSignature' }
  | {
      readonly _tag: 'SignatureCallbackRejected';
      readonly reason: 'stale';
      readonly signedAtMs: number;
      readonly nowMs: number;
      readonly toleranceMs: number;
    }
  | {
      readonly _tag: 'SignatureCallbackRejected';
      readonly reason: 'invalidBody';
      readonly errors: readonly string[];
    }
  | {
      readonly _tag: 'SignatureCallbackRejected';
      readonly reason: 'replayed';
      readonly eventId: string;
    };
