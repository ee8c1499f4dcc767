import { sampleCommit, sampleEffect } from '@orderflow/core/testing';
import { createPostgresStore, type PostgresStore } from '@orderflow/postgres';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { dropSchema, freshSchemaName, PG_URL, sql } from './freshSchema.js';

const schema = freshSchemaName();
/** The reconnect test's own schema, so no other listener shares its channel. */
const otherSchema = freshSchemaName();
const opened: PostgresStore[] = [];
afterAll(async () => {
  for (const store of opened) await store.close();
  await dropSchema(schema);
  await dropSchema(otherSchema);
});

const open = async (
  options: { listen?: boolean; notify?: boolean },
  inSchema = schema,
): Promise<PostgresStore> => {
  const store = await createPostgresStore({
    connectionString: PG_URL,
    schema: inSchema,
    ...options,
  });
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

describe('LISTEN/NOTIFY after the listening connection breaks', () => {
  it('reconnects, wakes its listeners (notifications may have been missed), and hears the next commit', async () => {
    const idle = await open({ listen: true }, otherSchema);
    const busy = await open({ notify: true }, otherSchema);
    const wakes: (() => void)[] = [];
    idle.onWake(() => wakes.shift()?.());
    const nextWake = () =>
      new Promise<void>((resolve) => {
        wakes.push(resolve);
      });

    const afterReconnect = nextWake();
    const terminated = await sql<{ done: boolean }>(
      `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
        WHERE application_name = $1 AND datname = current_database()`,
      [idle.channel],
    );
    expect(terminated).toEqual([{ done: true }]);
    await expect(afterReconnect).resolves.toBeUndefined();

    const afterCommit = nextWake();
    const commit = sampleCommit('wakes-again', 1, {
      effects: [sampleEffect('wakes-again:e1', 'wakes-again')],
    });
    expect(E.isRight(await busy.commit(commit))).toBe(true);
    await expect(afterCommit).resolves.toBeUndefined();
  });
});
