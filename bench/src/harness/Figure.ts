/** One measured quantity: the median of several timed rounds, with their spread. */

/** A figure measured over rounds: median, min and max of the per-round values. */
export interface Figure {
  readonly _tag: 'Figure';
  readonly unit: string;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** Every round's value, in the order they ran (warm-up rounds excluded). */
  readonly rounds: readonly number[];
}

/** A figure that could not be measured in this run, and why. */
export interface NotAvailable {
  readonly _tag: 'NotAvailable';
  readonly reason: string;
}

/** What a row holds on each side: a figure, or the reason there is none. */
export type Measured = Figure | NotAvailable;

/** Summarizes per-round values as a {@link Figure}. Throws on an empty list (a harness bug). */
export const figureOf = (unit: string, rounds: readonly number[]): Figure => {
  if (rounds.length === 0) throw new Error('figureOf: no rounds');
  const sorted = [...rounds].sort((a, b) => a - b);
  return {
    _tag: 'Figure',
    unit,
    median: quantile(sorted, 0.5),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    rounds,
  };
};

/** A side of a row that was not measured. */
export const notAvailable = (reason: string): NotAvailable => ({ _tag: 'NotAvailable', reason });

/**
 * The q-quantile (0..1) of ascending values, interpolating between neighbours
 * (the median of an even count is the mean of the middle two).
 */
export const quantile = (sorted: readonly number[], q: number): number => {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[hi] ?? Number.NaN;
  return a + (b - a) * (pos - lo);
};
