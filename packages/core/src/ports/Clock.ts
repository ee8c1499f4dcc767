/** Time comes from a Clock: no `Date.now()` outside clock adapters. */

/** The engine's source of the current instant. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };
