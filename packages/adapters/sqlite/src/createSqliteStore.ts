/**
 * The SQLite `OrderStore`: one database file, WAL, one IMMEDIATE transaction per commit.
 * better-sqlite3 is synchronous, so every call runs to completion and returns a resolved
 * promise; several processes may share one file (SQLite's write lock, bounded by the busy
 * timeout, serializes their writes).
 */
import type {
  AuditEntry,
  ClaimRequest,
  Commit,
  EffectFailure,
  Json,
  OrderStore,
  StoredDataInvalid,
  StoredEffect,
  StoredOrder,
  StoredTimer,
  StoreFailed,
  Task,
  TaskQuery,
  VersionConflict,
} from '@orderflow/core';
import {
  auditTrailFromRows,
  effectFromColumns,
  orderFromColumns,
  storeFailed,
  taskFromColumns,
  timerFromColumns,
} from '@orderflow/core';
import Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import { sqliteCode, sqliteFailure } from './sqliteFailure.js';
import { migrateSqlite, SQLITE_SCHEMA_VERSION } from './sqliteSchema.js';

/** How to open a SQLite store. */
export interface SqliteStoreOptions {
  /** The database file (created if missing), or `':memory:'` for a private in-memory database. */
  readonly path: string;
  /**
   * `FULL` (default) syncs the WAL on every commit: a committed command survives power loss.
   * `NORMAL` syncs at checkpoints only: about 3× the commit rate, and a power cut (not a
   * process crash) may lose the last commits.
   */
  readonly synchronous?: 'FULL' | 'NORMAL';
  /** How long a call waits for another connection's write lock before `StoreFailed` (retryable). Default 5000 ms. */
  readonly busyTimeoutMs?: number;
}

/** The SQLite store: an {@link OrderStore} plus the schema version of its file. */
export interface SqliteStore extends OrderStore {
  /** The schema version of the open file (equal to the library's after open). */
  readonly schemaVersion: number;
  /** The connection's settings, as SQLite reports them after open. */
  readonly settings: SqliteSettings;
}

/** What the connection runs with, read back from SQLite. */
export interface SqliteSettings {
  /** `wal` for a file; `memory` for `:memory:`. */
  readonly journalMode: string;
  readonly synchronous: 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA';
  readonly foreignKeys: boolean;
  readonly busyTimeoutMs: number;
}

interface OrderRow {
  order_id: string;
  definition_key: string;
  version: number;
  state: string;
  status: string;
  machine: string;
  context: string;
  created_at: string;
  updated_at: string;
}

interface OrderHead {
  version: number;
  audit_seq: number;
}

/**
 * The order row's columns after order_id, in the order the INSERT and the UPDATE bind
 * them: definition_key, version, state, status, machine, context, created_at, updated_at.
 * Bound by position (plain `?`), not by name: naming cost a measurable share of a commit.
 */
type OrderBindings = [string, number, string, string, string, string, string, string];

interface WrittenOrder {
  had_tasks: 0 | 1;
}

interface EffectRow {
  effect_id: string;
  order_id: string;
  kind: string;
  payload: string;
  available_at: string;
  status: string;
  attempts: number;
  claimed_by: string | null;
  lease_until: string | null;
  last_error: string | null;
}

interface TimerRow {
  timer_id: string;
  order_id: string;
  kind: string;
  due_at: string;
  payload: string;
  status: string;
  claimed_by: string | null;
  lease_until: string | null;
}

interface TaskRow {
  order_id: string;
  task_id: string;
  definition_key: string;
  stage_id: string;
  step_id: string | null;
  role: string;
  actor_id: string | null;
  commands: string;
  created_at: string;
  due_at: string | null;
  escalated_to: string | null;
}

/** Thrown inside a transaction to roll it back with a value; caught right outside. */
class Abort {
  constructor(readonly value: StoreFailed | VersionConflict) {}
}

const conflict = (orderId: string, expectedVersion: number, actualVersion: number): Abort =>
  new Abort({ _tag: 'VersionConflict', orderId, expectedVersion, actualVersion });

const refuse = (operation: string, message: string, retryable = false): Abort =>
  new Abort(storeFailed(operation, message, retryable));

const parseJson = (text: string): E.Either<string, unknown> =>
  E.tryCatch(
    () => JSON.parse(text) as unknown,
    (e) => `invalid JSON (${e instanceof Error ? e.message : String(e)})`,
  );

const instant = (
  operation: string,
  label: string,
  value: string,
): E.Either<StoreFailed, number> => {
  const ms = Date.parse(value);
  return Number.isNaN(ms)
    ? E.left(storeFailed(operation, `${label} is not an ISO-8601 instant: ${value}`, false))
    : E.right(ms);
};

/** Runs `f`, mapping anything thrown to `StoreFailed` (and a rolled-back conflict to its value). */
const guarded = <A, L = never>(
  operation: string,
  f: () => E.Either<L, A>,
): Promise<E.Either<L | StoreFailed | VersionConflict, A>> => {
  try {
    return Promise.resolve(f());
  } catch (error) {
    if (error instanceof Abort) return Promise.resolve(E.left(error.value));
    return Promise.resolve(E.left(sqliteFailure(operation, error)));
  }
};

const rowsFailed = (operation: string, what: string, message: string): StoreFailed =>
  storeFailed(operation, `stored ${what} is invalid: ${message}`, false);

/**
 * Opens (creating and migrating as needed) a SQLite order store. Synchronous: the file is
 * ready when this returns. Fails with a non-retryable `StoreFailed` for a file written by a
 * newer schema than this library knows.
 *
 * @example
 * const store = createSqliteStore({ path: 'orders.db' });
 * if (E.isLeft(store)) throw new Error(store.left.message);
 */
export const createSqliteStore = (
  options: SqliteStoreOptions,
): E.Either<StoreFailed, SqliteStore> => {
  let db: Database.Database | undefined;
  try {
    const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    db = new Database(options.path, { timeout: busyTimeoutMs });
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    // Switching to WAL needs the write lock; a file already in WAL (the usual case, and
    // always when another process has it open) is left alone.
    if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
    db.pragma('foreign_keys = ON');
    const migrated = migrateSqlite(db);
    if (E.isLeft(migrated)) {
      db.close();
      return E.left(
        storeFailed(
          'open',
          `${options.path} has schema version ${migrated.left.found}, newer than the ${migrated.left.supported} this @orderflow/sqlite supports; upgrade @orderflow/sqlite to open it`,
          false,
        ),
      );
    }
    return E.right(storeOn(db));
  } catch (error) {
    try {
      db?.close();
    } catch {
      // already failing; the first error is the one to report
    }
    return E.left(sqliteFailure('open', error));
  }
};

const storeOn = (db: Database.Database): SqliteStore => {
  const s = {
    loadOrder: db.prepare<[string], OrderRow>('SELECT * FROM orders WHERE order_id = ?'),
    // Read only on a failure path, to say why a write matched no row.
    orderHead: db.prepare<[string], OrderHead>(
      'SELECT version, audit_seq FROM orders WHERE order_id = ?',
    ),
    // The write is the version check: it matches no row when the order is not at the
    // expected version or its trail does not end right before the first new entry. It
    // answers whether the order has open tasks, so a commit without tasks skips the DELETE.
    // Binds the order id, the OrderBindings, the last seq of the commit's audit entries (0 without).
    insertOrder: db.prepare<[string, ...OrderBindings, number], WrittenOrder>(
      `INSERT INTO orders (order_id, definition_key, version, state, status, machine, context, created_at,
         updated_at, audit_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       RETURNING EXISTS (SELECT 1 FROM tasks WHERE tasks.order_id = orders.order_id) AS had_tasks`,
    ),
    // Binds the OrderBindings, the last seq of the commit's audit entries, the order id, the
    // expected version, and the first seq twice (both seqs null without entries).
    updateOrder: db.prepare<
      [...OrderBindings, number | null, string, number, number | null, number | null],
      WrittenOrder
    >(
      `UPDATE orders SET definition_key = ?, version = ?, state = ?, status = ?, machine = ?,
         context = ?, created_at = ?, updated_at = ?, audit_seq = coalesce(?, audit_seq)
       WHERE order_id = ? AND version = ? AND (? IS NULL OR audit_seq = ? - 1)
       RETURNING EXISTS (SELECT 1 FROM tasks WHERE tasks.order_id = orders.order_id) AS had_tasks`,
    ),
    extendAudit: db.prepare(
      `UPDATE orders SET audit_seq = @lastSeq
       WHERE order_id = @orderId AND version = @atVersion AND audit_seq = @firstSeq - 1`,
    ),
    insertAudit: db.prepare('INSERT INTO audit (order_id, seq, entry) VALUES (?, ?, ?)'),
    history: db.prepare<[string], { seq: number; entry: string }>(
      'SELECT seq, entry FROM audit WHERE order_id = ? ORDER BY seq',
    ),
    insertEffect: db.prepare(
      `INSERT INTO effects (effect_id, order_id, kind, payload, available_at, available_ms, status, attempts)
       VALUES (@effectId, @orderId, @kind, @payload, @availableAt, @availableMs, 'pending', 0)`,
    ),
    upsertTimer: db.prepare(
      `INSERT INTO timers (timer_id, order_id, kind, due_at, due_ms, payload, status)
       VALUES (@timerId, @orderId, @kind, @dueAt, @dueMs, @payload, 'pending')
       ON CONFLICT (timer_id) DO UPDATE SET order_id = excluded.order_id, kind = excluded.kind,
         due_at = excluded.due_at, due_ms = excluded.due_ms, payload = excluded.payload,
         status = 'pending', claimed_by = NULL, lease_until = NULL, lease_ms = NULL`,
    ),
    cancelTimer: db.prepare(
      `UPDATE timers SET status = 'cancelled', claimed_by = NULL, lease_until = NULL, lease_ms = NULL
       WHERE timer_id = ? AND status IN ('pending', 'claimed')`,
    ),
    fireTimer: db.prepare(
      `UPDATE timers SET status = 'fired', lease_until = NULL, lease_ms = NULL
       WHERE timer_id = ? AND status IN ('pending', 'claimed')`,
    ),
    deleteTasks: db.prepare('DELETE FROM tasks WHERE order_id = ?'),
    insertTask: db.prepare(
      `INSERT INTO tasks (order_id, task_id, definition_key, stage_id, step_id, role, actor_id, commands,
         created_at, created_ms, due_at, escalated_to)
       VALUES (@orderId, @taskId, @definitionKey, @stageId, @stepId, @role, @actorId, @commands,
         @createdAt, @createdMs, @dueAt, @escalatedTo)`,
    ),
    // These two are read only after an insert failed, to say why.
    effectExists: db.prepare<[string], { one: number }>(
      'SELECT 1 AS one FROM effects WHERE effect_id = ?',
    ),
    idempotencyExists: db.prepare<[string], { one: number }>(
      'SELECT 1 AS one FROM idempotency WHERE key = ?',
    ),
    insertIdempotency: db.prepare(
      'INSERT INTO idempotency (key, order_id, response) VALUES (?, ?, ?)',
    ),
    idempotent: db.prepare<[string], { response: string }>(
      'SELECT response FROM idempotency WHERE key = ?',
    ),
    tasksAll: db.prepare<[number], TaskRow>(
      `SELECT * FROM tasks ORDER BY created_ms, order_id, task_id LIMIT ?`,
    ),
    tasksByRoles: db.prepare<[string, number], TaskRow>(
      `SELECT * FROM tasks WHERE role IN (SELECT value FROM json_each(?))
       ORDER BY created_ms, order_id, task_id LIMIT ?`,
    ),
    tasksByActor: db.prepare<[string, number], TaskRow>(
      `SELECT * FROM tasks WHERE actor_id = ? ORDER BY created_ms, order_id, task_id LIMIT ?`,
    ),
    tasksInbox: db.prepare<[string, string, number], TaskRow>(
      `SELECT * FROM tasks
       WHERE actor_id = ? OR (actor_id IS NULL AND role IN (SELECT value FROM json_each(?)))
       ORDER BY created_ms, order_id, task_id LIMIT ?`,
    ),
    claimTimers: db.prepare<[ClaimParams], TimerRow & { due_ms: number }>(
      `UPDATE timers SET status = 'claimed', claimed_by = @workerId, lease_until = @leaseUntil, lease_ms = @leaseMs
       WHERE timer_id IN (
         SELECT timer_id FROM timers
         WHERE (status = 'pending' AND due_ms <= @nowMs) OR (status = 'claimed' AND lease_ms <= @nowMs)
         ORDER BY due_ms, timer_id LIMIT @limit)
       RETURNING *`,
    ),
    claimEffects: db.prepare<[ClaimParams], EffectRow & { available_ms: number }>(
      `UPDATE effects SET status = 'claimed', claimed_by = @workerId, lease_until = @leaseUntil,
         lease_ms = @leaseMs, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM effects
         WHERE (status = 'pending' AND available_ms <= @nowMs) OR (status = 'claimed' AND lease_ms <= @nowMs)
         ORDER BY available_ms, effect_id LIMIT @limit)
       RETURNING *`,
    ),
    completeEffect: db.prepare(
      `UPDATE effects SET status = 'done', lease_until = NULL, lease_ms = NULL
       WHERE effect_id = ? AND status = 'claimed' AND claimed_by = ?`,
    ),
    failEffect: db.prepare(
      `UPDATE effects SET status = @status, available_at = coalesce(@retryAt, available_at),
         available_ms = coalesce(@retryMs, available_ms), last_error = @error,
         claimed_by = CASE WHEN @retryAt IS NULL THEN claimed_by END, lease_until = NULL, lease_ms = NULL
       WHERE effect_id = @effectId AND status = 'claimed' AND claimed_by = @workerId`,
    ),
    effects: db.prepare<[string], EffectRow>(
      'SELECT * FROM effects WHERE order_id = ? ORDER BY id',
    ),
    timers: db.prepare<[string], TimerRow>(
      'SELECT * FROM timers WHERE order_id = ? ORDER BY due_ms, timer_id',
    ),
  };

  const orderBindings = (order: StoredOrder): OrderBindings => [
    order.definitionKey,
    order.version,
    order.state,
    order.status,
    JSON.stringify(order.machine),
    JSON.stringify(order.context),
    order.createdAt,
    order.updatedAt,
  ];

  /**
   * Checks that `entries` continue an audit trail that ends at `last`: a trail another
   * writer extended meanwhile is a conflict; a gap or an entry of another order is a
   * programmer error.
   */
  const checkSeq = (
    operation: string,
    orderId: string,
    expectedVersion: number,
    actualVersion: number,
    last: number,
    entries: readonly AuditEntry[],
  ): void => {
    const first = entries[0];
    if (first === undefined) return;
    if (first.seq <= last) throw conflict(orderId, expectedVersion, actualVersion);
    entries.forEach((entry, i) => {
      if (entry.orderId !== orderId) {
        throw refuse(
          operation,
          `audit entry seq ${entry.seq} belongs to order ${entry.orderId}, not ${orderId}`,
        );
      }
      if (entry.seq !== last + 1 + i) {
        throw refuse(
          operation,
          `audit seq ${entry.seq} of order ${orderId} leaves a gap (expected ${last + 1 + i})`,
        );
      }
    });
  };

  const checkNextVersion = (c: Commit): void => {
    if (c.order.version !== c.expectedVersion + 1) {
      throw refuse(
        'commit',
        `order ${c.order.orderId}: version ${c.order.version} is not expectedVersion + 1 (${c.expectedVersion + 1})`,
      );
    }
  };

  const insertAudit = (orderId: string, entries: readonly AuditEntry[]): void => {
    for (const entry of entries) s.insertAudit.run(orderId, entry.seq, JSON.stringify(entry));
  };

  /** Creates the order row; `undefined` when the order exists already. */
  const insertOrder = (
    orderId: string,
    columns: OrderBindings,
    lastSeq: number,
  ): WrittenOrder | undefined => {
    try {
      return s.insertOrder.get(orderId, ...columns, lastSeq);
    } catch (error) {
      if (sqliteCode(error) === 'SQLITE_CONSTRAINT_PRIMARYKEY') return undefined;
      throw error;
    }
  };

  /**
   * Why a commit's write of the order row matched no row, checked in the order the store
   * always checked: the version, then `order.version`, then the audit seq. Throws the
   * refusal itself when a check that throws finds it.
   */
  const whyUnwritten = (c: Commit): Abort => {
    const { orderId } = c.order;
    const head = s.orderHead.get(orderId);
    const actual = head?.version ?? 0;
    if (actual !== c.expectedVersion) return conflict(orderId, c.expectedVersion, actual);
    checkNextVersion(c);
    checkSeq('commit', orderId, c.expectedVersion, actual, head?.audit_seq ?? 0, c.audit);
    // Unreachable inside the transaction: the row matched on every count checked above.
    return conflict(orderId, c.expectedVersion, actual);
  };

  const usedKey = (key: string): Abort =>
    refuse('commit', `idempotency key ${key} is already used`, true);

  /**
   * Why inserting effect `failedAt` of a commit failed, as the store always answered it:
   * an effect id stored before this commit, then a used idempotency key, else the error.
   */
  const whyEffectUnwritten = (c: Commit, failedAt: number, error: unknown): unknown => {
    const ours = new Set(c.effects.slice(0, failedAt).map((effect) => effect.effectId));
    for (const effect of c.effects.slice(failedAt)) {
      if (!ours.has(effect.effectId) && s.effectExists.get(effect.effectId) !== undefined) {
        return refuse('commit', `effect ${effect.effectId} already exists`);
      }
    }
    if (c.idempotency !== undefined && s.idempotencyExists.get(c.idempotency.key) !== undefined) {
      return usedKey(c.idempotency.key);
    }
    return error;
  };

  const commitTx = db.transaction((c: Commit, ms: CommitInstants): void => {
    const { orderId } = c.order;
    const columns = orderBindings(c.order);
    const firstSeq = c.audit[0]?.seq ?? null;
    const lastSeq = c.audit.at(-1)?.seq ?? null;
    const written =
      c.expectedVersion === 0
        ? insertOrder(orderId, columns, lastSeq ?? 0)
        : s.updateOrder.get(...columns, lastSeq, orderId, c.expectedVersion, firstSeq, firstSeq);
    if (written === undefined) throw whyUnwritten(c);
    checkNextVersion(c);
    // The UPDATE matched only if the trail ended right before the first entry; a new order
    // has none. What is left to check needs no read.
    const last = c.expectedVersion === 0 ? 0 : (firstSeq ?? 1) - 1;
    checkSeq('commit', orderId, c.expectedVersion, c.expectedVersion, last, c.audit);
    // Effects and the idempotency key go first: their UNIQUE constraints answer what an
    // existence SELECT before the writes used to, in the same order.
    let inserted = 0;
    try {
      for (const effect of c.effects) {
        s.insertEffect.run({
          effectId: effect.effectId,
          orderId: effect.orderId,
          kind: effect.kind,
          payload: JSON.stringify(effect.payload),
          availableAt: effect.availableAt,
          availableMs: ms.effects[inserted],
        });
        inserted += 1;
      }
    } catch (error) {
      throw whyEffectUnwritten(c, inserted, error);
    }
    if (c.idempotency !== undefined) {
      try {
        s.insertIdempotency.run(c.idempotency.key, orderId, JSON.stringify(c.idempotency.response));
      } catch (error) {
        if (sqliteCode(error) === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw usedKey(c.idempotency.key);
        throw error;
      }
    }
    insertAudit(orderId, c.audit);
    c.timers.forEach((timer, i) => {
      s.upsertTimer.run({
        timerId: timer.timerId,
        orderId: timer.orderId,
        kind: timer.kind,
        dueAt: timer.dueAt,
        dueMs: ms.timers[i],
        payload: JSON.stringify(timer.payload),
      });
    });
    for (const id of c.cancelTimers) s.cancelTimer.run(id);
    for (const id of c.firedTimers) s.fireTimer.run(id);
    if (written.had_tasks === 1) s.deleteTasks.run(orderId);
    c.tasks.forEach((task, i) => {
      s.insertTask.run({
        orderId: task.orderId,
        taskId: task.taskId,
        definitionKey: task.definitionKey,
        stageId: task.stageId,
        stepId: task.stepId,
        role: task.role,
        actorId: task.actorId,
        commands: JSON.stringify(task.commands),
        createdAt: task.createdAt,
        createdMs: ms.tasks[i],
        dueAt: task.dueAt,
        escalatedTo: task.escalatedTo,
      });
    });
  });

  const appendTx = db.transaction(
    (orderId: string, atVersion: number, entries: readonly AuditEntry[]): void => {
      const first = entries[0]?.seq;
      const lastSeq = entries.at(-1)?.seq;
      // Usually the UPDATE alone checks the version and that the trail continues.
      if (
        first !== undefined &&
        s.extendAudit.run({ orderId, atVersion, firstSeq: first, lastSeq }).changes === 1
      ) {
        checkSeq('appendAudit', orderId, atVersion, atVersion, first - 1, entries);
        insertAudit(orderId, entries);
        return;
      }
      const head = s.orderHead.get(orderId);
      const actual = head?.version ?? 0;
      if (actual !== atVersion || actual === 0) throw conflict(orderId, atVersion, actual);
      checkSeq('appendAudit', orderId, atVersion, actual, head?.audit_seq ?? 0, entries);
      // Unreachable with entries inside the transaction; nothing to append without them.
      if (first !== undefined) throw conflict(orderId, atVersion, actual);
    },
  );

  // JSON columns are text in SQLite: parse them, then decode as every SQL store does.
  const effectOf = (row: EffectRow): E.Either<string, StoredEffect> =>
    E.flatMap(parseJson(row.payload), (payload) => effectFromColumns({ ...row, payload }));

  const timerOf = (row: TimerRow): E.Either<string, StoredTimer> =>
    E.flatMap(parseJson(row.payload), (payload) => timerFromColumns({ ...row, payload }));

  const taskOf = (row: TaskRow): E.Either<string, Task> =>
    E.flatMap(parseJson(row.commands), (commands) => taskFromColumns({ ...row, commands }));

  /** Decodes rows, failing the whole call on the first bad one. */
  const decodeRows = <R, A>(
    operation: string,
    what: string,
    rows: readonly R[],
    decode: (row: R) => E.Either<string, A>,
  ): E.Either<StoreFailed, readonly A[]> => {
    const out: A[] = [];
    for (const row of rows) {
      const r = decode(row);
      if (E.isLeft(r)) return E.left(rowsFailed(operation, what, r.left));
      out.push(r.right);
    }
    return E.right(out);
  };

  const claimRequest = (
    operation: string,
    request: ClaimRequest,
  ): E.Either<StoreFailed, ClaimParams> =>
    E.flatMap(instant(operation, 'now', request.now), (nowMs) =>
      E.Functor.map(instant(operation, 'leaseUntil', request.leaseUntil), (leaseMs) => ({
        workerId: request.workerId,
        leaseUntil: request.leaseUntil,
        leaseMs,
        nowMs,
        limit: Math.max(0, Math.floor(request.limit)),
      })),
    );

  const synchronousNames = ['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const;
  const store: SqliteStore = {
    schemaVersion: SQLITE_SCHEMA_VERSION,
    settings: {
      journalMode: String(db.pragma('journal_mode', { simple: true })),
      synchronous: synchronousNames[Number(db.pragma('synchronous', { simple: true }))] ?? 'FULL',
      foreignKeys: Number(db.pragma('foreign_keys', { simple: true })) === 1,
      busyTimeoutMs: Number(db.pragma('busy_timeout', { simple: true })),
    },

    load: (orderId) =>
      guarded<StoredOrder | undefined, StoredDataInvalid>('load', () => {
        const row = s.loadOrder.get(orderId);
        if (row === undefined) return E.right(undefined);
        const invalid = (what: string, message: string): StoredDataInvalid => ({
          _tag: 'StoredDataInvalid',
          orderId,
          what,
          message: `order ${orderId}: ${what}: ${message}`,
        });
        const machine = parseJson(row.machine);
        if (E.isLeft(machine)) return E.left(invalid('machine', machine.left));
        const context = parseJson(row.context);
        if (E.isLeft(context)) return E.left(invalid('context', context.left));
        return E.mapLeft((m: string) => invalid('order', m))(
          orderFromColumns({ ...row, machine: machine.right, context: context.right }),
        );
      }) as Promise<E.Either<StoreFailed | StoredDataInvalid, StoredOrder | undefined>>,

    commit: (c) =>
      guarded('commit', () => {
        const ms: CommitInstants = { effects: [], timers: [], tasks: [] };
        for (const effect of c.effects) {
          const r = instant('commit', `effect ${effect.effectId} availableAt`, effect.availableAt);
          if (E.isLeft(r)) return r;
          ms.effects.push(r.right);
        }
        for (const timer of c.timers) {
          const r = instant('commit', `timer ${timer.timerId} dueAt`, timer.dueAt);
          if (E.isLeft(r)) return r;
          ms.timers.push(r.right);
        }
        for (const task of c.tasks) {
          const r = instant('commit', `task ${task.taskId} createdAt`, task.createdAt);
          if (E.isLeft(r)) return r;
          ms.tasks.push(r.right);
        }
        commitTx.immediate(c, ms);
        return E.right(undefined);
      }),

    appendAudit: (orderId, atVersion, entries) =>
      guarded('appendAudit', () => {
        appendTx.immediate(orderId, atVersion, entries);
        return E.right(undefined);
      }),

    history: (orderId) =>
      guarded<readonly AuditEntry[], StoredDataInvalid>('history', () => {
        return auditTrailFromRows(orderId, s.history.all(orderId), (row) => parseJson(row.entry));
      }) as Promise<E.Either<StoreFailed | StoredDataInvalid, readonly AuditEntry[]>>,

    idempotent: (key) =>
      guarded('idempotent', () => {
        const row = s.idempotent.get(key);
        if (row === undefined) return E.right<StoreFailed, Json | undefined>(undefined);
        return E.bimap(
          (m: string) => rowsFailed('idempotent', `response under ${key}`, m),
          (u: unknown) => u as Json,
        )(parseJson(row.response));
      }) as Promise<E.Either<StoreFailed, Json | undefined>>,

    tasks: (query: TaskQuery) =>
      guarded('tasks', () => {
        const limit = query.limit === undefined ? -1 : Math.max(0, Math.floor(query.limit));
        const roles = query.roles === undefined ? undefined : JSON.stringify(query.roles);
        const rows =
          query.actorId === undefined
            ? roles === undefined
              ? s.tasksAll.all(limit)
              : s.tasksByRoles.all(roles, limit)
            : roles === undefined
              ? s.tasksByActor.all(query.actorId, limit)
              : s.tasksInbox.all(query.actorId, roles, limit);
        return decodeRows('tasks', 'task', rows, taskOf);
      }) as Promise<E.Either<StoreFailed, readonly Task[]>>,

    claimDueTimers: (request) =>
      guarded('claimDueTimers', () =>
        E.flatMap(claimRequest('claimDueTimers', request), (params) =>
          decodeRows(
            'claimDueTimers',
            'timer',
            s.claimTimers
              .all(params)
              .sort((a, b) => a.due_ms - b.due_ms || (a.timer_id < b.timer_id ? -1 : 1)),
            timerOf,
          ),
        ),
      ) as Promise<E.Either<StoreFailed, readonly StoredTimer[]>>,

    claimDueEffects: (request) =>
      guarded('claimDueEffects', () =>
        E.flatMap(claimRequest('claimDueEffects', request), (params) =>
          decodeRows(
            'claimDueEffects',
            'effect',
            s.claimEffects
              .all(params)
              .sort(
                (a, b) => a.available_ms - b.available_ms || (a.effect_id < b.effect_id ? -1 : 1),
              ),
            effectOf,
          ),
        ),
      ) as Promise<E.Either<StoreFailed, readonly StoredEffect[]>>,

    completeEffect: (effectId, workerId) =>
      guarded('completeEffect', () => {
        // Only the holder of the claim decides; a stale worker's report changes nothing.
        s.completeEffect.run(effectId, workerId);
        return E.right(undefined);
      }) as Promise<E.Either<StoreFailed, void>>,

    failEffect: (effectId, workerId, failure: EffectFailure) =>
      guarded('failEffect', () => {
        const retryMs =
          failure.retryAt === null
            ? E.right(null)
            : instant('failEffect', 'retryAt', failure.retryAt);
        if (E.isLeft(retryMs)) return retryMs;
        s.failEffect.run({
          status: failure.retryAt === null ? 'failed' : 'pending',
          retryAt: failure.retryAt,
          retryMs: retryMs.right,
          error: failure.error,
          effectId,
          workerId,
        });
        return E.right(undefined);
      }) as Promise<E.Either<StoreFailed, void>>,

    effects: (orderId) =>
      guarded('effects', () =>
        decodeRows('effects', 'effect', s.effects.all(orderId), effectOf),
      ) as Promise<E.Either<StoreFailed, readonly StoredEffect[]>>,

    timers: (orderId) =>
      guarded('timers', () =>
        decodeRows('timers', 'timer', s.timers.all(orderId), timerOf),
      ) as Promise<E.Either<StoreFailed, readonly StoredTimer[]>>,

    close: () => {
      try {
        if (db.open) db.close();
      } catch {
        // closing twice or after a failure: nothing left to release
      }
      return Promise.resolve();
    },
  };
  return store;
};

interface ClaimParams {
  readonly workerId: string;
  readonly leaseUntil: string;
  readonly leaseMs: number;
  readonly nowMs: number;
  readonly limit: number;
}

interface CommitInstants {
  readonly effects: number[];
  readonly timers: number[];
  readonly tasks: number[];
}
