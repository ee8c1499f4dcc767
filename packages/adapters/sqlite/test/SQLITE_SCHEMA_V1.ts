/**
 * The schema of @orderflow/sqlite files at schema version 1, frozen as released, so tests
 * can make an old file and open it with the current library.
 */

/** The DDL that migration 1 ran; a file at `user_version = 1` has exactly these tables. */
export const SQLITE_SCHEMA_V1 = `
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
  `;
