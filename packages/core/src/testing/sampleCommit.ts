/**
 * Sample rows for store tests: an order, its audit entries, effects, timers and tasks, and
 * a whole {@link Commit}. Store authors use them to write their own tests.
 */
import { createHash } from 'node:crypto';
import { GENESIS_HASH } from '../audit/GENESIS_HASH.js';
import type { AuditEntry } from '../domain/AuditEntry.js';
import type { NewEffect } from '../domain/Effect.js';
import type { StoredOrder } from '../domain/StoredOrder.js';
import type { Task } from '../domain/Task.js';
import type { NewTimer } from '../domain/Timer.js';
import type { Commit } from '../ports/OrderStore.js';

/** The instant sample rows use when none is given. */
export const SAMPLE_AT = '2026-01-05T01:00:00.000Z';

const fakeHash = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A sample order row at `version`. */
export const sampleOrder = (
  orderId: string,
  version: number,
  overrides: Partial<StoredOrder> = {},
): StoredOrder => ({
  orderId,
  definitionKey: 'sample-fund@1',
  version,
  state: version === 1 ? 'needsConfirmation' : `stage${version}`,
  status: 'active',
  machine: { value: `stage${version}`, context: { amountMinor: 100_000_00 }, status: 'active' },
  context: { amountMinor: 100_000_00, investor: { id: 'inv-1', name: '张三' }, tags: ['a', 'b'] },
  createdAt: SAMPLE_AT,
  updatedAt: SAMPLE_AT,
  ...overrides,
});

/**
 * A sample audit entry with `seq` and 64-hex `prevHash`/`hash` placeholders (stores do not
 * check hashes; use `appendAuditEntries` for a chain that verifies).
 */
export const sampleAuditEntry = (
  orderId: string,
  seq: number,
  overrides: Partial<AuditEntry> = {},
): AuditEntry => ({
  orderId,
  seq,
  at: SAMPLE_AT,
  actorId: 'maker-1',
  actorRoles: ['salesRep'],
  role: 'salesRep',
  command: 'enterOrder',
  outcome: 'accepted',
  fromState: 'entry',
  toState: 'verification',
  version: seq,
  facts: { amountMinor: 100_000_00, rule: null },
  payload: { amount: '1000000.00', note: '录入' },
  prevHash: seq === 1 ? GENESIS_HASH : fakeHash(`${orderId}:${seq - 1}`),
  hash: fakeHash(`${orderId}:${seq}`),
  ...overrides,
});

/** A sample effect of `orderId`, available at `availableAt`. */
export const sampleEffect = (
  effectId: string,
  orderId: string,
  availableAt: string = SAMPLE_AT,
  overrides: Partial<NewEffect> = {},
): NewEffect => ({
  effectId,
  orderId,
  kind: 'notify',
  payload: { template: 'orderApproved', to: ['riskOfficer'] },
  availableAt,
  ...overrides,
});

/** A sample timer of `orderId`, due at `dueAt`. */
export const sampleTimer = (
  timerId: string,
  orderId: string,
  dueAt: string = SAMPLE_AT,
  overrides: Partial<NewTimer> = {},
): NewTimer => ({
  timerId,
  orderId,
  kind: 'approvalSla',
  dueAt,
  payload: { stepId: 'risk' },
  ...overrides,
});

/** A sample open task of `orderId` for `role`. */
export const sampleTask = (
  orderId: string,
  taskId: string,
  role: string,
  overrides: Partial<Task> = {},
): Task => ({
  orderId,
  taskId,
  definitionKey: 'sample-fund@1',
  stageId: 'approval',
  stepId: taskId,
  role,
  actorId: null,
  commands: ['approve', 'reject'],
  createdAt: SAMPLE_AT,
  dueAt: null,
  escalatedTo: null,
  ...overrides,
});

/** What {@link sampleCommit} lets a test change; `order` fields are merged into the sample order. */
export type SampleCommitOverrides = Partial<Omit<Commit, 'order'>> & {
  readonly order?: Partial<StoredOrder>;
};

/**
 * A commit that moves `orderId` to `version` (from `version - 1`; 1 creates it) with one
 * accepted audit entry at `seq = version` (right when no refused attempts were appended).
 *
 * @example
 * await store.commit(sampleCommit('o-1', 1));
 * await store.commit(sampleCommit('o-1', 2, { tasks: [sampleTask('o-1', 'risk', 'riskOfficer')] }));
 */
export const sampleCommit = (
  orderId: string,
  version: number,
  overrides: SampleCommitOverrides = {},
): Commit => {
  const { order, ...rest } = overrides;
  return {
    expectedVersion: version - 1,
    order: sampleOrder(orderId, version, order),
    audit: [sampleAuditEntry(orderId, version)],
    effects: [],
    timers: [],
    cancelTimers: [],
    firedTimers: [],
    tasks: [],
    ...rest,
  };
};
