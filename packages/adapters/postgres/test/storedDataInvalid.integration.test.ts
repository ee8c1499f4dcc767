import { sampleCommit } from '@orderflow/core/testing';
import { createPostgresStore, type PostgresStore } from '@orderflow/postgres';
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropSchema, freshSchemaName, PG_URL, sql } from './freshSchema.js';

const schema = freshSchemaName();
const S = pg.escapeIdentifier(schema);
let store: PostgresStore;

beforeAll(async () => {
  const opened = await createPostgresStore({ connectionString: PG_URL, schema });
  if (E.isLeft(opened)) throw new Error(opened.left.message);
  store = opened.right;
});
afterAll(async () => {
  await store.close();
  await dropSchema(schema);
});

describe('S04 a hand-edited PostgreSQL row', () => {
  it('loads an order whose snapshot is JSON of the wrong shape as StoredDataInvalid naming it, and other orders still work', async () => {
    expect(E.isRight(await store.commit(sampleCommit('reshaped', 1)))).toBe(true);
    expect(E.isRight(await store.commit(sampleCommit('fine', 1)))).toBe(true);
    await sql(`UPDATE ${S}.orders SET machine = '"not a snapshot"' WHERE order_id = 'reshaped'`);

    const loaded = await store.load('reshaped');
    expect(E.isLeft(loaded) && loaded.left).toMatchObject({
      _tag: 'StoredDataInvalid',
      orderId: 'reshaped',
      what: 'order',
    });
    expect(E.isLeft(loaded) && loaded.left.message).toContain('machine: expected JsonObject');
    const fine = await store.load('fine');
    expect(E.isRight(fine) && fine.right?.version).toBe(1);
    expect(E.isRight(await store.commit(sampleCommit('fine', 2)))).toBe(true);
  });

  it('cannot hold a snapshot edited into invalid JSON: the jsonb column refuses the edit', async () => {
    await store.commit(sampleCommit('guarded', 1));
    await expect(
      sql(`UPDATE ${S}.orders SET machine = '{"value": "stage1", ' WHERE order_id = 'guarded'`),
    ).rejects.toMatchObject({ code: '22P02' });
    const loaded = await store.load('guarded');
    expect(E.isRight(loaded) && loaded.right?.version).toBe(1);
  });

  it('reports a corrupted audit entry as StoredDataInvalid naming the order and the entry', async () => {
    await store.commit(sampleCommit('audited', 1));
    await store.commit(sampleCommit('audited', 2));
    await sql(
      `UPDATE ${S}.audit SET entry = jsonb_set(entry, '{seq}', '"two"') WHERE order_id = 'audited' AND seq = 2`,
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
  });
});
