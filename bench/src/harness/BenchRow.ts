/** One line of the comparison table: orderflow and its peer on one metric, and their ratio. */
import type { Measured } from './Figure.js';

/** Which way is better for a metric: more (throughput) or less (latency, bytes, time). */
export type Better = 'higher' | 'lower';

/**
 * A target on the ratio orderflow / peer (`atLeast` for higher-is-better metrics,
 * `atMost` for lower-is-better ones), or an absolute bound on orderflow's own median.
 */
export type Target =
  | { readonly kind: 'ratioAtLeast'; readonly value: number }
  | { readonly kind: 'ratioAtMost'; readonly value: number }
  | { readonly kind: 'absoluteAtMost'; readonly value: number; readonly unit: string };

/** One row of the table. */
export interface BenchRow {
  /** Stable id for results.json (`engine-memory.lifecycles`). */
  readonly id: string;
  /** The numbered section of issue 7 the row belongs to. */
  readonly section: string;
  /** What is measured, e.g. `lifecycles/s`. */
  readonly metric: string;
  readonly better: Better;
  readonly orderflowName: string;
  readonly orderflow: Measured;
  readonly peerName: string;
  readonly peer: Measured;
  readonly target?: Target;
  /** A short remark printed under the table (how the row was measured). */
  readonly note?: string;
}

/** orderflow's median over the peer's, or `undefined` when either side is missing. */
export const ratioOf = (row: BenchRow): number | undefined =>
  row.orderflow._tag === 'Figure' && row.peer._tag === 'Figure' && row.peer.median !== 0
    ? row.orderflow.median / row.peer.median
    : undefined;

/** Whether the row meets its target: `true`, `false`, or `undefined` (no target or no data). */
export const meetsTarget = (row: BenchRow): boolean | undefined => {
  const target = row.target;
  if (target === undefined) return undefined;
  if (target.kind === 'absoluteAtMost') {
    return row.orderflow._tag === 'Figure' ? row.orderflow.median <= target.value : undefined;
  }
  const ratio = ratioOf(row);
  if (ratio === undefined) return undefined;
  return target.kind === 'ratioAtLeast' ? ratio >= target.value : ratio <= target.value;
};
