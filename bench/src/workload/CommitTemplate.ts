/**
 * One order's lifecycle as the store sees it: the commits, in order, serialized once, so
 * that any number of orders can replay the same writes with their own order ids.
 */
import type { Commit } from '@orderflow/core';

/** The commits of one lifecycle, as JSON, with the order id they were made for. */
export interface CommitTemplate {
  /** The order id inside `commits`; replaced by each replayed order's own id. */
  readonly orderId: string;
  readonly commits: readonly string[];
  /** Where the commits came from (printed in the row note). */
  readonly source: string;
}

/** Builds a template from commits recorded for `orderId`. */
export const commitTemplate = (
  orderId: string,
  commits: readonly Commit[],
  source: string,
): CommitTemplate => ({ orderId, commits: commits.map((c) => JSON.stringify(c)), source });

/** The template's commits rewritten for another order id. */
export const instantiateCommits = (template: CommitTemplate, orderId: string): readonly Commit[] =>
  template.commits.map((c) => JSON.parse(c.replaceAll(template.orderId, orderId)) as Commit);

/**
 * Keeps only what issue 7 compares with the raw database peers: the order row and its
 * audit entries (no effects, timers, tasks or idempotency keys).
 */
export const orderAndAuditOnly = (commit: Commit): Commit => ({
  expectedVersion: commit.expectedVersion,
  order: commit.order,
  audit: commit.audit,
  effects: [],
  timers: [],
  cancelTimers: [],
  firedTimers: [],
  tasks: [],
});
