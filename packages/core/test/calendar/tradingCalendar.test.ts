import { createTradingCalendar } from '@orderflow/core';
import { describe, expect, it } from 'vitest';

const at = (iso: string): number => Date.parse(iso);

describe('trading calendar (Asia/Shanghai, cut-off 15:00 by default)', () => {
  const calendar = createTradingCalendar({ holidays: ['2026-10-01', '2026-10-02'] });

  it('is before the cut-off at 14:59 Shanghai (06:59Z) on a weekday, and not at 15:01 (07:01Z)', () => {
    // 2026-01-05 is a Monday.
    expect(calendar.beforeCutOff(at('2026-01-05T06:59:00Z'))).toBe(true);
    expect(calendar.beforeCutOff(at('2026-01-05T07:01:00Z'))).toBe(false);
    expect(calendar.beforeCutOff(at('2026-01-05T07:00:00Z'))).toBe(false);
  });

  it('counts an order for today before the cut-off and for the next trading day after it', () => {
    expect(calendar.tradeDate(at('2026-01-05T06:59:00Z'))).toBe('2026-01-05');
    expect(calendar.tradeDate(at('2026-01-05T07:01:00Z'))).toBe('2026-01-06');
  });

  it('uses the Shanghai date, not the UTC date, near midnight', () => {
    // 2026-01-05T17:00Z is Tuesday 01:00 in Shanghai, still Monday in UTC.
    expect(calendar.tradeDate(at('2026-01-05T17:00:00Z'))).toBe('2026-01-06');
    expect(calendar.beforeCutOff(at('2026-01-05T17:00:00Z'))).toBe(true);
  });

  it('closes on weekends: a Friday-afternoon or Saturday order counts for Monday', () => {
    expect(calendar.isTradingDay(at('2026-01-10T03:00:00Z'))).toBe(false); // Saturday
    expect(calendar.isTradingDay(at('2026-01-11T03:00:00Z'))).toBe(false); // Sunday
    expect(calendar.beforeCutOff(at('2026-01-10T03:00:00Z'))).toBe(false);
    expect(calendar.tradeDate(at('2026-01-09T07:30:00Z'))).toBe('2026-01-12');
    expect(calendar.tradeDate(at('2026-01-10T03:00:00Z'))).toBe('2026-01-12');
  });

  it('closes on holidays: the order counts for the next open day', () => {
    expect(calendar.isTradingDay(at('2026-10-01T02:00:00Z'))).toBe(false);
    expect(calendar.beforeCutOff(at('2026-10-01T02:00:00Z'))).toBe(false);
    // Thu 1 Oct and Fri 2 Oct are holidays, then the weekend.
    expect(calendar.tradeDate(at('2026-09-30T08:00:00Z'))).toBe('2026-10-05');
  });

  it('adds trading days: T+1 over a weekend, T+2 over holidays, backwards too', () => {
    expect(calendar.addTradingDays('2026-01-09', 1)).toBe('2026-01-12');
    expect(calendar.addTradingDays('2026-01-05', 1)).toBe('2026-01-06');
    expect(calendar.addTradingDays('2026-09-30', 2)).toBe('2026-10-06');
    expect(calendar.addTradingDays('2026-01-12', -1)).toBe('2026-01-09');
    expect(calendar.addTradingDays('2026-01-05', 0)).toBe('2026-01-05');
  });

  it('gives the instant of a wall-clock time in Shanghai', () => {
    expect(new Date(calendar.instantOf('2026-01-05', '15:00')).toISOString()).toBe(
      '2026-01-05T07:00:00.000Z',
    );
    expect(new Date(calendar.instantOf('2026-01-06', '00:30')).toISOString()).toBe(
      '2026-01-05T16:30:00.000Z',
    );
  });

  it('refuses malformed dates, times and zones', () => {
    expect(() => calendar.addTradingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => calendar.instantOf('2026-01-05', '25:00')).toThrow(RangeError);
    expect(() => createTradingCalendar({ timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => createTradingCalendar({ holidays: ['1 Oct'] })).toThrow(RangeError);
  });
});

describe('trading calendar in another zone', () => {
  const newYork = createTradingCalendar({ timeZone: 'America/New_York', cutOff: '16:00' });

  it('applies the cut-off in that zone, following daylight saving time', () => {
    // Winter (EST, UTC-5): 16:00 is 21:00Z. Summer (EDT, UTC-4): 16:00 is 20:00Z.
    expect(newYork.beforeCutOff(at('2026-01-05T20:59:00Z'))).toBe(true);
    expect(newYork.beforeCutOff(at('2026-01-05T21:01:00Z'))).toBe(false);
    expect(newYork.beforeCutOff(at('2026-07-06T19:59:00Z'))).toBe(true);
    expect(newYork.beforeCutOff(at('2026-07-06T20:01:00Z'))).toBe(false);
    expect(new Date(newYork.instantOf('2026-07-06', '16:00')).toISOString()).toBe(
      '2026-07-06T20:00:00.000Z',
    );
  });

  it('sees a different date than Shanghai for the same instant', () => {
    // Monday 2026-01-05T02:00Z: Monday 10:00 in Shanghai, Sunday 21:00 in New York.
    const instant = at('2026-01-05T02:00:00Z');
    expect(createTradingCalendar().isTradingDay(instant)).toBe(true);
    expect(newYork.isTradingDay(instant)).toBe(false);
    expect(newYork.tradeDate(instant)).toBe('2026-01-05');
  });

  it('opens weekends when told to', () => {
    const everyDay = createTradingCalendar({ weekends: false });
    expect(everyDay.isTradingDay(at('2026-01-10T03:00:00Z'))).toBe(true);
    expect(everyDay.addTradingDays('2026-01-09', 1)).toBe('2026-01-10');
  });
});
