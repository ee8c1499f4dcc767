import { performance } from 'node:perf_hooks';
import { sampleCommit } from '@orderflow/core/testing';
import { createPostgresStore, type PostgresStore } from '@orderflow/postgres';
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropSchema, freshSchemaName, PG_URL } from './freshSchema.js';

const schema = freshSchemaName();
let store: PostgresStore;
beforeAll(async () => {
  const opened = await createPostgresStore({
    connectionString: PG_URL,
    schema,
    statementTimeoutMs: 300,
  });
  if (E.isLeft(opened)) throw new Error(opened.left.message);
  store = opened.right;
});
afterAll(async () => {
  await store.close();
  await dropSchema(schema);
});

describe('a commit stuck behind another transaction’s lock', () => {
  it('gives up after the statement timeout with a retryable StoreFailed, then succeeds once the lock is gone', async () => {
    expect(E.isRight(await store.commit(sampleCommit('locked', 1)))).toBe(true);
    const holder = new pg.Client({ connectionString: PG_URL });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query(
      `SELECT 1 FROM ${pg.escapeIdentifier(schema)}.orders WHERE order_id = 'locked' FOR UPDATE`,
    );

    const start = performance.now();
    const stuck = await store.commit(sampleCommit('locked', 2));
    const ms = performance.now() - start;
    expect(E.isLeft(stuck) && stuck.left).toMatchObject({
      _tag: 'StoreFailed',
      retryable: true,
      message: expect.stringMatching(/^57014/),
    });
    expect(ms).toBeLessThan(300 + 1500);

    await holder.query('ROLLBACK');
    await holder.end();
    expect(E.isRight(await store.commit(sampleCommit('locked', 2)))).toBe(true);
  });
});
