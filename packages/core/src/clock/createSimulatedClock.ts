/** A clock for tests: time moves only when the test says so. */
import { addDuration } from '@orderflow/definitions';
import type { SimulatedClock } from './SimulatedClock.js';

const instant = (to: number | string): number => {
  const ms = typeof to === 'number' ? to : Date.parse(to);
  if (!Number.isFinite(ms)) throw new RangeError(`simulated clock: not an instant: ${String(to)}`);
  return ms;
};

/**
 * Creates a {@link SimulatedClock} at `start` (epoch ms or ISO-8601 string). `advance`
 * takes milliseconds or an ISO-8601 duration: `P1M` moves by a calendar month (UTC),
 * `PT24H` by exactly 24 hours. Moving backwards with `advance` is refused (use `set`).
 * Throws `RangeError` for a malformed instant or duration (a mistake in the test).
 *
 * @example
 * const clock = createSimulatedClock('2026-01-05T06:59:00Z');
 * clock.advance('PT24H');
 */
export const createSimulatedClock = (start: number | string): SimulatedClock => {
  let now = instant(start);
  return {
    now: () => now,
    isoNow: () => new Date(now).toISOString(),
    advance: (by) => {
      const next = typeof by === 'number' ? now + by : addDuration(now, by);
      if (!Number.isFinite(next) || next < now) {
        throw new RangeError(`simulated clock: cannot advance by ${String(by)}`);
      }
      now = next;
      return now;
    },
    set: (to) => {
      now = instant(to);
      return now;
    },
  };
};
