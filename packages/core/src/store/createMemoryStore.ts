/**
 * The in-memory {@link OrderStore}: the same semantics as the SQL stores (atomic commits,
 * optimistic versions, gapless audit seq, leased claims), for tests and single-process
 * embedding. It keeps only the rows; every row is copied on the way in and on the way
 * out, so callers cannot change what is stored.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { AuditEntry } from '../domain/AuditEntry.js';
import type { StoredEffect } from '../domain/Effect.js';
import type { Json } from '../domain/Json.js';
import type { StoredOrder } from '../domain/StoredOrder.js';
import type { Task } from '../domain/Task.js';
import type { StoredTimer } from '../domain/Timer.js';
import type { StoreFailed, VersionConflict } from '../errors/StoreError.js';
import { storeFailed } from '../errors/StoreError.js';
import type { ClaimRequest, Commit, OrderStore, TaskQuery } from '../ports/OrderStore.js';
import { checkAuditContinues } from './checkAuditContinues.js';
import { compareDue, type DueSortKey } from './compareDue.js';
import { compareTasks, type TaskSortKey } from './compareTasks.js';
import { taskMatches } from './taskMatches.js';

/**
 * One order's rows, as JSON text the way a SQL store keeps them: each row is serialized once
 * on the way in (which is also the copy that keeps callers' objects out of the store) and
 * parsed only when it is read.
 */
interface OrderRows {
  orderJson: string;
  version: number;
  /**
   * One JSON text per audit entry, in seq order. Seqs are gapless from 1 (commits are
   * checked), so the last seq is the length.
   */
  audit: string[];
  /** The open tasks, one JSON array (`[]` for none). */
  tasksJson: string;
}

const NO_TASKS = '[]';

/**
 * Rows are JSON, and the SQL stores keep them as JSON text: copying through JSON gives the
 * memory store the same round trip (and is faster than structuredClone here).
 */
const copy = <A>(value: A): A => JSON.parse(JSON.stringify(value)) as A;

const conflict = (orderId: string, expectedVersion: number, actualVersion: number) =>
  E.left<VersionConflict>({ _tag: 'VersionConflict', orderId, expectedVersion, actualVersion });

const ms = (iso: string): number => Date.parse(iso);

/**
 * Runs `body`, turning anything it throws into a non-retryable {@link StoreFailed}, so the
 * store never throws or rejects.
 */
const guarded = async <L, A>(
  operation: string,
  body: () => E.Either<L, A>,
): Promise<E.Either<L | StoreFailed, A>> => {
  try {
    return body();
  } catch (cause) {
    return E.left(storeFailed(operation, String(cause), false, cause));
  }
};

/**
 * Creates an empty in-memory order store.
 *
 * Decisions the SQL stores share (the contract suite checks them):
 * - `commit` with `order.version !== expectedVersion + 1`, audit entries that are not
 *   consecutive or belong to another order, an effect id that exists or repeats, two tasks
 *   with one `taskId`, or an idempotency key already used → `StoreFailed` (not retryable
 *   for programmer errors), nothing written.
 * - an audit trail that another writer extended meanwhile (first `seq` not last + 1) →
 *   `VersionConflict`, like a version change.
 * - `completeEffect`/`failEffect` from a worker that no longer holds the claim are ignored
 *   (`right`, row unchanged): the holder of the claim decides.
 *
 * @example
 * const store = createMemoryStore();
 * await store.commit(commit);
 */
export const createMemoryStore = (): OrderStore => {
  const orders = new Map<string, OrderRows>();
  const effects = new Map<string, StoredEffect>();
  const timers = new Map<string, StoredTimer>();
  const responses = new Map<string, Json>();
  let closed = false;

  const open = (operation: string): StoreFailed | undefined =>
    closed ? storeFailed(operation, 'the store is closed', false) : undefined;

  const commit = (c: Commit): E.Either<StoreFailed | VersionConflict, void> => {
    const { order, expectedVersion } = c;
    const orderId = order.orderId;
    const rows = orders.get(orderId);
    const actual = rows?.version ?? 0;
    if (actual !== expectedVersion) return conflict(orderId, expectedVersion, actual);
    if (order.version !== expectedVersion + 1) {
      return E.left(
        storeFailed(
          'commit',
          `order ${orderId}: version ${order.version} is not expectedVersion + 1 (${expectedVersion + 1})`,
          false,
        ),
      );
    }
    const audit = checkAuditContinues('commit', orderId, rows?.audit.length ?? 0, c.audit);
    if (audit !== undefined) {
      return audit._tag === 'VersionConflict'
        ? conflict(orderId, expectedVersion, actual)
        : E.left(audit);
    }
    const effectIds = new Set(c.effects.map((effect) => effect.effectId));
    const reused = c.effects.find((effect) => effects.has(effect.effectId));
    if (reused !== undefined || effectIds.size !== c.effects.length) {
      const id = reused?.effectId ?? 'id';
      return E.left(storeFailed('commit', `effect ${id} already exists`, false));
    }
    if (new Set(c.tasks.map((task) => task.taskId)).size !== c.tasks.length) {
      return E.left(
        storeFailed('commit', `order ${orderId}: two open tasks share a taskId`, false),
      );
    }
    if (c.idempotency !== undefined && responses.has(c.idempotency.key)) {
      return E.left(
        storeFailed('commit', `idempotency key ${c.idempotency.key} is already used`, true),
      );
    }
    // Everything is checked: apply. Only the serialization can throw, so do it all first.
    const orderJson = JSON.stringify(order);
    const auditJson = c.audit.map((entry) => JSON.stringify(entry));
    const tasksJson = JSON.stringify(c.tasks);
    const copied = copy({
      effects: c.effects,
      timers: c.timers,
      cancelTimers: c.cancelTimers,
      firedTimers: c.firedTimers,
      idempotency: c.idempotency,
    });
    if (rows === undefined) {
      orders.set(orderId, {
        orderJson,
        version: order.version,
        audit: auditJson,
        tasksJson,
      });
    } else {
      rows.orderJson = orderJson;
      rows.version = order.version;
      rows.audit.push(...auditJson);
      rows.tasksJson = tasksJson;
    }
    for (const effect of copied.effects) {
      effects.set(effect.effectId, {
        ...effect,
        status: 'pending',
        attempts: 0,
        claimedBy: null,
        leaseUntil: null,
        lastError: null,
      });
    }
    for (const timer of copied.timers) {
      timers.set(timer.timerId, { ...timer, status: 'pending', claimedBy: null, leaseUntil: null });
    }
    for (const timerId of copied.cancelTimers) {
      const timer = timers.get(timerId);
      if (timer !== undefined && (timer.status === 'pending' || timer.status === 'claimed')) {
        timers.set(timerId, { ...timer, status: 'cancelled', claimedBy: null, leaseUntil: null });
      }
    }
    for (const timerId of copied.firedTimers) {
      const timer = timers.get(timerId);
      if (timer !== undefined && (timer.status === 'pending' || timer.status === 'claimed')) {
        timers.set(timerId, { ...timer, status: 'fired', leaseUntil: null });
      }
    }
    if (copied.idempotency !== undefined) {
      responses.set(copied.idempotency.key, copied.idempotency.response);
    }
    return E.right(undefined);
  };

  const claimable = (
    row: { status: string; leaseUntil: string | null },
    dueMs: number,
    now: number,
  ): boolean =>
    (row.status === 'pending' && dueMs <= now) ||
    (row.status === 'claimed' && row.leaseUntil !== null && ms(row.leaseUntil) <= now);

  return {
    load: (orderId) =>
      guarded('load', (): E.Either<StoreFailed, StoredOrder | undefined> => {
        const failed = open('load');
        if (failed) return E.left(failed);
        const rows = orders.get(orderId);
        return E.right(
          rows === undefined ? undefined : (JSON.parse(rows.orderJson) as StoredOrder),
        );
      }),

    commit: (c) =>
      guarded('commit', () => {
        const failed = open('commit');
        return failed ? E.left(failed) : commit(c);
      }),

    appendAudit: (orderId, atVersion, entries) =>
      guarded('appendAudit', (): E.Either<StoreFailed | VersionConflict, void> => {
        const failed = open('appendAudit');
        if (failed) return E.left(failed);
        const rows = orders.get(orderId);
        const actual = rows?.version ?? 0;
        if (rows === undefined || actual !== atVersion) {
          return conflict(orderId, atVersion, actual);
        }
        const audit = checkAuditContinues('appendAudit', orderId, rows.audit.length, entries);
        if (audit !== undefined) {
          return audit._tag === 'VersionConflict'
            ? conflict(orderId, atVersion, actual)
            : E.left(audit);
        }
        rows.audit.push(...entries.map((entry) => JSON.stringify(entry)));
        return E.right(undefined);
      }),

    history: (orderId) =>
      guarded('history', (): E.Either<StoreFailed, readonly AuditEntry[]> => {
        const failed = open('history');
        if (failed) return E.left(failed);
        const audit = orders.get(orderId)?.audit ?? [];
        return E.right(audit.map((json) => JSON.parse(json) as AuditEntry));
      }),

    idempotent: (key) =>
      guarded('idempotent', () => {
        const failed = open('idempotent');
        if (failed) return E.left(failed);
        return E.right(responses.has(key) ? copy(responses.get(key)) : undefined);
      }),

    tasks: (query: TaskQuery) =>
      guarded('tasks', () => {
        const failed = open('tasks');
        if (failed) return E.left(failed);
        const found: TaskSortKey[] = [];
        for (const rows of orders.values()) {
          if (rows.tasksJson === NO_TASKS) continue;
          for (const task of JSON.parse(rows.tasksJson) as Task[]) {
            if (taskMatches(task, query)) found.push({ createdMs: ms(task.createdAt), task });
          }
        }
        found.sort(compareTasks);
        const limited = query.limit === undefined ? found : found.slice(0, query.limit);
        // Parsed from the stored text just now: the caller's copy already.
        return E.right(limited.map((key) => key.task));
      }),

    claimDueTimers: (request: ClaimRequest) =>
      guarded('claimDueTimers', () => {
        const failed = open('claimDueTimers');
        if (failed) return E.left(failed);
        const now = ms(request.now);
        const due: DueSortKey<StoredTimer>[] = [];
        for (const timer of timers.values()) {
          if (timer.status !== 'pending' && timer.status !== 'claimed') continue;
          const dueMs = ms(timer.dueAt);
          if (claimable(timer, dueMs, now)) due.push({ dueMs, id: timer.timerId, row: timer });
        }
        due.sort(compareDue);
        const claimed = due
          .slice(0, Math.max(0, request.limit))
          .map(({ row: timer }): StoredTimer => {
            const next: StoredTimer = {
              ...timer,
              status: 'claimed',
              claimedBy: request.workerId,
              leaseUntil: request.leaseUntil,
            };
            timers.set(timer.timerId, next);
            return next;
          });
        return E.right(copy(claimed));
      }),

    claimDueEffects: (request: ClaimRequest) =>
      guarded('claimDueEffects', () => {
        const failed = open('claimDueEffects');
        if (failed) return E.left(failed);
        const now = ms(request.now);
        const due: DueSortKey<StoredEffect>[] = [];
        for (const effect of effects.values()) {
          if (effect.status !== 'pending' && effect.status !== 'claimed') continue;
          const dueMs = ms(effect.availableAt);
          if (claimable(effect, dueMs, now)) due.push({ dueMs, id: effect.effectId, row: effect });
        }
        due.sort(compareDue);
        const claimed = due
          .slice(0, Math.max(0, request.limit))
          .map(({ row: effect }): StoredEffect => {
            const next: StoredEffect = {
              ...effect,
              status: 'claimed',
              attempts: effect.attempts + 1,
              claimedBy: request.workerId,
              leaseUntil: request.leaseUntil,
            };
            effects.set(effect.effectId, next);
            return next;
          });
        return E.right(copy(claimed));
      }),

    completeEffect: (effectId, workerId) =>
      guarded('completeEffect', () => {
        const failed = open('completeEffect');
        if (failed) return E.left(failed);
        const effect = effects.get(effectId);
        if (effect?.status === 'claimed' && effect.claimedBy === workerId) {
          effects.set(effectId, { ...effect, status: 'done', leaseUntil: null });
        }
        return E.right(undefined);
      }),

    failEffect: (effectId, workerId, failure) =>
      guarded('failEffect', () => {
        const failed = open('failEffect');
        if (failed) return E.left(failed);
        const effect = effects.get(effectId);
        if (effect?.status === 'claimed' && effect.claimedBy === workerId) {
          effects.set(
            effectId,
            failure.retryAt === null
              ? { ...effect, status: 'failed', leaseUntil: null, lastError: failure.error }
              : {
                  ...effect,
                  status: 'pending',
                  availableAt: failure.retryAt,
                  claimedBy: null,
                  leaseUntil: null,
                  lastError: failure.error,
                },
          );
        }
        return E.right(undefined);
      }),

    effects: (orderId) =>
      guarded('effects', () => {
        const failed = open('effects');
        if (failed) return E.left(failed);
        return E.right(copy([...effects.values()].filter((e) => e.orderId === orderId)));
      }),

    timers: (orderId) =>
      guarded('timers', () => {
        const failed = open('timers');
        if (failed) return E.left(failed);
        return E.right(
          copy(
            [...timers.values()]
              .filter((t) => t.orderId === orderId)
              .map((t) => ({ dueMs: ms(t.dueAt), id: t.timerId, row: t }))
              .sort(compareDue)
              .map((key) => key.row),
          ),
        );
      }),

    close: async () => {
      closed = true;
    },
  };
};
