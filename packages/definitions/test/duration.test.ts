import { addDuration, durationMs, parseDuration } from '@orderflow/definitions';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';

const HOUR = 3600_000;

describe('durations', () => {
  it.each([
    ['PT24H', 24 * HOUR],
    ['P1D', 24 * HOUR],
    ['P2W', 14 * 24 * HOUR],
    ['PT1H30M15S', HOUR + 30 * 60_000 + 15_000],
    ['P1Y', 365 * 24 * HOUR],
    ['P1M', 30 * 24 * HOUR],
  ])('%s lasts %i ms nominally', (iso, ms) => {
    expect(durationMs(iso)).toBe(ms);
  });

  it.each(['PT', 'P', '24H', 'P1.5D', '-P1D', 'PT1D'])('refuses %j', (iso) => {
    expect(E.isLeft(parseDuration(iso))).toBe(true);
  });

  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(addDuration(Date.UTC(2026, 0, 31, 9), 'P1M')).toBe(Date.UTC(2026, 1, 28, 9));
    expect(addDuration(Date.UTC(2028, 0, 31, 9), 'P1M')).toBe(Date.UTC(2028, 1, 29, 9));
    expect(addDuration(Date.UTC(2024, 1, 29), 'P1Y')).toBe(Date.UTC(2025, 1, 28));
  });

  it('adds exact elapsed hours', () => {
    expect(addDuration(Date.UTC(2026, 10, 27, 15), 'PT24H')).toBe(Date.UTC(2026, 10, 28, 15));
  });

  it('keeps the wall-clock time across a daylight-saving change when adding days', () => {
    // New York moves to summer time on 2026-03-08: P1D keeps 09:00 local, PT24H does not.
    const before = Date.UTC(2026, 2, 7, 14); // 09:00 EST
    expect(addDuration(before, 'P1D', 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 13)); // 09:00 EDT
    expect(addDuration(before, 'PT24H', 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 14));
  });

  it('moves dates in the given time zone, not in UTC', () => {
    // 2026-01-31 02:00 in Shanghai is still January 30 in UTC.
    const shanghai = Date.UTC(2026, 0, 30, 18);
    expect(addDuration(shanghai, 'P1M', 'Asia/Shanghai')).toBe(Date.UTC(2026, 1, 27, 18));
  });
});
