import { createSimulatedClock } from '@orderflow/core/testing';
import { describe, expect, it } from 'vitest';

describe('simulated clock', () => {
  it('starts where it is told and stands still until moved', () => {
    const clock = createSimulatedClock('2026-01-05T06:59:00.000Z');
    expect(clock.now()).toBe(Date.parse('2026-01-05T06:59:00.000Z'));
    expect(clock.now()).toBe(clock.now());
    expect(clock.isoNow()).toBe('2026-01-05T06:59:00.000Z');
  });

  it('advances by milliseconds', () => {
    const clock = createSimulatedClock(1_000);
    expect(clock.advance(500)).toBe(1_500);
    expect(clock.now()).toBe(1_500);
  });

  it('advances by ISO-8601 durations: exact hours, calendar months', () => {
    const clock = createSimulatedClock('2026-01-31T00:00:00.000Z');
    clock.advance('PT24H');
    expect(clock.isoNow()).toBe('2026-02-01T00:00:00.000Z');
    clock.advance('PT1H30M');
    expect(clock.isoNow()).toBe('2026-02-01T01:30:00.000Z');
    clock.set('2026-01-31T00:00:00.000Z');
    clock.advance('P1M');
    expect(clock.isoNow()).toBe('2026-02-28T00:00:00.000Z');
  });

  it('jumps with set, also backwards', () => {
    const clock = createSimulatedClock(10_000);
    expect(clock.set(5_000)).toBe(5_000);
    expect(clock.set('1970-01-01T00:00:20.000Z')).toBe(20_000);
  });

  it('refuses to advance backwards or by a malformed duration', () => {
    const clock = createSimulatedClock(10_000);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance('24 hours')).toThrow(RangeError);
    expect(() => clock.set('not a date')).toThrow(RangeError);
    expect(clock.now()).toBe(10_000);
  });
});
