/**
 * Replays lifecycle commits against a writer: `lanes` concurrent lanes, each writing its
 * orders' commits one after another (a command waits for the previous one of its order,
 * as it does in the engine). Commits are built before timing starts.
 */
import type { Commit } from '@orderflow/core';
import { type CommitTemplate, instantiateCommits } from './CommitTemplate.js';

/** The commits each lane writes, in order. */
export interface ReplayPlan {
  readonly lanes: readonly (readonly Commit[])[];
  readonly commits: number;
}

let nextOrder = 0;

/**
 * Instantiates `ordersPerLane` lifecycles per lane, each with a fresh order id
 * (`prefix-N`, unique in the process), shaped by `shape` (e.g. order and audit only).
 */
export const planReplay = (
  template: CommitTemplate,
  lanes: number,
  ordersPerLane: number,
  prefix: string,
  shape: (commit: Commit) => Commit = (c) => c,
): ReplayPlan => {
  const planned = Array.from({ length: lanes }, () => {
    const commits: Commit[] = [];
    for (let i = 0; i < ordersPerLane; i++) {
      const orderId = `${prefix}-${nextOrder++}`;
      for (const c of instantiateCommits(template, orderId)) commits.push(shape(c));
    }
    return commits;
  });
  return { lanes: planned, commits: planned.reduce((n, lane) => n + lane.length, 0) };
};

/** Writes one commit; a synchronous writer returns nothing, an asynchronous one a promise. */
export type CommitWriter = (commit: Commit) => Promise<void> | void;

/**
 * Runs the plan; resolves to the number of commits written. With `latencies`, pushes the
 * milliseconds each commit took. A writer that throws or rejects aborts the replay.
 */
export const replayCommits = async (
  plan: ReplayPlan,
  write: CommitWriter,
  latencies?: number[],
): Promise<number> => {
  const runLane = async (lane: readonly Commit[]): Promise<void> => {
    for (const commit of lane) {
      const start = latencies === undefined ? 0n : process.hrtime.bigint();
      const pending = write(commit);
      if (pending !== undefined) await pending;
      if (latencies !== undefined) latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  };
  await Promise.all(plan.lanes.map(runLane));
  return plan.commits;
};
