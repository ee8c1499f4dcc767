import { join } from 'node:path';
import { sampleAuditEntry, sampleCommit, sampleOrder, sampleTask } from '@orderflow/core/testing';
import { SQLITE_SCHEMA_VERSION } from '@orderflow/sqlite';
import Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, tempDir } from './openTempStore.js';
import { SQLITE_SCHEMA_V1 } from './SQLITE_SCHEMA_V1.js';

const temp = tempDir();
afterAll(temp.remove);

/**
 * Writes a file as @orderflow/sqlite at schema version 1 left it: `audited` at version 2
 * with a trail of three entries (the last a refused attempt) and an open task; `silent` at
 * version 1 with no trail.
 */
const writeVersion1File = (name: string): string => {
  const path = join(temp.dir, name);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec(SQLITE_SCHEMA_V1);
  db.pragma('user_version = 1');
  const insertOrder = db.prepare(
    `INSERT INTO orders (order_id, definition_key, version, state, status, machine, context, created_at, updated_at)
     VALUES (@orderId, @definitionKey, @version, @state, @status, @machine, @context, @createdAt, @updatedAt)`,
  );
  for (const order of [sampleOrder('audited', 2), sampleOrder('silent', 1)]) {
    insertOrder.run({
      ...order,
      machine: JSON.stringify(order.machine),
      context: JSON.stringify(order.context),
    });
  }
  const insertAudit = db.prepare('INSERT INTO audit (order_id, seq, entry) VALUES (?, ?, ?)');
  for (const entry of [
    sampleAuditEntry('audited', 1),
    sampleAuditEntry('audited', 2),
    sampleAuditEntry('audited', 3, { outcome: 'refused', version: 2 }),
  ]) {
    insertAudit.run(entry.orderId, entry.seq, JSON.stringify(entry));
  }
  const task = sampleTask('audited', 'risk', 'oldRiskOfficer');
  db.prepare(
    `INSERT INTO tasks (order_id, task_id, definition_key, stage_id, step_id, role, actor_id, commands,
       created_at, created_ms)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
  ).run(
    task.orderId,
    task.taskId,
    task.definitionKey,
    task.stageId,
    task.stepId,
    task.role,
    JSON.stringify(task.commands),
    task.createdAt,
    Date.parse(task.createdAt),
  );
  db.close();
  return path;
};

const readOnly = <A>(path: string, read: (db: Database.Database) => A): A => {
  const db = new Database(path, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
};

describe('SQLite schema migration from version 1', () => {
  it('brings a version-1 file to the current version, taking each order’s last audit seq from its trail', async () => {
    const path = writeVersion1File('fill.db');
    const store = openStore({ path });
    expect(store.schemaVersion).toBe(SQLITE_SCHEMA_VERSION);
    await store.close();
    readOnly(path, (db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(SQLITE_SCHEMA_VERSION);
      expect(db.prepare('SELECT order_id, audit_seq FROM orders ORDER BY order_id').all()).toEqual([
        { order_id: 'audited', audit_seq: 3 },
        { order_id: 'silent', audit_seq: 0 },
      ]);
    });
  });

  it('keeps the orders, trails and tasks of a migrated file readable', async () => {
    const store = openStore({ path: writeVersion1File('read.db') });
    const loaded = await store.load('audited');
    expect(E.isRight(loaded) && loaded.right).toEqual(sampleOrder('audited', 2));
    const trail = await store.history('audited');
    expect(E.isRight(trail) && trail.right.map((e) => e.seq)).toEqual([1, 2, 3]);
    const tasks = await store.tasks({ roles: ['oldRiskOfficer'] });
    expect(E.isRight(tasks) && tasks.right).toEqual([
      sampleTask('audited', 'risk', 'oldRiskOfficer'),
    ]);
    await store.close();
  });

  it('continues each order’s trail on a migrated file, with conflicts and gaps refused as before', async () => {
    const store = openStore({ path: writeVersion1File('continue.db') });

    // After the refused attempt at seq 3, the next command takes seq 4 and clears the task.
    const next = sampleCommit('audited', 3, { audit: [sampleAuditEntry('audited', 4)] });
    expect(await store.commit(next)).toEqual(E.right(undefined));
    const tasks = await store.tasks({ roles: ['oldRiskOfficer'] });
    expect(E.isRight(tasks) && tasks.right).toEqual([]);

    // A writer that missed that commit claims seq 4 again at the version it has now.
    const stale = sampleCommit('audited', 4, { audit: [sampleAuditEntry('audited', 4)] });
    expect(await store.commit(stale)).toEqual(
      E.left({
        _tag: 'VersionConflict',
        orderId: 'audited',
        expectedVersion: 3,
        actualVersion: 3,
      }),
    );
    const refused = sampleAuditEntry('audited', 5, { outcome: 'refused', version: 3 });
    expect(await store.appendAudit('audited', 3, [refused])).toEqual(E.right(undefined));
    const gap = sampleCommit('audited', 4, { audit: [sampleAuditEntry('audited', 7)] });
    expect(await store.commit(gap)).toMatchObject({
      left: { _tag: 'StoreFailed', retryable: false },
    });
    expect(
      await store.commit(sampleCommit('audited', 4, { audit: [sampleAuditEntry('audited', 6)] })),
    ).toEqual(E.right(undefined));
    const trail = await store.history('audited');
    expect(E.isRight(trail) && trail.right.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);

    // An order with no trail starts it at seq 1.
    const silent = sampleCommit('silent', 2, { audit: [sampleAuditEntry('silent', 1)] });
    expect(await store.commit(silent)).toEqual(E.right(undefined));
    await store.close();
  });
});
