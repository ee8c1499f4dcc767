import { createPostgresStore, POSTGRES_SCHEMA_VERSION } from '@orderflow/postgres';
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { dropSchema, freshSchemaName, PG_URL, sql } from './freshSchema.js';

const schemas: string[] = [];
const fresh = (): string => {
  const schema = freshSchemaName();
  schemas.push(schema);
  return schema;
};
afterAll(async () => {
  for (const schema of schemas) await dropSchema(schema);
});

describe('PostgreSQL migrations', () => {
  it('creates every table in the configured schema, once, when several processes start at once', async () => {
    const schema = fresh();
    const stores = await Promise.all(
      Array.from({ length: 4 }, () =>
        createPostgresStore({ connectionString: PG_URL, schema, poolSize: 1 }),
      ),
    );
    for (const store of stores) expect(E.isRight(store)).toBe(true);
    const versions = await sql(
      `SELECT version FROM ${pg.escapeIdentifier(schema)}.schema_version ORDER BY version`,
    );
    expect(versions).toEqual([{ version: POSTGRES_SCHEMA_VERSION }]);
    const tables = await sql<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
      [schema],
    );
    expect(tables.map((t) => t.table_name)).toEqual([
      'audit',
      'effects',
      'idempotency',
      'orders',
      'schema_version',
      'tasks',
      'timers',
    ]);
    for (const store of stores) if (E.isRight(store)) await store.right.close();
  });

  it('quotes the schema name, so any name works', async () => {
    const schema = `${fresh()} "Odd"-Name`;
    schemas.push(schema);
    const store = await createPostgresStore({ connectionString: PG_URL, schema });
    expect(E.isRight(store) && store.right.schema).toBe(schema);
    if (E.isRight(store)) await store.right.close();
  });

  it('refuses a schema from a newer version with a clear, non-retryable error', async () => {
    const schema = fresh();
    const first = await createPostgresStore({ connectionString: PG_URL, schema });
    if (E.isRight(first)) await first.right.close();
    await sql(`INSERT INTO ${pg.escapeIdentifier(schema)}.schema_version (version) VALUES ($1)`, [
      POSTGRES_SCHEMA_VERSION + 1,
    ]);

    const store = await createPostgresStore({ connectionString: PG_URL, schema });
    expect(E.isLeft(store) && store.left).toMatchObject({
      _tag: 'StoreFailed',
      operation: 'open',
      retryable: false,
    });
    expect(E.isLeft(store) && store.left.message).toMatch(/has version \d+, newer than/);
  });
});
