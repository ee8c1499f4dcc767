/** The harness arithmetic the table rests on: quantiles, ratios, targets, formatting. */
import { describe, expect, it } from 'vitest';
import { type BenchRow, meetsTarget, ratioOf } from '../src/harness/BenchRow.js';
import { figureOf, notAvailable, quantile } from '../src/harness/Figure.js';
import { formatNumber } from '../src/harness/formatTable.js';
import { measureInterleaved } from '../src/harness/measure.js';

const row = (orderflow: number[], peer: number[], target?: BenchRow['target']): BenchRow => ({
  id: 'r',
  section: '1',
  metric: 'ops/s',
  better: 'higher',
  orderflowName: 'orderflow',
  orderflow: figureOf('ops/s', orderflow),
  peerName: 'peer',
  peer: figureOf('ops/s', peer),
  ...(target === undefined ? {} : { target }),
});

describe('figures', () => {
  it('take the median of an even count as the mean of the middle two', () => {
    const f = figureOf('x', [4, 1, 3, 2]);
    expect([f.median, f.min, f.max]).toEqual([2.5, 1, 4]);
    expect(f.rounds).toEqual([4, 1, 3, 2]);
  });

  it('interpolate quantiles between neighbours', () => {
    expect(quantile([0, 10], 0.99)).toBeCloseTo(9.9);
    expect(quantile([5], 0.5)).toBe(5);
    expect(Number.isNaN(quantile([], 0.5))).toBe(true);
  });
});

describe('ratios and targets', () => {
  it('divide orderflow by the peer, medians only', () => {
    expect(ratioOf(row([1, 2, 100], [4, 4, 4]))).toBe(0.5);
  });

  it('have no ratio when a side was not measured', () => {
    expect(ratioOf({ ...row([1], [1]), orderflow: notAvailable('not built yet') })).toBeUndefined();
  });

  it('judge ratio targets at their bound and absolute targets on orderflow alone', () => {
    expect(meetsTarget(row([1], [2], { kind: 'ratioAtLeast', value: 0.5 }))).toBe(true);
    expect(meetsTarget(row([0.99], [2], { kind: 'ratioAtLeast', value: 0.5 }))).toBe(false);
    expect(meetsTarget(row([3], [2], { kind: 'ratioAtMost', value: 1 }))).toBe(false);
    expect(meetsTarget(row([4096], [1], { kind: 'absoluteAtMost', value: 4096, unit: 'B' }))).toBe(
      true,
    );
    expect(meetsTarget(row([1], [1]))).toBeUndefined();
  });
});

describe('formatting', () => {
  it('prints thousands with separators and small numbers with three significant digits', () => {
    expect(formatNumber(12345.6)).toBe('12,346');
    expect(formatNumber(0.044213)).toBe('0.0442');
    expect(formatNumber(0)).toBe('0');
  });
});

describe('rounds', () => {
  it('repeat batches until the round time is up and interleave the probes', async () => {
    const order: string[] = [];
    const probe = (name: string) => ({
      report: 'rate' as const,
      unit: 'ops/s',
      work: () => {
        order.push(name);
        return 1;
      },
    });
    const figures = await measureInterleaved([probe('a'), probe('b')], {
      warmup: 1,
      rounds: 2,
      roundSeconds: 0,
    });
    expect(order).toEqual(['a', 'b', 'a', 'b', 'a', 'b']);
    expect(figures.map((f) => f.rounds.length)).toEqual([2, 2]);
  });
});
