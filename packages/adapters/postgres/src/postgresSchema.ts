/**
 * The PostgreSQL schema and its migrations. Every object lives in one configurable schema;
 * migrations run on start inside one transaction holding `pg_advisory_xact_lock`, so two
 * processes starting at once apply each migration exactly once.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { PoolClient } from 'pg';

/**
 * Migration 1: tables, indexes, and the two functions that make a commit (and an audit
 * append) one round trip. `S` is the quoted schema name.
 */
const v1 = (S: string): string => `
CREATE TABLE ${S}.orders (
  order_id       text COLLATE "C" PRIMARY KEY,
  definition_key text NOT NULL,
  version        integer NOT NULL,
  state          text NOT NULL,
  status         text NOT NULL,
  machine        jsonb NOT NULL,
  context        jsonb NOT NULL,
  created_at     text NOT NULL,
  updated_at     text NOT NULL
);

CREATE TABLE ${S}.audit (
  order_id text COLLATE "C" NOT NULL REFERENCES ${S}.orders (order_id) ON DELETE CASCADE,
  seq      integer NOT NULL,
  entry    jsonb NOT NULL,
  PRIMARY KEY (order_id, seq)
);

CREATE TABLE ${S}.effects (
  id           bigint GENERATED ALWAYS AS IDENTITY,
  effect_id    text COLLATE "C" PRIMARY KEY,
  order_id     text COLLATE "C" NOT NULL REFERENCES ${S}.orders (order_id) ON DELETE CASCADE,
  kind         text NOT NULL,
  payload      jsonb NOT NULL,
  available_at text NOT NULL,
  available_ms bigint NOT NULL,
  status       text NOT NULL,
  attempts     integer NOT NULL DEFAULT 0,
  claimed_by   text,
  lease_until  text,
  lease_ms     bigint,
  last_error   text
);
CREATE INDEX effects_by_order ON ${S}.effects (order_id, id);
CREATE INDEX effects_pending ON ${S}.effects (available_ms, effect_id) WHERE status = 'pending';
CREATE INDEX effects_leased ON ${S}.effects (lease_ms) WHERE status = 'claimed';

CREATE TABLE ${S}.timers (
  timer_id    text COLLATE "C" PRIMARY KEY,
  order_id    text COLLATE "C" NOT NULL REFERENCES ${S}.orders (order_id) ON DELETE CASCADE,
  kind        text NOT NULL,
  due_at      text NOT NULL,
  due_ms      bigint NOT NULL,
  payload     jsonb NOT NULL,
  status      text NOT NULL,
  claimed_by  text,
  lease_until text,
  lease_ms    bigint
);
CREATE INDEX timers_by_order ON ${S}.timers (order_id, due_ms, timer_id);
CREATE INDEX timers_pending ON ${S}.timers (due_ms, timer_id) WHERE status = 'pending';
CREATE INDEX timers_leased ON ${S}.timers (lease_ms) WHERE status = 'claimed';

CREATE TABLE ${S}.tasks (
  order_id       text COLLATE "C" NOT NULL REFERENCES ${S}.orders (order_id) ON DELETE CASCADE,
  task_id        text COLLATE "C" NOT NULL,
  definition_key text NOT NULL,
  stage_id       text NOT NULL,
  step_id        text,
  role           text NOT NULL,
  actor_id       text,
  commands       jsonb NOT NULL,
  created_at     text NOT NULL,
  created_ms     bigint NOT NULL,
  due_at         text,
  escalated_to   text,
  PRIMARY KEY (order_id, task_id)
);
CREATE INDEX tasks_by_role ON ${S}.tasks (role, created_ms, order_id, task_id);
CREATE INDEX tasks_by_actor ON ${S}.tasks (actor_id, created_ms, order_id, task_id)
  WHERE actor_id IS NOT NULL;

CREATE TABLE ${S}.idempotency (
  key      text PRIMARY KEY,
  order_id text NOT NULL,
  response jsonb NOT NULL
);

-- One accepted command in one call. c = { expectedVersion, order, audit, effects, timers,
-- cancelTimers, firedTimers, tasks, idempotency? } with the *_ms instants computed by the
-- client. Returns -1 when written, else the version found (the caller reports a
-- VersionConflict). Raises OF001 (conflict: the audit trail moved on) and OF002 (a gap in the
-- audit seq), which roll everything back.
CREATE FUNCTION ${S}.commit_order(c jsonb, notify_channel text) RETURNS integer
LANGUAGE plpgsql AS $fn$
DECLARE
  o        jsonb   := c->'order';
  o_id     text    := o->>'orderId';
  expected integer := (c->>'expectedVersion')::integer;
  actual   integer;
  last_seq integer;
  first_seq integer := (c->'audit'->0->>'seq')::integer;
BEGIN
  IF expected = 0 THEN
    INSERT INTO ${S}.orders (order_id, definition_key, version, state, status, machine, context,
                             created_at, updated_at)
    VALUES (o_id, o->>'definitionKey', (o->>'version')::integer, o->>'state', o->>'status',
            o->'machine', o->'context', o->>'createdAt', o->>'updatedAt')
    ON CONFLICT (order_id) DO NOTHING;
  ELSE
    UPDATE ${S}.orders
       SET definition_key = o->>'definitionKey', version = (o->>'version')::integer,
           state = o->>'state', status = o->>'status', machine = o->'machine',
           context = o->'context', created_at = o->>'createdAt', updated_at = o->>'updatedAt'
     WHERE order_id = o_id AND version = expected;
  END IF;
  IF NOT FOUND THEN
    SELECT version INTO actual FROM ${S}.orders WHERE order_id = o_id;
    RETURN coalesce(actual, 0);
  END IF;

  IF first_seq IS NOT NULL THEN
    SELECT coalesce(max(seq), 0) INTO last_seq FROM ${S}.audit WHERE order_id = o_id;
    IF first_seq <= last_seq THEN
      RAISE EXCEPTION 'audit trail of order % moved on', o_id USING ERRCODE = 'OF001', DETAIL = expected::text;
    ELSIF first_seq <> last_seq + 1 THEN
      RAISE EXCEPTION 'audit seq % of order % leaves a gap (expected %)', first_seq, o_id, last_seq + 1
        USING ERRCODE = 'OF002';
    END IF;
    INSERT INTO ${S}.audit (order_id, seq, entry)
    SELECT o_id, (e->>'seq')::integer, e FROM jsonb_array_elements(c->'audit') AS e;
  END IF;

  INSERT INTO ${S}.effects (effect_id, order_id, kind, payload, available_at, available_ms, status)
  SELECT e->>'effectId', e->>'orderId', e->>'kind', e->'payload', e->>'availableAt',
         (e->>'availableMs')::bigint, 'pending'
    FROM jsonb_array_elements(c->'effects') AS e;

  INSERT INTO ${S}.timers (timer_id, order_id, kind, due_at, due_ms, payload, status)
  SELECT e->>'timerId', e->>'orderId', e->>'kind', e->>'dueAt', (e->>'dueMs')::bigint,
         e->'payload', 'pending'
    FROM jsonb_array_elements(c->'timers') AS e
  ON CONFLICT (timer_id) DO UPDATE
     SET order_id = excluded.order_id, kind = excluded.kind, due_at = excluded.due_at,
         due_ms = excluded.due_ms, payload = excluded.payload, status = 'pending',
         claimed_by = NULL, lease_until = NULL, lease_ms = NULL;

  IF jsonb_array_length(c->'cancelTimers') > 0 THEN
    UPDATE ${S}.timers SET status = 'cancelled', claimed_by = NULL, lease_until = NULL, lease_ms = NULL
     WHERE timer_id IN (SELECT jsonb_array_elements_text(c->'cancelTimers'))
       AND status IN ('pending', 'claimed');
  END IF;
  IF jsonb_array_length(c->'firedTimers') > 0 THEN
    UPDATE ${S}.timers SET status = 'fired', lease_until = NULL, lease_ms = NULL
     WHERE timer_id IN (SELECT jsonb_array_elements_text(c->'firedTimers'))
       AND status IN ('pending', 'claimed');
  END IF;

  IF expected > 0 THEN
    DELETE FROM ${S}.tasks WHERE order_id = o_id;
  END IF;
  INSERT INTO ${S}.tasks (order_id, task_id, definition_key, stage_id, step_id, role, actor_id,
                          commands, created_at, created_ms, due_at, escalated_to)
  SELECT e->>'orderId', e->>'taskId', e->>'definitionKey', e->>'stageId', e->>'stepId',
         e->>'role', e->>'actorId', e->'commands', e->>'createdAt', (e->>'createdMs')::bigint,
         e->>'dueAt', e->>'escalatedTo'
    FROM jsonb_array_elements(c->'tasks') AS e;

  IF c ? 'idempotency' THEN
    INSERT INTO ${S}.idempotency (key, order_id, response)
    VALUES (c->'idempotency'->>'key', o_id, c->'idempotency'->'response');
  END IF;

  IF notify_channel IS NOT NULL
     AND (jsonb_array_length(c->'effects') > 0 OR jsonb_array_length(c->'timers') > 0) THEN
    PERFORM pg_notify(notify_channel, o_id);
  END IF;
  RETURN -1;
END
$fn$;

-- Refused attempts: append audit entries only if the order is still at at_version and the
-- trail did not move on. Returns -1 when written, else the version found.
CREATE FUNCTION ${S}.append_audit(o_id text, at_version integer, entries jsonb) RETURNS integer
LANGUAGE plpgsql AS $fn$
DECLARE
  actual    integer;
  last_seq  integer;
  first_seq integer := (entries->0->>'seq')::integer;
BEGIN
  SELECT version INTO actual FROM ${S}.orders WHERE order_id = o_id FOR NO KEY UPDATE;
  IF actual IS NULL OR actual <> at_version THEN
    RETURN coalesce(actual, 0);
  END IF;
  IF first_seq IS NULL THEN
    RETURN -1;
  END IF;
  SELECT coalesce(max(seq), 0) INTO last_seq FROM ${S}.audit WHERE order_id = o_id;
  IF first_seq <= last_seq THEN
    RETURN actual;
  ELSIF first_seq <> last_seq + 1 THEN
    RAISE EXCEPTION 'audit seq % of order % leaves a gap (expected %)', first_seq, o_id, last_seq + 1
      USING ERRCODE = 'OF002';
  END IF;
  INSERT INTO ${S}.audit (order_id, seq, entry)
  SELECT o_id, (e->>'seq')::integer, e FROM jsonb_array_elements(entries) AS e;
  RETURN -1;
END
$fn$;
`;

/** Migrations in order; migration `i` takes the schema from version `i` to `i + 1`. */
const migrations: readonly ((schema: string) => string)[] = [v1];

/** The schema version this library writes. */
export const POSTGRES_SCHEMA_VERSION = migrations.length;

/** Why a schema could not be brought to {@link POSTGRES_SCHEMA_VERSION}. */
export interface SchemaTooNew {
  readonly found: number;
  readonly supported: number;
}

/**
 * Brings `schema` (quoted as `S`) to {@link POSTGRES_SCHEMA_VERSION} on `client`, in one
 * transaction under an advisory lock keyed by the schema name. Refuses a schema written by
 * a newer library. Rejects only with what `pg` rejects with (the caller maps it).
 */
export const migratePostgres = async (
  client: PoolClient,
  schema: string,
  S: string,
): Promise<E.Either<SchemaTooNew, number>> => {
  await client.query('BEGIN');
  try {
    await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('orderflow:' || $1, 0))`, [
      schema,
    ]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${S}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${S}.schema_version (
         version    integer PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const found = Number(
      (
        await client.query<{ v: number | null }>(
          `SELECT max(version) AS v FROM ${S}.schema_version`,
        )
      ).rows[0]?.v ?? 0,
    );
    if (found > POSTGRES_SCHEMA_VERSION) {
      await client.query('ROLLBACK');
      return E.left({ found, supported: POSTGRES_SCHEMA_VERSION });
    }
    for (let v = found; v < POSTGRES_SCHEMA_VERSION; v++) {
      await client.query(migrations[v]?.(S) ?? '');
      await client.query(`INSERT INTO ${S}.schema_version (version) VALUES ($1)`, [v + 1]);
    }
    await client.query('COMMIT');
    return E.right(found);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
};
