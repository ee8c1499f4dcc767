/** Work the engine asks the outside world to do, stored in the outbox with the commit. */
import type { JsonObject } from './Json.js';

/** The kinds of effects the engine emits. */
export type EffectKind =
  | 'notify'
  | 'requestSignature'
  | 'instructTransfer'
  | 'refund'
  | 'requestConfirmation';

/** An effect as the engine creates it inside a commit. */
export interface NewEffect {
  /** Unique; also the idempotency key passed to the provider (stable across retries). */
  readonly effectId: string;
  readonly orderId: string;
  readonly kind: EffectKind;
  readonly payload: JsonObject;
  /** Not delivered before this instant. */
  readonly availableAt: string;
}

/** Delivery state of an effect. */
export type EffectStatus = 'pending' | 'claimed' | 'done' | 'failed';

/** An effect as stored. */
export interface StoredEffect extends NewEffect {
  readonly status: EffectStatus;
  readonly attempts: number;
  /** Who holds the lease, and until when; an expired lease makes the effect claimable again. */
  readonly claimedBy: string | null;
  readonly leaseUntil: string | null;
  readonly lastError: string | null;
}
