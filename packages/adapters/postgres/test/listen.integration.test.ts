import { sampleCommit, sampleEffect } from '@orderflow/core/testing';
import { createPostgresStore, type PostgresStore } from '@orderflow/postgres';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { dropSchema, freshSchemaName, PG_URL } from './freshSchema.js';

const schema = freshSchemaName();
const opened: PostgresStore[] = [];
afterAll(async () => {
  for (const store of opened) await store.close();
  await dropSchema(schema);
});

const open = async (options: { listen?: boolean; notify?: boolean }): Promise<PostgresStore> => {
  const store = await createPostgresStore({ connectionString: PG_URL, schema, ...options });
  if (E.isLeft(store)) throw new Error(store.left.message);
  opened.push(store.right);
  return store.right;
};

describe('LISTEN/NOTIFY', () => {
  it('wakes an idle worker in another store when a commit writes an effect', async () => {
    const idle = await open({ listen: true });
    const busy = await open({ notify: true });
    const woken = new Promise<void>((resolve) => {
      idle.onWake(resolve);
    });
    const commit = sampleCommit('wakes', 1, { effects: [sampleEffect('wakes:e1', 'wakes')] });
    expect(E.isRight(await busy.commit(commit))).toBe(true);
    await expect(woken).resolves.toBeUndefined();
  });
});
