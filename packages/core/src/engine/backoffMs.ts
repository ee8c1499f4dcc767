/** Exponential backoff of effect deliveries. */

/** 30 s, 1 min, 2 min, … capped at 1 h, for the `attempt`-th failed delivery (1-based). */
export const backoffMs = (attempt: number): number =>
  Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
