/** Each test file runs the service in its own PostgreSQL schema, dropped when it is done. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The database the tests use: `ORDERFLOW_PG_URL` (CI sets a fresh one per run), else the local test database. */
export const PG_URL = process.env.ORDERFLOW_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name no other run uses. */
export const freshSchemaName = (): string => `of_http_${randomBytes(6).toString('hex')}`;

/** Drops a schema and everything in it. */
export const dropSchema = async (schema: string): Promise<void> => {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
  } finally {
    await client.end();
  }
};
