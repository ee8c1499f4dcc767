import { orderStoreContract } from '@orderflow/core/testing';
import { createPostgresStore } from '@orderflow/postgres';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll } from 'vitest';
import { dropSchema, freshSchemaName, PG_URL } from './freshSchema.js';

const schema = freshSchemaName();
afterAll(() => dropSchema(schema));

orderStoreContract(
  'S01 the PostgreSQL store',
  async () => {
    const store = await createPostgresStore({ connectionString: PG_URL, schema, poolSize: 4 });
    if (E.isLeft(store)) throw new Error(`cannot open the store: ${store.left.message}`);
    return store.right;
  },
  { sharedStorage: true },
);
