/** The clock the bench's engines run on: set by hand, so a lifecycle's 24 h pass instantly. */
import type { Clock } from '@orderflow/core';

/** A settable {@link Clock}. */
export interface BenchClock extends Clock {
  set(ms: number): void;
  advance(ms: number): void;
}

/** A clock starting at `start` (ISO-8601) that moves only when told. */
export const createBenchClock = (start: string): BenchClock => {
  let now = Date.parse(start);
  return {
    now: () => now,
    set: (ms) => {
      now = ms;
    },
    advance: (ms) => {
      now += ms;
    },
  };
};
