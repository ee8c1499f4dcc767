/** Each PostgreSQL test file works in its own schema, dropped when the file is done. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The database the tests use: `ORDERFLOW_PG_URL` (CI sets a fresh one per run), else the local test database. */
export const PG_URL = process.env.ORDERFLOW_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name no other run uses. */
export const freshSchemaName = (prefix = 'of_test'): string =>
  `${prefix}_${randomBytes(6).toString('hex')}`;

/** Runs one SQL text on a short-lived connection to the test database. */
export const sql = async <R extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<R[]> => {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
};

/** Drops a schema and everything in it. */
export const dropSchema = async (schema: string): Promise<void> => {
  await sql(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
};
