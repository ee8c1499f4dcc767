/**
 * The PostgreSQL `OrderStore`, safe for many processes: each order is a row with a version,
 * a commit is one call of a stored function (one round trip, one transaction), and timers
 * and effects are claimed with `FOR UPDATE SKIP LOCKED` under leases, so any number of
 * engine processes share the work with no coordinator.
 */
import { createHash } from 'node:crypto';
import type {
  AuditEntry,
  ClaimRequest,
  Commit,
  EffectColumns,
  EffectFailure,
  Json,
  NewTimer,
  OrderStore,
  StoredDataInvalid,
  StoredOrder,
  StoreFailed,
  TaskColumns,
  TaskQuery,
  TimerColumns,
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
import * as E from 'fp-ts/lib/Either.js';
import { Client, DatabaseError, escapeIdentifier, Pool, type QueryResultRow } from 'pg';
import { postgresFailure } from './postgresFailure.js';
import { migratePostgres, POSTGRES_SCHEMA_VERSION } from './postgresSchema.js';

/** Options shared by both ways of connecting. */
interface PostgresStoreCommonOptions {
  /** The schema that holds every table and function; created on start. Default `orderflow`. */
  readonly schema?: string;
  /** How long to wait for a connection (TCP, TLS, start-up, or a free pool slot). Default 5000 ms. */
  readonly connectTimeoutMs?: number;
  /** Server-side `statement_timeout`; the client also gives up after this plus `connectTimeoutMs`. Default 10000 ms. */
  readonly statementTimeoutMs?: number;
  /** Connections in the pool this store creates (ignored with `pool`). Default 10. */
  readonly poolSize?: number;
  /** Keep one extra connection that LISTENs for commits with effects or timers; see `onWake`. Default false. */
  readonly listen?: boolean;
  /** NOTIFY listeners when a commit writes effects or timers. Default: the value of `listen`. */
  readonly notify?: boolean;
}

/** How to open a PostgreSQL store: a connection string (the store owns its pool) or your own pool. */
export type PostgresStoreOptions = PostgresStoreCommonOptions &
  (
    | { readonly connectionString: string; readonly pool?: undefined }
    | { readonly pool: Pool; readonly connectionString?: undefined }
  );

/** The PostgreSQL store: an {@link OrderStore}, plus a wake-up signal for idle workers. */
export interface PostgresStore extends OrderStore {
  /** The schema the store works in. */
  readonly schema: string;
  /** The NOTIFY channel of the schema; also the `application_name` of the LISTEN connection. */
  readonly channel: string;
  /** The schema version of the database (equal to the library's after start). */
  readonly schemaVersion: number;
  /**
   * Calls `listener` when any process commits effects or timers (needs `listen: true`;
   * committers need `notify`). Returns a function that unsubscribes.
   */
  onWake(listener: () => void): () => void;
}

interface OrderRow {
  order_id: string;
  definition_key: string;
  version: number;
  state: string;
  status: string;
  machine: unknown;
  context: unknown;
  created_at: string;
  updated_at: string;
}

// Rows come back as the SQL stores' column shapes (core decodes them with the row codecs).
type EffectRow = EffectColumns;
type TimerRow = TimerColumns;
type TaskRow = TaskColumns;

const effectColumns =
  'effect_id, order_id, kind, payload, available_at, status, attempts, claimed_by, lease_until, last_error';
const timerColumns = 'timer_id, order_id, kind, due_at, payload, status, claimed_by, lease_until';
const taskColumns =
  'order_id, task_id, definition_key, stage_id, step_id, role, actor_id, commands, created_at, due_at, escalated_to';
const taskOrder = 'created_ms, order_id, task_id';

const effectOf = effectFromColumns;
const timerOf = timerFromColumns;
const taskOf = taskFromColumns;

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
    if (E.isLeft(r)) {
      return E.left(storeFailed(operation, `stored ${what} is invalid: ${r.left}`, false));
    }
    out.push(r.right);
  }
  return E.right(out);
};

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

/** Collects `label → instant` conversions, stopping at the first bad one. */
const instants = <A>(
  operation: string,
  items: readonly A[],
  label: (a: A) => string,
  value: (a: A) => string,
): E.Either<StoreFailed, number[]> => {
  const out: number[] = [];
  for (const item of items) {
    const r = instant(operation, label(item), value(item));
    if (E.isLeft(r)) return r;
    out.push(r.right);
  }
  return E.right(out);
};

const conflict = (
  orderId: string,
  expectedVersion: number,
  actualVersion: number,
): E.Either<VersionConflict, never> =>
  E.left({ _tag: 'VersionConflict', orderId, expectedVersion, actualVersion });

/**
 * Checks what a correct engine always sends: consecutive audit entries of this order.
 * Whether they continue the stored trail is checked in the transaction.
 */
const auditWellFormed = (
  operation: string,
  orderId: string,
  entries: readonly AuditEntry[],
): StoreFailed | undefined => {
  const first = entries[0]?.seq ?? 0;
  for (const [i, entry] of entries.entries()) {
    if (entry.orderId !== orderId) {
      return storeFailed(
        operation,
        `audit entry seq ${entry.seq} belongs to order ${entry.orderId}, not ${orderId}`,
        false,
      );
    }
    if (entry.seq !== first + i) {
      return storeFailed(
        operation,
        `audit seq ${entry.seq} of order ${orderId} leaves a gap (expected ${first + i})`,
        false,
      );
    }
  }
  return undefined;
};

/** A short, stable tag of the schema for prepared-statement and channel names. */
const schemaTag = (schema: string): string =>
  createHash('sha256').update(schema).digest('hex').slice(0, 10);

/**
 * Connects, migrates the schema (under an advisory lock) and returns the store. Fails with
 * a `StoreFailed` — retryable when the server is unreachable or slow past
 * `connectTimeoutMs`, not retryable for a schema written by a newer library. Never throws.
 *
 * @example
 * const store = await createPostgresStore({ connectionString: process.env.DATABASE_URL ?? '' });
 * if (E.isLeft(store)) throw new Error(store.left.message);
 */
export const createPostgresStore = async (
  options: PostgresStoreOptions,
): Promise<E.Either<StoreFailed, PostgresStore>> => {
  const schema = options.schema ?? 'orderflow';
  if (schema === '' || schema.length > 63) {
    return E.left(
      storeFailed('open', `schema name must have 1 to 63 characters: "${schema}"`, false),
    );
  }
  const connectTimeoutMs = options.connectTimeoutMs ?? 5000;
  const statementTimeoutMs = options.statementTimeoutMs ?? 10_000;
  const ownsPool = options.pool === undefined;
  const pool =
    options.pool ??
    new Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: connectTimeoutMs,
      statement_timeout: statementTimeoutMs,
      query_timeout: statementTimeoutMs + connectTimeoutMs,
      keepAlive: true,
      application_name: 'orderflow',
    });
  // An idle connection that breaks (server restart) is reported here; without a listener
  // Node would crash the process. The next call gets a new connection or a StoreFailed.
  if (ownsPool) pool.on('error', () => undefined);
  const endPool = async () => {
    if (ownsPool) await pool.end().catch(() => undefined);
  };

  const S = escapeIdentifier(schema);
  try {
    const client = await pool.connect();
    try {
      const migrated = await migratePostgres(client, schema, S);
      if (E.isLeft(migrated)) {
        client.release();
        await endPool();
        return E.left(
          storeFailed(
            'open',
            `schema ${schema} has version ${migrated.left.found}, newer than the ${migrated.left.supported} this @orderflow/postgres supports; upgrade @orderflow/postgres to use it`,
            false,
          ),
        );
      }
      client.release();
    } catch (error) {
      client.release(error instanceof Error ? error : true);
      throw error;
    }
  } catch (error) {
    await endPool();
    return E.left(postgresFailure('open', error));
  }

  const tag = schemaTag(schema);
  const channel = `orderflow_${tag}`;
  const wake = new Set<() => void>();
  const listener =
    options.listen === true ? await listenOn(pool, channel, connectTimeoutMs, wake) : undefined;
  if (listener !== undefined && E.isLeft(listener)) {
    await endPool();
    return listener;
  }
  return E.right(
    storeOn({
      pool,
      schema,
      S,
      tag,
      notifyChannel: (options.notify ?? options.listen === true) ? channel : null,
      wake,
      close: async () => {
        if (listener !== undefined && E.isRight(listener)) await listener.right();
        await endPool();
      },
    }),
  );
};

/**
 * Opens the LISTEN connection. It reconnects (with a growing pause) when the connection
 * breaks, and wakes the listeners after a reconnect, since notifications may have been
 * missed meanwhile. Resolves to a function that stops it.
 */
const listenOn = async (
  pool: Pool,
  channel: string,
  connectTimeoutMs: number,
  wake: Set<() => void>,
): Promise<E.Either<StoreFailed, () => Promise<void>>> => {
  const { options } = pool as unknown as { options: Record<string, unknown> };
  let client: Client | undefined;
  let stopped = false;
  let pause = 100;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const notifyAll = () => {
    for (const listener of wake) listener();
  };
  const schedule = () => {
    if (stopped) return;
    retry = setTimeout(() => {
      connect().then(notifyAll, schedule);
    }, pause);
    pause = Math.min(pause * 2, 5000);
  };
  const connect = async (): Promise<void> => {
    const next = new Client({
      ...options,
      connectionTimeoutMillis: connectTimeoutMs,
      application_name: channel,
    });
    next.on('notification', notifyAll);
    next.on('error', () => {
      void next.end().catch(() => undefined);
      if (client === next) {
        client = undefined;
        schedule();
      }
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${escapeIdentifier(channel)}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    if (stopped) {
      await next.end().catch(() => undefined);
      return;
    }
    pause = 100;
    client = next;
  };
  try {
    await connect();
  } catch (error) {
    return E.left(postgresFailure('listen', error));
  }
  return E.right(async () => {
    stopped = true;
    clearTimeout(retry);
    const last = client;
    client = undefined;
    await last?.end().catch(() => undefined);
  });
};

interface StoreParts {
  readonly pool: Pool;
  readonly schema: string;
  readonly S: string;
  readonly tag: string;
  readonly notifyChannel: string | null;
  readonly wake: Set<() => void>;
  readonly close: () => Promise<void>;
}

const storeOn = ({
  pool,
  schema,
  S,
  tag,
  notifyChannel,
  wake,
  close,
}: StoreParts): PostgresStore => {
  let closed = false;

  /** Runs one named (prepared once per connection) statement on the pool. */
  const run = <R extends QueryResultRow>(name: string, text: string, values: unknown[]) =>
    pool.query<R>({ name: `of_${tag}_${name}`, text, values });

  /** Runs `body`, mapping a rejection (or a closed store) to `StoreFailed`. */
  const guarded = async <L, A>(
    operation: string,
    body: () => Promise<E.Either<L, A>>,
  ): Promise<E.Either<L | StoreFailed, A>> => {
    if (closed) return E.left(storeFailed(operation, 'the store is closed', false));
    try {
      return await body();
    } catch (error) {
      return E.left(postgresFailure(operation, error));
    }
  };

  const commit = async (c: Commit): Promise<E.Either<StoreFailed | VersionConflict, void>> => {
    const { orderId } = c.order;
    if (c.order.version !== c.expectedVersion + 1) {
      return E.left(
        storeFailed(
          'commit',
          `order ${orderId}: version ${c.order.version} is not expectedVersion + 1 (${c.expectedVersion + 1})`,
          false,
        ),
      );
    }
    const malformed = auditWellFormed('commit', orderId, c.audit);
    if (malformed !== undefined) return E.left(malformed);
    // Later timers with the same id replace earlier ones, as in one upsert after another.
    const timers = [...new Map(c.timers.map((t): [string, NewTimer] => [t.timerId, t])).values()];
    const effectMs = instants(
      'commit',
      c.effects,
      (e) => `effect ${e.effectId} availableAt`,
      (e) => e.availableAt,
    );
    if (E.isLeft(effectMs)) return effectMs;
    const timerMs = instants(
      'commit',
      timers,
      (t) => `timer ${t.timerId} dueAt`,
      (t) => t.dueAt,
    );
    if (E.isLeft(timerMs)) return timerMs;
    const taskMs = instants(
      'commit',
      c.tasks,
      (t) => `task ${t.taskId} createdAt`,
      (t) => t.createdAt,
    );
    if (E.isLeft(taskMs)) return taskMs;
    const payload = JSON.stringify({
      expectedVersion: c.expectedVersion,
      order: c.order,
      audit: c.audit,
      effects: c.effects.map((e, i) => ({ ...e, availableMs: effectMs.right[i] })),
      timers: timers.map((t, i) => ({ ...t, dueMs: timerMs.right[i] })),
      cancelTimers: c.cancelTimers,
      firedTimers: c.firedTimers,
      tasks: c.tasks.map((t, i) => ({ ...t, createdMs: taskMs.right[i] })),
      ...(c.idempotency === undefined ? {} : { idempotency: c.idempotency }),
    });
    try {
      const result = await run<{ r: number }>(
        'commit',
        `SELECT ${S}.commit_order($1::jsonb, $2::text) AS r`,
        [payload, notifyChannel],
      );
      const r = result.rows[0]?.r ?? -1;
      return r === -1 ? E.right(undefined) : conflict(orderId, c.expectedVersion, r);
    } catch (error) {
      if (error instanceof DatabaseError) {
        if (error.code === 'OF001') return conflict(orderId, c.expectedVersion, c.expectedVersion);
        if (error.code === 'OF002') return E.left(storeFailed('commit', error.message, false));
        if (error.code === '23505') {
          // A unique row another transaction wrote first.
          if (error.constraint === 'audit_pkey') {
            return conflict(orderId, c.expectedVersion, c.expectedVersion);
          }
          if (error.constraint === 'idempotency_pkey') {
            return E.left(
              storeFailed('commit', `idempotency key ${c.idempotency?.key} is already used`, true),
            );
          }
          if (error.constraint === 'effects_pkey') {
            return E.left(
              storeFailed(
                'commit',
                `an effect of order ${orderId} already exists: ${error.detail}`,
                false,
              ),
            );
          }
        }
      }
      throw error;
    }
  };

  const claimParams = (operation: string, request: ClaimRequest) =>
    E.flatMap(instant(operation, 'now', request.now), (nowMs) =>
      E.Functor.map(instant(operation, 'leaseUntil', request.leaseUntil), (leaseMs) => [
        nowMs,
        Math.max(0, Math.floor(request.limit)),
        request.workerId,
        request.leaseUntil,
        leaseMs,
      ]),
    );

  return {
    schema,
    channel: `orderflow_${tag}`,
    schemaVersion: POSTGRES_SCHEMA_VERSION,

    onWake: (listener) => {
      wake.add(listener);
      return () => {
        wake.delete(listener);
      };
    },

    load: (orderId) =>
      guarded('load', async (): Promise<E.Either<StoredDataInvalid, StoredOrder | undefined>> => {
        const { rows } = await run<OrderRow>(
          'load',
          `SELECT order_id, definition_key, version, state, status, machine, context, created_at, updated_at
               FROM ${S}.orders WHERE order_id = $1`,
          [orderId],
        );
        const row = rows[0];
        if (row === undefined) return E.right(undefined);
        const decoded = orderFromColumns(row);
        return E.isRight(decoded)
          ? decoded
          : E.left({
              _tag: 'StoredDataInvalid',
              orderId,
              what: 'order',
              message: `order ${orderId}: ${decoded.left}`,
            });
      }),

    commit: (c) => guarded('commit', () => commit(c)),

    appendAudit: (orderId, atVersion, entries) =>
      guarded('appendAudit', async (): Promise<E.Either<StoreFailed | VersionConflict, void>> => {
        const malformed = auditWellFormed('appendAudit', orderId, entries);
        if (malformed !== undefined) return E.left(malformed);
        try {
          const { rows } = await run<{ r: number }>(
            'appendAudit',
            `SELECT ${S}.append_audit($1, $2, $3::jsonb) AS r`,
            [orderId, atVersion, JSON.stringify(entries)],
          );
          const r = rows[0]?.r ?? -1;
          return r === -1 ? E.right(undefined) : conflict(orderId, atVersion, r);
        } catch (error) {
          if (error instanceof DatabaseError && error.code === 'OF002') {
            return E.left(storeFailed('appendAudit', error.message, false));
          }
          throw error;
        }
      }),

    history: (orderId) =>
      guarded('history', async (): Promise<E.Either<StoredDataInvalid, readonly AuditEntry[]>> => {
        const { rows } = await run<{ seq: number; entry: unknown }>(
          'history',
          `SELECT seq, entry FROM ${S}.audit WHERE order_id = $1 ORDER BY seq`,
          [orderId],
        );
        return auditTrailFromRows(orderId, rows, (row) => E.right(row.entry));
      }),

    idempotent: (key) =>
      guarded('idempotent', async (): Promise<E.Either<never, Json | undefined>> => {
        const { rows } = await run<{ response: Json }>(
          'idempotent',
          `SELECT response FROM ${S}.idempotency WHERE key = $1`,
          [key],
        );
        return E.right(rows[0]?.response);
      }),

    tasks: (query: TaskQuery) =>
      guarded('tasks', async () => {
        const limit = query.limit === undefined ? null : Math.max(0, Math.floor(query.limit));
        const roles = query.roles === undefined ? undefined : [...new Set(query.roles)];
        // Per role, an index scan of tasks_by_role in inbox order, cut at the limit; then
        // the few rows left are merged. This stays fast however long one role's queue is.
        const byRoles = (extra: string) =>
          `SELECT t.* FROM unnest($1::text[]) AS r(role)
             CROSS JOIN LATERAL (
               SELECT ${taskColumns}, created_ms FROM ${S}.tasks
                WHERE role = r.role ${extra} ORDER BY ${taskOrder} LIMIT $2) AS t`;
        const { rows } =
          query.actorId === undefined
            ? roles === undefined
              ? await run<TaskRow>(
                  'tasksAll',
                  `SELECT ${taskColumns} FROM ${S}.tasks ORDER BY ${taskOrder} LIMIT $1`,
                  [limit],
                )
              : await run<TaskRow>(
                  'tasksByRoles',
                  `SELECT ${taskColumns} FROM (${byRoles('')}) AS u ORDER BY ${taskOrder} LIMIT $2`,
                  [roles, limit],
                )
            : roles === undefined
              ? await run<TaskRow>(
                  'tasksByActor',
                  `SELECT ${taskColumns} FROM ${S}.tasks WHERE actor_id = $1 ORDER BY ${taskOrder} LIMIT $2`,
                  [query.actorId, limit],
                )
              : await run<TaskRow>(
                  'tasksInbox',
                  `SELECT ${taskColumns} FROM (
                     (${byRoles('AND actor_id IS NULL')})
                     UNION ALL
                     (SELECT ${taskColumns}, created_ms FROM ${S}.tasks WHERE actor_id = $3
                       ORDER BY ${taskOrder} LIMIT $2)
                   ) AS u ORDER BY ${taskOrder} LIMIT $2`,
                  [roles, limit, query.actorId],
                );
        return decodeRows('tasks', 'task', rows, taskOf);
      }),

    claimDueTimers: (request) =>
      guarded('claimDueTimers', async () => {
        const params = claimParams('claimDueTimers', request);
        if (E.isLeft(params)) return params;
        const { rows } = await run<TimerRow>(
          'claimTimers',
          `WITH pending AS (
             SELECT timer_id, due_ms FROM ${S}.timers
              WHERE status = 'pending' AND due_ms <= $1
              ORDER BY due_ms, timer_id LIMIT $2 FOR UPDATE SKIP LOCKED
           ), expired AS (
             SELECT timer_id, due_ms FROM ${S}.timers
              WHERE status = 'claimed' AND lease_ms <= $1
              ORDER BY due_ms, timer_id LIMIT $2 FOR UPDATE SKIP LOCKED
           ), chosen AS (
             SELECT timer_id FROM (SELECT * FROM pending UNION ALL SELECT * FROM expired) AS u
              ORDER BY due_ms, timer_id LIMIT $2
           ), claimed AS (
             UPDATE ${S}.timers AS t
                SET status = 'claimed', claimed_by = $3, lease_until = $4, lease_ms = $5
               FROM chosen WHERE t.timer_id = chosen.timer_id
             RETURNING t.*
           )
           SELECT ${timerColumns} FROM claimed ORDER BY due_ms, timer_id`,
          params.right,
        );
        return decodeRows('claimDueTimers', 'timer', rows, timerOf);
      }),

    claimDueEffects: (request) =>
      guarded('claimDueEffects', async () => {
        const params = claimParams('claimDueEffects', request);
        if (E.isLeft(params)) return params;
        const { rows } = await run<EffectRow>(
          'claimEffects',
          `WITH pending AS (
             SELECT effect_id, available_ms FROM ${S}.effects
              WHERE status = 'pending' AND available_ms <= $1
              ORDER BY available_ms, effect_id LIMIT $2 FOR UPDATE SKIP LOCKED
           ), expired AS (
             SELECT effect_id, available_ms FROM ${S}.effects
              WHERE status = 'claimed' AND lease_ms <= $1
              ORDER BY available_ms, effect_id LIMIT $2 FOR UPDATE SKIP LOCKED
           ), chosen AS (
             SELECT effect_id FROM (SELECT * FROM pending UNION ALL SELECT * FROM expired) AS u
              ORDER BY available_ms, effect_id LIMIT $2
           ), claimed AS (
             UPDATE ${S}.effects AS e
                SET status = 'claimed', claimed_by = $3, lease_until = $4, lease_ms = $5,
                    attempts = e.attempts + 1
               FROM chosen WHERE e.effect_id = chosen.effect_id
             RETURNING e.*
           )
           SELECT ${effectColumns} FROM claimed ORDER BY available_ms, effect_id`,
          params.right,
        );
        return decodeRows('claimDueEffects', 'effect', rows, effectOf);
      }),

    completeEffect: (effectId, workerId) =>
      guarded('completeEffect', async () => {
        // Only the holder of the claim decides; a stale worker's report changes nothing.
        await run(
          'completeEffect',
          `UPDATE ${S}.effects SET status = 'done', lease_until = NULL, lease_ms = NULL
            WHERE effect_id = $1 AND status = 'claimed' AND claimed_by = $2`,
          [effectId, workerId],
        );
        return E.right(undefined);
      }),

    failEffect: (effectId, workerId, failure: EffectFailure) =>
      guarded('failEffect', async () => {
        const retryMs =
          failure.retryAt === null
            ? E.right(null)
            : instant('failEffect', 'retryAt', failure.retryAt);
        if (E.isLeft(retryMs)) return retryMs;
        await run(
          'failEffect',
          `UPDATE ${S}.effects
              SET status = CASE WHEN $3::text IS NULL THEN 'failed' ELSE 'pending' END,
                  available_at = coalesce($3::text, available_at),
                  available_ms = coalesce($4::bigint, available_ms),
                  last_error = $5,
                  claimed_by = CASE WHEN $3::text IS NULL THEN claimed_by END,
                  lease_until = NULL, lease_ms = NULL
            WHERE effect_id = $1 AND status = 'claimed' AND claimed_by = $2`,
          [effectId, workerId, failure.retryAt, retryMs.right, failure.error],
        );
        return E.right(undefined);
      }),

    effects: (orderId) =>
      guarded('effects', async () => {
        const { rows } = await run<EffectRow>(
          'effects',
          `SELECT ${effectColumns} FROM ${S}.effects WHERE order_id = $1 ORDER BY id`,
          [orderId],
        );
        return decodeRows('effects', 'effect', rows, effectOf);
      }),

    timers: (orderId) =>
      guarded('timers', async () => {
        const { rows } = await run<TimerRow>(
          'timers',
          `SELECT ${timerColumns} FROM ${S}.timers WHERE order_id = $1 ORDER BY due_ms, timer_id`,
          [orderId],
        );
        return decodeRows('timers', 'timer', rows, timerOf);
      }),

    close: async () => {
      if (closed) return;
      closed = true;
      wake.clear();
      await close();
    },
  };
};
