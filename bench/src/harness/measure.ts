/**
 * The timing loop. Each probe does a fixed amount of work per round and reports how many
 * operations it did. Probes measured together run interleaved — warm-up rounds of each
 * (discarded), then round 1 of each, round 2 of each… — so a burst of load from another
 * process on a shared machine hits both sides of a ratio, not one.
 */
import { type Figure, figureOf } from './Figure.js';

/** How many rounds to run: `warmup` discarded, then `rounds` timed. */
export interface Rounds {
  readonly warmup: number;
  readonly rounds: number;
}

/** One round of work; resolves to the number of operations it performed. */
export type Work = () => Promise<number> | number;

/** What to time and how to report it. */
export interface Probe {
  /** `rate`: operations per second in `unit`; `micros`: microseconds per operation. */
  readonly report: 'rate' | 'micros';
  readonly unit: string;
  /** Untimed preparation before every round (warm-up rounds included). */
  readonly prepare?: () => Promise<void> | void;
  readonly work: Work;
}

/** The elapsed seconds and operation count of one round. */
interface RoundResult {
  readonly ops: number;
  readonly seconds: number;
}

const runRound = async (probe: Probe): Promise<RoundResult> => {
  await probe.prepare?.();
  const start = process.hrtime.bigint();
  const ops = await probe.work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { ops, seconds };
};

const roundValue = (probe: Probe, r: RoundResult): number =>
  probe.report === 'rate' ? r.ops / r.seconds : (r.seconds * 1e6) / r.ops;

/** Measures probes interleaved, round by round; returns one figure per probe, in order. */
export const measureInterleaved = async (
  probes: readonly Probe[],
  rounds: Rounds,
): Promise<readonly Figure[]> => {
  for (let i = 0; i < rounds.warmup; i++) {
    for (const probe of probes) await runRound(probe);
  }
  const values: number[][] = probes.map(() => []);
  for (let i = 0; i < rounds.rounds; i++) {
    for (const [p, probe] of probes.entries())
      values[p]?.push(roundValue(probe, await runRound(probe)));
  }
  return probes.map((probe, p) => figureOf(probe.unit, values[p] ?? []));
};

/** Measures two probes interleaved (orderflow and its peer). */
export const measurePair = async (
  orderflow: Probe,
  peer: Probe,
  rounds: Rounds,
): Promise<readonly [Figure, Figure]> => {
  const [a, b] = await measureInterleaved([orderflow, peer], rounds);
  if (a === undefined || b === undefined) throw new Error('measurePair: missing figure');
  return [a, b];
};
