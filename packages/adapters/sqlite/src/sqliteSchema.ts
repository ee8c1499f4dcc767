/**
 * The SQLite schema and its migrations. `PRAGMA user_version` holds the schema version;
 * migrations run on open, in one IMMEDIATE transaction, so two processes opening the same
 * file at once apply each migration exactly once.
 */
import type Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';

/** Migrations in order; migration `i` takes the schema from version `i` to `i + 1`. */
const migrations: readonly string[] = [
  // 1: the tables.
  `
  CREATE TABLE orders (
    order_id       TEXT PRIMARY KEY,
    definition_key TEXT NOT NULL,
    version        INTEGER NOT NULL,
    state          TEXT NOT NULL,
    status         TEXT NOT NULL,
    machine        TEXT NOT NULL,
    context        TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE audit (
    order_id TEXT NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,
    entry    TEXT NOT NULL,
    PRIMARY KEY (order_id, seq)
  ) WITHOUT ROWID;

  CREATE TABLE effects (
    id           INTEGER PRIMARY KEY,
    effect_id    TEXT NOT NULL UNIQUE,
    order_id     TEXT NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    payload      TEXT NOT NULL,
    available_at TEXT NOT NULL,
    available_ms INTEGER NOT NULL,
    status       TEXT NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    claimed_by   TEXT,
    lease_until  TEXT,
    lease_ms     INTEGER,
    last_error   TEXT
  );
  CREATE INDEX effects_by_order ON effects (order_id, id);
  CREATE INDEX effects_pending ON effects (available_ms) WHERE status = 'pending';
  CREATE INDEX effects_leased ON effects (lease_ms) WHERE status = 'claimed';

  CREATE TABLE timers (
    timer_id    TEXT PRIMARY KEY,
    order_id    TEXT NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    due_at      TEXT NOT NULL,
    due_ms      INTEGER NOT NULL,
    payload     TEXT NOT NULL,
    status      TEXT NOT NULL,
    claimed_by  TEXT,
    lease_until TEXT,
    lease_ms    INTEGER
  );
  CREATE INDEX timers_by_order ON timers (order_id, due_ms);
  CREATE INDEX timers_pending ON timers (due_ms) WHERE status = 'pending';
  CREATE INDEX timers_leased ON timers (lease_ms) WHERE status = 'claimed';

  CREATE TABLE tasks (
    order_id       TEXT NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,
    task_id        TEXT NOT NULL,
    definition_key TEXT NOT NULL,
    stage_id       TEXT NOT NULL,
    step_id        TEXT,
    role           TEXT NOT NULL,
    actor_id       TEXT,
    commands       TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    created_ms     INTEGER NOT NULL,
    due_at         TEXT,
    escalated_to   TEXT,
    PRIMARY KEY (order_id, task_id)
  ) WITHOUT ROWID;
  CREATE INDEX tasks_by_role ON tasks (role, created_ms);
  CREATE INDEX tasks_by_actor ON tasks (actor_id, created_ms) WHERE actor_id IS NOT NULL;

  CREATE TABLE idempotency (
    key      TEXT PRIMARY KEY,
    order_id TEXT NOT NULL,
    response TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  // 2: the order row keeps the last audit seq, so a commit checks the trail continues with
  // its own UPDATE instead of a max(seq) over the audit table.
  `
  ALTER TABLE orders ADD COLUMN audit_seq INTEGER NOT NULL DEFAULT 0;
  UPDATE orders SET audit_seq = coalesce(
    (SELECT max(seq) FROM audit WHERE audit.order_id = orders.order_id), 0);
  `,
];

/** The schema version this library writes. */
export const SQLITE_SCHEMA_VERSION = migrations.length;

/** Why a database could not be brought to {@link SQLITE_SCHEMA_VERSION}. */
export interface SchemaTooNew {
  readonly found: number;
  readonly supported: number;
}

/**
 * Brings the database to {@link SQLITE_SCHEMA_VERSION}. Refuses (without touching it) a
 * database written by a newer library. Throws only what SQLite throws.
 */
export const migrateSqlite = (db: Database.Database): E.Either<SchemaTooNew, number> => {
  // Most opens find the schema current: decide that with a read, without queueing for the
  // write lock behind other processes' commits.
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current === SQLITE_SCHEMA_VERSION) return E.right(current);
  return db
    .transaction((): E.Either<SchemaTooNew, number> => {
      const found = Number(db.pragma('user_version', { simple: true }));
      if (found > SQLITE_SCHEMA_VERSION) {
        return E.left({ found, supported: SQLITE_SCHEMA_VERSION });
      }
      for (let v = found; v < SQLITE_SCHEMA_VERSION; v++) {
        db.exec(migrations[v] ?? '');
      }
      if (found < SQLITE_SCHEMA_VERSION) db.pragma(`user_version = ${SQLITE_SCHEMA_VERSION}`);
      return E.right(found);
    })
    .immediate();
};
