import { join } from 'node:path';
import { sampleAuditEntry, sampleCommit, sampleEffect, sampleTask } from '@orderflow/core/testing';
import Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, tempDir } from './openTempStore.js';

const temp = tempDir();
afterAll(temp.remove);

const auditSeq = (path: string, orderId: string): number | undefined => {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare<[string], { audit_seq: number }>('SELECT audit_seq FROM orders WHERE order_id = ?')
      .get(orderId)?.audit_seq;
  } finally {
    db.close();
  }
};

describe('SQLite commits checked by their own UPDATE', () => {
  it('reports the version it found when an update based on an older one matches no row, writing nothing', async () => {
    const store = openStore({ path: join(temp.dir, 'stale.db') });
    for (const version of [1, 2, 3]) {
      expect(await store.commit(sampleCommit('o', version))).toEqual(E.right(undefined));
    }
    const stale = sampleCommit('o', 2, {
      effects: [sampleEffect('stale-effect', 'o')],
      tasks: [sampleTask('o', 'risk', 'staleRole')],
      idempotency: { key: 'stale-key', response: { ok: true } },
    });
    expect(await store.commit(stale)).toEqual(
      E.left({ _tag: 'VersionConflict', orderId: 'o', expectedVersion: 1, actualVersion: 3 }),
    );
    const loaded = await store.load('o');
    expect(E.isRight(loaded) && loaded.right?.version).toBe(3);
    const trail = await store.history('o');
    expect(E.isRight(trail) && trail.right.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(await store.effects('o')).toEqual(E.right([]));
    expect(await store.tasks({ roles: ['staleRole'] })).toEqual(E.right([]));
    expect(await store.idempotent('stale-key')).toEqual(E.right(undefined));
    await store.close();
  });

  it('reports a seq taken by a refused attempt as a conflict at the version the order still has', async () => {
    const store = openStore({ path: join(temp.dir, 'seq.db') });
    expect(await store.commit(sampleCommit('o', 1))).toEqual(E.right(undefined));
    const refused = sampleAuditEntry('o', 2, { outcome: 'refused', version: 1 });
    expect(await store.appendAudit('o', 1, [refused])).toEqual(E.right(undefined));
    expect(await store.commit(sampleCommit('o', 2))).toEqual(
      E.left({ _tag: 'VersionConflict', orderId: 'o', expectedVersion: 1, actualVersion: 1 }),
    );
    await store.close();
  });

  it('still names a wrong order.version before a taken seq when the version matches', async () => {
    const store = openStore({ path: join(temp.dir, 'precedence.db') });
    expect(await store.commit(sampleCommit('o', 1))).toEqual(E.right(undefined));
    const refused = sampleAuditEntry('o', 2, { outcome: 'refused', version: 1 });
    expect(await store.appendAudit('o', 1, [refused])).toEqual(E.right(undefined));
    const wrong = { ...sampleCommit('o', 3), expectedVersion: 1 };
    const result = await store.commit(wrong);
    expect(E.isLeft(result) && result.left).toMatchObject({
      _tag: 'StoreFailed',
      retryable: false,
      message: expect.stringContaining('is not expectedVersion + 1'),
    });
    await store.close();
  });

  it('keeps the order row’s last audit seq in step with the trail through commits and appendAudit', async () => {
    const path = join(temp.dir, 'seq-column.db');
    const store = openStore({ path });
    expect(await store.commit(sampleCommit('o', 1))).toEqual(E.right(undefined));
    expect(auditSeq(path, 'o')).toBe(1);
    const refused = sampleAuditEntry('o', 2, { outcome: 'refused', version: 1 });
    expect(await store.appendAudit('o', 1, [refused])).toEqual(E.right(undefined));
    expect(auditSeq(path, 'o')).toBe(2);
    const two = sampleCommit('o', 2, {
      audit: [sampleAuditEntry('o', 3), sampleAuditEntry('o', 4, { version: 2 })],
    });
    expect(await store.commit(two)).toEqual(E.right(undefined));
    expect(auditSeq(path, 'o')).toBe(4);
    // A commit without entries leaves the seq where it was; a refused one changes nothing.
    expect(await store.commit(sampleCommit('o', 3, { audit: [] }))).toEqual(E.right(undefined));
    expect(await store.commit(sampleCommit('o', 4, { audit: [sampleAuditEntry('o', 9)] }))).toEqual(
      E.left(expect.objectContaining({ _tag: 'StoreFailed' })),
    );
    expect(auditSeq(path, 'o')).toBe(4);
    await store.close();
  });

  it('keeps the tasks a commit brings after commits without any, and clears them when the next brings none', async () => {
    const store = openStore({ path: join(temp.dir, 'tasks.db') });
    expect(await store.commit(sampleCommit('o', 1))).toEqual(E.right(undefined));
    expect(await store.commit(sampleCommit('o', 2))).toEqual(E.right(undefined));
    const task = sampleTask('o', 'risk', 'taskRole');
    expect(await store.commit(sampleCommit('o', 3, { tasks: [task] }))).toEqual(E.right(undefined));
    expect(await store.tasks({ roles: ['taskRole'] })).toEqual(E.right([task]));
    expect(await store.commit(sampleCommit('o', 4))).toEqual(E.right(undefined));
    expect(await store.tasks({ roles: ['taskRole'] })).toEqual(E.right([]));
    await store.close();
  });
});
