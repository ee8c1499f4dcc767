/** The top-level states that end an order. */

/** Top-level states that end an order (besides the stages). */
export const END_STATES = [
  'completed',
  'rejected',
  'cancelled',
  'withdrawn',
  'expired',
  'unconfirmed',
] as const;
