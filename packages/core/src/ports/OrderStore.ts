/**
 * The persistence port. One implementation per database (memory in core, SQLite and
 * PostgreSQL as adapters); all pass `orderStoreContract` from `@orderflow/core/testing`.
 */
import type { Either } from 'fp-ts/lib/Either.js';
import type { AuditEntry } from '../domain/AuditEntry.js';
import type { NewEffect, StoredEffect } from '../domain/Effect.js';
import type { Json } from '../domain/Json.js';
import type { StoredOrder } from '../domain/StoredOrder.js';
import type { Task } from '../domain/Task.js';
import type { NewTimer, StoredTimer } from '../domain/Timer.js';
import type {
  StoredDataInvalid,
  StoreError,
  StoreFailed,
  VersionConflict,
} from '../errors/StoreError.js';

/**
 * Everything one accepted command changes, written in one transaction — or not at all.
 * `expectedVersion` is the version loaded (0 to create the order); the commit fails with
 * `VersionConflict` if the stored version is another one.
 */
export interface Commit {
  readonly expectedVersion: number;
  /** The new row; its `version` is `expectedVersion + 1`. */
  readonly order: StoredOrder;
  /** Appended in order; `seq` continues the order's trail. */
  readonly audit: readonly AuditEntry[];
  readonly effects: readonly NewEffect[];
  /** Upserted by `timerId` (a pending timer with the same id is replaced). */
  readonly timers: readonly NewTimer[];
  /** Timer ids to cancel (pending or claimed → cancelled). */
  readonly cancelTimers: readonly string[];
  /** Timer ids fired by this commit (claimed → fired). */
  readonly firedTimers: readonly string[];
  /** The order's open tasks after the commit (replaces the previous set). */
  readonly tasks: readonly Task[];
  /** Remember the response under this key, so a retried command returns it again. */
  readonly idempotency?: { readonly key: string; readonly response: Json };
}

/** A query of the work inbox. Either by roles (any of), or by a person, or both (OR). */
export interface TaskQuery {
  readonly roles?: readonly string[];
  readonly actorId?: string;
  readonly limit?: number;
}

/** How a worker claims due work: who it is, until when it holds it, how much at once. */
export interface ClaimRequest {
  readonly now: string;
  readonly workerId: string;
  readonly leaseUntil: string;
  readonly limit: number;
}

/** How a failed effect delivery is recorded. */
export interface EffectFailure {
  readonly error: string;
  /** Retry at this instant; `null` marks the effect failed for good. */
  readonly retryAt: string | null;
}

/** The persistence port of the engine. Every call returns a value; nothing throws. */
export interface OrderStore {
  /** The order row, or `undefined` when there is none. */
  load(orderId: string): Promise<Either<StoreFailed | StoredDataInvalid, StoredOrder | undefined>>;
  /** Writes one accepted command atomically, with the optimistic version check. */
  commit(commit: Commit): Promise<Either<StoreFailed | VersionConflict, void>>;
  /**
   * Appends audit entries that change no state (refused attempts). Fails with
   * `VersionConflict` if the order's version or last audit seq moved on meanwhile, so
   * the hash chain never forks; the engine reloads and tries again.
   */
  appendAudit(
    orderId: string,
    atVersion: number,
    entries: readonly AuditEntry[],
  ): Promise<Either<StoreFailed | VersionConflict, void>>;
  /** The order's audit trail, oldest first. */
  history(orderId: string): Promise<Either<StoreFailed | StoredDataInvalid, readonly AuditEntry[]>>;
  /** A response remembered under an idempotency key. */
  idempotent(key: string): Promise<Either<StoreFailed, Json | undefined>>;
  /** Open tasks matching the query, oldest first. */
  tasks(query: TaskQuery): Promise<Either<StoreFailed, readonly Task[]>>;
  /** Claims pending timers due at `now` (and claimed ones whose lease expired). */
  claimDueTimers(request: ClaimRequest): Promise<Either<StoreFailed, readonly StoredTimer[]>>;
  /** Claims pending effects available at `now` (and claimed ones whose lease expired). */
  claimDueEffects(request: ClaimRequest): Promise<Either<StoreFailed, readonly StoredEffect[]>>;
  /** Marks a claimed effect delivered. */
  completeEffect(effectId: string, workerId: string): Promise<Either<StoreFailed, void>>;
  /** Records a failed delivery: back to pending at `retryAt`, or failed for good. */
  failEffect(
    effectId: string,
    workerId: string,
    failure: EffectFailure,
  ): Promise<Either<StoreFailed, void>>;
  /** Effects of one order (for views and tests), oldest first. */
  effects(orderId: string): Promise<Either<StoreFailed, readonly StoredEffect[]>>;
  /** Timers of one order (for views and tests), by due time. */
  timers(orderId: string): Promise<Either<StoreFailed, readonly StoredTimer[]>>;
  /** Releases connections and file handles. */
  close(): Promise<void>;
}

export type { StoreError };
