/** Why a receiver refused a webhook: the error union of `verifyWebhook`. */

/** A webhook the receiver must refuse, with the reason a log or a 4xx reply can name. */
export type WebhookRejected =
  | { readonly _tag: 'WebhookRejected'; readonly reason: 'missingHeader'; readonly header: string }
  | { readonly _tag: 'WebhookRejected'; readonly reason: 'badSignature' }
  | {
      readonly _tag: 'WebhookRejected';
      readonly reason: 'stale';
      /** Signed at, and now, in unix milliseconds. */
      readonly signedAtMs: number;
      readonly nowMs: number;
      readonly toleranceMs: number;
    }
  | {
      readonly _tag: 'WebhookRejected';
      readonly reason: 'invalidBody';
      /** io-ts paths that failed, e.g. `recipients.0.address`. */
      readonly errors: readonly string[];
    };
