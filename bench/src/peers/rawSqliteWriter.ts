/**
 * The better-sqlite3 peer: what a user would write by hand to persist an order per
 * command — one IMMEDIATE transaction that inserts the audit row and updates the order's
 * snapshot under a version check — with the store's pragmas and table shapes.
 */
import type { Commit } from '@orderflow/core';
import Database from 'better-sqlite3';

/** How to open the raw writer. */
export interface RawSqliteOptions {
  readonly path: string;
  readonly synchronous: 'FULL' | 'NORMAL';
}

/** Writes commits by hand; throws on a version mismatch (the workload is broken). */
export interface RawSqliteWriter {
  write(commit: Commit): void;
  close(): void;
}

/** Opens (and creates) the raw peer's database. */
export const createRawSqliteWriter = (options: RawSqliteOptions): RawSqliteWriter => {
  const db = new Database(options.path);
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous}`);
  db.pragma('foreign_keys = ON');
  db.exec(`
    CREATE TABLE IF NOT EXISTS orders (
      order_id TEXT PRIMARY KEY, definition_key TEXT NOT NULL, version INTEGER NOT NULL,
      state TEXT NOT NULL, status TEXT NOT NULL, machine TEXT NOT NULL, context TEXT NOT NULL,
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS audit (
      order_id TEXT NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,
      seq INTEGER NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (order_id, seq)
    ) WITHOUT ROWID;
  `);
  const insertOrder = db.prepare(
    `INSERT INTO orders (order_id, definition_key, version, state, status, machine, context, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateOrder = db.prepare(
    `UPDATE orders SET version = ?, state = ?, status = ?, machine = ?, context = ?, updated_at = ?
     WHERE order_id = ? AND version = ?`,
  );
  const insertAudit = db.prepare('INSERT INTO audit (order_id, seq, entry) VALUES (?, ?, ?)');
  const tx = db.transaction((c: Commit) => {
    const o = c.order;
    if (c.expectedVersion === 0) {
      insertOrder.run(
        o.orderId,
        o.definitionKey,
        o.version,
        o.state,
        o.status,
        JSON.stringify(o.machine),
        JSON.stringify(o.context),
        o.createdAt,
        o.updatedAt,
      );
    } else {
      const changed = updateOrder.run(
        o.version,
        o.state,
        o.status,
        JSON.stringify(o.machine),
        JSON.stringify(o.context),
        o.updatedAt,
        o.orderId,
        c.expectedVersion,
      ).changes;
      if (changed !== 1) throw new Error(`raw sqlite: version conflict on ${o.orderId}`);
    }
    for (const entry of c.audit) insertAudit.run(entry.orderId, entry.seq, JSON.stringify(entry));
  });
  return {
    write: (commit) => tx.immediate(commit),
    close: () => db.close(),
  };
};
