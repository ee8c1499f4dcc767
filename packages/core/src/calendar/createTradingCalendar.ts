/**
 * The trading calendar: trading days (no weekend, no holiday) and the daily cut-off,
 * computed in the market's time zone with `@date-fns/tz` (no hand-written offsets).
 * Zone lookups cost an `Intl` call each, so per-date answers are memoized (bounded).
 */
import { TZDate, tzOffset } from '@date-fns/tz';
import type { Calendar } from '../ports/Calendar.js';
import type { TradingCalendarOptions } from './TradingCalendarOptions.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** Bounds any search for the next trading day (a year of holidays is a mistake). */
const MAX_CLOSED_DAYS = 366;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const parseDate = (date: string): [number, number, number] => {
  const m = DATE.exec(date);
  const parsed = m && ([Number(m[1]), Number(m[2]), Number(m[3])] as [number, number, number]);
  if (
    parsed === null ||
    new Date(Date.UTC(parsed[0], parsed[1] - 1, parsed[2])).getUTCDate() !== parsed[2]
  ) {
    throw new RangeError(
      `trading calendar: expected a date YYYY-MM-DD, got ${JSON.stringify(date)}`,
    );
  }
  return parsed;
};

const parseTime = (time: string): [number, number] => {
  const m = TIME.exec(time);
  if (m === null) {
    throw new RangeError(`trading calendar: expected a time HH:MM, got ${JSON.stringify(time)}`);
  }
  return [Number(m[1]), Number(m[2])];
};

/** Memoized answers kept per calendar before the memo is cleared. */
const MEMO_LIMIT = 4096;

const memo = <A>(compute: (key: string) => A): ((key: string) => A) => {
  const known = new Map<string, A>();
  return (key) => {
    const hit = known.get(key);
    if (hit !== undefined) return hit;
    if (known.size >= MEMO_LIMIT) known.clear();
    const value = compute(key);
    known.set(key, value);
    return value;
  };
};

/** `YYYY-MM-DD` of the UTC fields of `d`. */
const formatUtc = (d: Date): string =>
  `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/**
 * Creates a {@link Calendar}. A trading day is a date (in `timeZone`) that is not a
 * Saturday or Sunday (unless `weekends: false`) and not in `holidays`. Orders placed on a
 * trading day before the cut-off count for that day; later ones, and those on closed days,
 * for the next trading day. Throws `RangeError` for a malformed zone, time or date.
 *
 * @example
 * const calendar = createTradingCalendar({ holidays: ['2026-10-01'] });
 * calendar.tradeDate(Date.parse('2026-01-05T07:01:00Z')); // '2026-01-06' (after 15:00 in Shanghai)
 */
export const createTradingCalendar = (options: TradingCalendarOptions = {}): Calendar => {
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  new Intl.DateTimeFormat('en', { timeZone }); // throws RangeError for an unknown zone
  const cutOff = options.cutOff ?? '15:00';
  parseTime(cutOff);
  const holidays = new Set(options.holidays ?? []);
  for (const holiday of holidays) parseDate(holiday);
  const closedOnWeekends = options.weekends ?? true;

  /** The date in the zone: the instant moved by the zone's offset at that instant. */
  const dateOf = (instant: number): string =>
    formatUtc(new Date(instant + tzOffset(timeZone, new Date(instant)) * 60_000));
  /** Calendar-date arithmetic: a date has no zone, so UTC fields do it exactly. */
  const shift = (date: string, days: number): string => {
    const [y, m, d] = parseDate(date);
    return formatUtc(new Date(Date.UTC(y, m - 1, d + days)));
  };
  const isTradingDate = memo((date: string): boolean => {
    const [y, m, d] = parseDate(date);
    const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    return !(closedOnWeekends && (weekday === 0 || weekday === 6)) && !holidays.has(date);
  });
  const step = (date: string, direction: 1 | -1): string => {
    let next = shift(date, direction);
    for (let i = 0; !isTradingDate(next); i += 1) {
      if (i > MAX_CLOSED_DAYS) {
        throw new RangeError(`trading calendar: no trading day within a year of ${date}`);
      }
      next = shift(next, direction);
    }
    return next;
  };
  const wallClock = memo((dateTime: string): number => {
    const [date = '', time = ''] = dateTime.split(' ');
    const [y, m, d] = parseDate(date);
    const [hh, mm] = parseTime(time);
    return new TZDate(y, m - 1, d, hh, mm, timeZone).getTime();
  });
  const instantOf = (date: string, time: string): number => wallClock(`${date} ${time}`);
  /** Whether `instant`, which falls on `date` in the zone, is before that day's cut-off. */
  const beforeCutOffOn = (instant: number, date: string): boolean =>
    isTradingDate(date) && instant < instantOf(date, cutOff);

  return {
    isTradingDay: (instant) => isTradingDate(dateOf(instant)),
    beforeCutOff: (instant) => beforeCutOffOn(instant, dateOf(instant)),
    tradeDate: (instant) => {
      const date = dateOf(instant);
      return beforeCutOffOn(instant, date) ? date : step(date, 1);
    },
    addTradingDays: (date, n) => {
      if (!Number.isInteger(n)) {
        throw new RangeError(`trading calendar: ${n} is not a whole number of days`);
      }
      parseDate(date);
      let result = date;
      for (let i = 0; i < Math.abs(n); i += 1) result = step(result, n > 0 ? 1 : -1);
      return result;
    },
    instantOf,
  };
};
