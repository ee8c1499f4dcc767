/** The HTTP header names a webhook carries, shared by the sender and `verifyWebhook`. */

/** Header names of an orderflow webhook (compared case-insensitively, as HTTP does). */
export const WEBHOOK_HEADERS = {
  /** `v1=<hex HMAC-SHA256 of "${timestamp}.${body}">` with the shared secret. */
  signature: 'X-Orderflow-Signature',
  /** Unix time in seconds when the request was signed; bounds the replay window. */
  timestamp: 'X-Orderflow-Timestamp',
  /** Stable across retries of the same effect: receivers drop the duplicates. */
  idempotencyKey: 'Idempotency-Key',
  /** The engine event that caused the notification, e.g. `orderApproved`. */
  event: 'X-Orderflow-Event',
} as const;
