/** Moves an instant by an ISO-8601 duration, calendar-aware in a time zone. */
import * as E from 'fp-ts/lib/Either.js';
import { parseDuration } from './parseDuration.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of an instant in a time zone, as a UTC timestamp of those fields. */
function wallClock(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instantMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const ms = ((instantMs % 1000) + 1000) % 1000;
  return Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
    ms,
  );
}

/** The instant whose wall clock in `timeZone` reads `wall` (earlier one in a DST overlap). */
function fromWallClock(wall: number, timeZone: string): number {
  const first = wall - (wallClock(wall, timeZone) - wall);
  return wall - (wallClock(first, timeZone) - first);
}

/**
 * Adds an ISO-8601 duration to an instant (epoch milliseconds). Years, months, weeks and
 * days move the calendar date in `timeZone` (default UTC) and keep the wall-clock time; a
 * day past the end of the month is clamped (Jan 31 + P1M → Feb 28/29). Hours, minutes and
 * seconds then add exact elapsed time. Throws a `RangeError` for a malformed duration.
 *
 * @example addDuration(Date.UTC(2026, 0, 31), 'P1M') // Date.UTC(2026, 1, 28)
 */
export function addDuration(instantMs: number, iso: string, timeZone = 'UTC'): number {
  const parsed = parseDuration(iso);
  if (E.isLeft(parsed)) throw new RangeError(`addDuration: ${parsed.left.message}`);
  const p = parsed.right;
  let instant = instantMs;
  if (p.years + p.months + p.weeks + p.days > 0) {
    // UTC needs no time-zone formatter: the wall clock is the instant itself.
    const wall = new Date(timeZone === 'UTC' ? instantMs : wallClock(instantMs, timeZone));
    const monthIndex = wall.getUTCFullYear() * 12 + wall.getUTCMonth() + p.years * 12 + p.months;
    const year = Math.floor(monthIndex / 12);
    const month = monthIndex % 12;
    const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    const day = Math.min(wall.getUTCDate(), lastDay) + p.weeks * 7 + p.days;
    const moved = Date.UTC(
      year,
      month,
      day,
      wall.getUTCHours(),
      wall.getUTCMinutes(),
      wall.getUTCSeconds(),
      wall.getUTCMilliseconds(),
    );
    instant = timeZone === 'UTC' ? moved : fromWallClock(moved, timeZone);
  }
  return instant + ((p.hours * 60 + p.minutes) * 60 + p.seconds) * 1000;
}
