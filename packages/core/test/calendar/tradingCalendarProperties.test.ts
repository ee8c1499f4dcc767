import { createTradingCalendar } from '@orderflow/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Sydney', 'UTC'];
/** The local date of an instant, from Intl (an oracle independent of the calendar's code). */
const localDate = (instant: number, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);

const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) });
const holidays = fc.uniqueArray(
  fc
    .integer({ min: 0, max: 16 * 366 })
    .map((d) => new Date(Date.UTC(2020, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)),
  { maxLength: 400 },
);
const setup = fc.record({
  timeZone: fc.constantFrom(...zones),
  cutOff: fc.constantFrom('15:00', '09:30', '23:59', '00:30'),
  holidays,
  weekends: fc.boolean(),
});

describe('trading calendar properties', () => {
  it('counts every order for a trading day, never before the day it was placed', () => {
    fc.assert(
      fc.property(setup, instant, (options, t) => {
        const calendar = createTradingCalendar(options);
        const trade = calendar.tradeDate(t);
        const placed = localDate(t, options.timeZone);
        expect(calendar.isTradingDay(calendar.instantOf(trade, '12:00'))).toBe(true);
        expect(trade >= placed).toBe(true);
        expect(trade === placed).toBe(calendar.beforeCutOff(t));
        expect(calendar.isTradingDay(t)).toBe(
          !options.holidays.includes(placed) &&
            (!options.weekends || ![0, 6].includes(new Date(`${placed}T00:00:00Z`).getUTCDay())),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('never moves the trade date backwards as time moves forwards', () => {
    fc.assert(
      fc.property(
        setup,
        instant,
        fc.integer({ min: 0, max: 10 * 86_400_000 }),
        (options, t, dt) => {
          const calendar = createTradingCalendar(options);
          expect(calendar.tradeDate(t + dt) >= calendar.tradeDate(t)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('steps T+n and back to the same trading day', () => {
    fc.assert(
      fc.property(setup, instant, fc.integer({ min: 0, max: 30 }), (options, t, n) => {
        const calendar = createTradingCalendar(options);
        const day = calendar.tradeDate(t);
        const later = calendar.addTradingDays(day, n);
        expect(later >= day).toBe(true);
        expect(calendar.addTradingDays(later, -n)).toBe(day);
      }),
      { numRuns: 300 },
    );
  });

  it('puts the cut-off at the wall-clock time of the zone', () => {
    fc.assert(
      fc.property(setup, instant, (options, t) => {
        const calendar = createTradingCalendar(options);
        const day = calendar.tradeDate(t);
        const cut = calendar.instantOf(day, options.cutOff);
        const wall = new Intl.DateTimeFormat('en-GB', {
          timeZone: options.timeZone,
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        }).format(cut);
        expect(wall).toBe(options.cutOff);
        expect(calendar.beforeCutOff(cut - 60_000)).toBe(true);
        expect(calendar.beforeCutOff(cut)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
