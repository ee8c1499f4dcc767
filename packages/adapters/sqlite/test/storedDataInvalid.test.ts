import { join } from 'node:path';
import { sampleCommit } from '@orderflow/core/testing';
import Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, tempDir } from './openTempStore.js';

const temp = tempDir();
afterAll(temp.remove);

const edit = (path: string, sql: string, ...params: unknown[]): void => {
  const db = new Database(path);
  db.prepare(sql).run(...params);
  db.close();
};

describe('S04 a hand-edited SQLite row', () => {
  it('loads an order whose snapshot is invalid JSON as StoredDataInvalid naming it, and other orders still work', async () => {
    const path = join(temp.dir, 'invalid-json.db');
    const store = openStore({ path });
    expect(E.isRight(await store.commit(sampleCommit('broken', 1)))).toBe(true);
    expect(E.isRight(await store.commit(sampleCommit('fine', 1)))).toBe(true);
    edit(path, `UPDATE orders SET machine = '{"value": "stage1", ' WHERE order_id = 'broken'`);

    expect(await store.load('broken')).toEqual(
      E.left(
        expect.objectContaining({ _tag: 'StoredDataInvalid', orderId: 'broken', what: 'machine' }),
      ),
    );
    const fine = await store.load('fine');
    expect(E.isRight(fine) && fine.right?.version).toBe(1);
    expect(E.isRight(await store.commit(sampleCommit('fine', 2)))).toBe(true);
    await store.close();
  });

  it('loads an order whose snapshot is JSON of the wrong shape as StoredDataInvalid with the path', async () => {
    const path = join(temp.dir, 'wrong-shape.db');
    const store = openStore({ path });
    await store.commit(sampleCommit('reshaped', 1));
    edit(path, `UPDATE orders SET context = '[1, 2, 3]' WHERE order_id = 'reshaped'`);

    const loaded = await store.load('reshaped');
    expect(E.isLeft(loaded) && loaded.left).toMatchObject({
      _tag: 'StoredDataInvalid',
      orderId: 'reshaped',
      what: 'order',
    });
    expect(E.isLeft(loaded) && loaded.left.message).toContain('context: expected JsonObject');
    await store.close();
  });

  it('reports a corrupted audit entry as StoredDataInvalid naming the order and the entry', async () => {
    const path = join(temp.dir, 'audit.db');
    const store = openStore({ path });
    await store.commit(sampleCommit('audited', 1));
    await store.commit(sampleCommit('audited', 2));
    edit(
      path,
      `UPDATE audit SET entry = json_set(entry, '$.seq', 'two') WHERE order_id = 'audited' AND seq = 2`,
    );

    expect(await store.history('audited')).toEqual(
      E.left(
        expect.objectContaining({
          _tag: 'StoredDataInvalid',
          orderId: 'audited',
          what: 'audit[2]',
        }),
      ),
    );
    await store.close();
  });
});
