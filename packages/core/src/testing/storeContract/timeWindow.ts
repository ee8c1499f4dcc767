/**
 * Each contract test runs in its own day of simulated time, earlier than every window
 * handed out before it in the run. Claims take every due row of the store, so rows left by
 * earlier tests (on a shared database) are never due inside a later test's window.
 */

/** A test's slice of time: `at(minutes)` is an ISO instant that many minutes into it. */
export interface TimeWindow {
  readonly at: (minutes: number) => string;
}

const DAY_MS = 86_400_000;
/** The first window starts at 2000-01-01T00:00Z; each next one a day earlier. */
const FIRST_WINDOW_MS = Date.UTC(2000, 0, 1);
let windows = 0;

/** Hands out the next (earlier) window; offsets must stay within 0…1440 minutes. */
export const timeWindow = (): TimeWindow => {
  windows += 1;
  const start = FIRST_WINDOW_MS - windows * DAY_MS;
  return {
    at: (minutes) => {
      if (minutes < 0 || minutes >= 1440) {
        throw new RangeError(`timeWindow: ${minutes} minutes is outside the window's day`);
      }
      return new Date(start + minutes * 60_000).toISOString();
    },
  };
};
