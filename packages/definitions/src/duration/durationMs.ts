/** The nominal length of an ISO-8601 duration in milliseconds. */
import * as E from 'fp-ts/lib/Either.js';
import { parseDuration } from './parseDuration.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Returns the length of a duration in milliseconds: exact for weeks, days, hours, minutes
 * and seconds (a day is 24 h); a month counts 30 days and a year 365 days. Use
 * {@link addDuration} to move an instant by calendar years and months. Throws a
 * `RangeError` for a malformed duration (durations in a definition are validated at load).
 *
 * @example durationMs('PT24H') // 86400000
 */
export function durationMs(iso: string): number {
  const parsed = parseDuration(iso);
  if (E.isLeft(parsed)) throw new RangeError(`durationMs: ${parsed.left.message}`);
  const p = parsed.right;
  return (
    (p.years * 365 + p.months * 30 + p.weeks * 7 + p.days) * DAY +
    p.hours * HOUR +
    p.minutes * MINUTE +
    p.seconds * SECOND
  );
}
