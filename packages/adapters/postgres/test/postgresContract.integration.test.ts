import { orderStoreContract } from '@orderflow/core/testing';
import { createPostgresStore } from '@orderflow/postgres';
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { afterAll, vi } from 'vitest';
import { dropSchema, freshSchemaName, PG_URL } from './freshSchema.js';

// The suite's property tests run many round trips; leave room on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

const schema = freshSchemaName();
// One pool the application owns, shared by every store of the suite (the store must not
// end it on close, and must still refuse calls after its own close).
const pool = new pg.Pool({ connectionString: PG_URL, max: 8 });
pool.on('error', () => undefined);
afterAll(async () => {
  await pool.end();
  await dropSchema(schema);
});

orderStoreContract(
  'S01 the PostgreSQL store',
  async () => {
    const store = await createPostgresStore({ pool, schema });
    if (E.isLeft(store)) throw new Error(`cannot open the store: ${store.left.message}`);
    return store.right;
  },
  { sharedStorage: true },
);
