/** HTTP header names of the e-signature protocol, shared by client, simulator and callbacks. */

/** Header names (HTTP compares them case-insensitively). */
export const ESIGN_HEADERS = {
  /** On callbacks: `v1=<hex HMAC-SHA256 of "${timestamp}.${body}">` with the callback secret. */
  signature: 'X-Esign-Signature',
  /** On callbacks: unix seconds when the provider signed the callback. */
  timestamp: 'X-Esign-Timestamp',
  /** On callbacks: the event id, also in the body; a receiver handles each id once. */
  eventId: 'X-Esign-Event-Id',
  /** On envelope creation: the effect's idempotency key; a repeat returns the same envelope. */
  idempotencyKey: 'Idempotency-Key',
} as const;
