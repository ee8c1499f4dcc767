/**
 * The timing loop. A round calls a probe's `work` (a batch of operations) again and again
 * until `roundSeconds` of work time have passed, and reports operations per second (or
 * time per operation) over the round. Probes measured together run interleaved — warm-up
 * rounds of each (discarded), then round 1 of each, round 2 of each… — so a burst of load
 * from another process on a shared machine hits both sides of a ratio, not one.
 */
import { type Figure, figureOf } from './Figure.js';

/** How many rounds to run (`warmup` discarded, then `rounds` timed), and how long each is. */
export interface Rounds {
  readonly warmup: number;
  readonly rounds: number;
  /** Work time per round: batches repeat until it has passed (at least one batch). */
  readonly roundSeconds: number;
}

/** One round of work; resolves to the number of operations it performed. */
export type Work = () => Promise<number> | number;

/** What to time and how to report it. */
export interface Probe {
  /** `rate`: operations per second in `unit`; `micros`: microseconds per operation. */
  readonly report: 'rate' | 'micros';
  readonly unit: string;
  /** Untimed preparation before every batch. */
  readonly prepare?: () => Promise<void> | void;
  readonly work: Work;
  /** Called after every round (warm-up rounds included), e.g. to summarize latencies. */
  readonly endRound?: () => void;
}

/** The elapsed seconds and operation count of one round. */
interface RoundResult {
  readonly ops: number;
  readonly seconds: number;
}

const runRound = async (probe: Probe, roundSeconds: number): Promise<RoundResult> => {
  let ops = 0;
  let seconds = 0;
  do {
    await probe.prepare?.();
    const start = process.hrtime.bigint();
    ops += await probe.work();
    seconds += Number(process.hrtime.bigint() - start) / 1e9;
  } while (seconds < roundSeconds);
  probe.endRound?.();
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
    for (const probe of probes) await runRound(probe, rounds.roundSeconds);
  }
  const values: number[][] = probes.map(() => []);
  for (let i = 0; i < rounds.rounds; i++) {
    for (const [p, probe] of probes.entries())
      values[p]?.push(roundValue(probe, await runRound(probe, rounds.roundSeconds)));
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
