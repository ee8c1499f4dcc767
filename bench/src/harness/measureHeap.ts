/**
 * Heap per item: collect garbage, read `heapUsed`, create a batch of items (kept alive or
 * not, as the item's owner decides), collect again, read again; the difference over the
 * batch size, one value per round.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type Figure, figureOf } from './Figure.js';
import type { Rounds } from './measure.js';

/** The garbage collector, exposed at run time when node was not started with --expose-gc. */
const collectGarbage = (): (() => void) => {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed !== undefined) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
};

/** A few full collections, until the heap stops shrinking. */
const settledHeap = (gc: () => void): number => {
  let last = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    gc();
    const used = process.memoryUsage().heapUsed;
    if (used >= last) return used;
    last = used;
  }
  return last;
};

/**
 * One batch of a heap round: creates `items` things and returns a handle that keeps alive
 * whatever the owner would keep (or `undefined`), and a release function run after the read.
 */
export interface HeapBatch {
  readonly items: number;
  readonly keep: unknown;
  readonly release: () => Promise<void> | void;
}

/**
 * One round in its own call: in an async loop, the slot of a block-scoped `made` would
 * keep the previous round's batch alive into the next round's first reading.
 */
const heapRound = async (gc: () => void, batch: () => Promise<HeapBatch>): Promise<number> => {
  const before = settledHeap(gc);
  const made = await batch();
  const after = settledHeap(gc);
  // `made` (and so `keep`) stays reachable until release, after the second reading.
  await made.release();
  return (after - before) / made.items;
};

/** Bytes of heap per item: `warmup` batches discarded, then `rounds` batches measured. */
export const measureHeapPerItem = async (
  batch: () => Promise<HeapBatch>,
  rounds: Pick<Rounds, 'warmup' | 'rounds'>,
): Promise<Figure> => {
  const gc = collectGarbage();
  const values: number[] = [];
  for (let i = 0; i < rounds.warmup + rounds.rounds; i++) {
    const perItem = await heapRound(gc, batch);
    if (i >= rounds.warmup) values.push(perItem);
  }
  return figureOf('bytes', values);
};
