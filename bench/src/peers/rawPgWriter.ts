/**
 * The node `pg` peer: what a user would write by hand to persist an order per command,
 * in the store's table shapes (jsonb snapshot and audit entry, version check), either as
 * one transaction of four round trips (BEGIN, INSERT audit, UPDATE order, COMMIT) or as
 * one statement (a data-modifying CTE).
 */
import type { Commit } from '@orderflow/core';
import { escapeIdentifier, type Pool } from 'pg';

/** `transaction`: BEGIN + INSERT + UPDATE + COMMIT; `statement`: one CTE, one round trip. */
export type RawPgMode = 'transaction' | 'statement';

/** Writes commits by hand; rejects on a version mismatch (the workload is broken). */
export interface RawPgWriter {
  write(commit: Commit): Promise<void>;
}

/** Creates the peer's tables in `schema` (which must not exist yet). */
export const createRawPgSchema = async (pool: Pool, schema: string): Promise<void> => {
  const S = escapeIdentifier(schema);
  await pool.query(`
    CREATE SCHEMA ${S};
    CREATE TABLE ${S}.orders (
      order_id text COLLATE "C" PRIMARY KEY, definition_key text NOT NULL, version integer NOT NULL,
      state text NOT NULL, status text NOT NULL, machine jsonb NOT NULL, context jsonb NOT NULL,
      created_at text NOT NULL, updated_at text NOT NULL
    );
    CREATE TABLE ${S}.audit (
      order_id text COLLATE "C" NOT NULL REFERENCES ${S}.orders (order_id) ON DELETE CASCADE,
      seq integer NOT NULL, entry jsonb NOT NULL, PRIMARY KEY (order_id, seq)
    );
  `);
};

const conflict = (c: Commit): Error =>
  new Error(`raw pg: version conflict on ${c.order.orderId} at ${c.expectedVersion}`);

/** A writer over `pool` into the tables made by {@link createRawPgSchema}. */
export const createRawPgWriter = (pool: Pool, schema: string, mode: RawPgMode): RawPgWriter => {
  const S = escapeIdentifier(schema);
  const insertOrder = `INSERT INTO ${S}.orders (order_id, definition_key, version, state, status, machine, context, created_at, updated_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;
  const updateOrder = `UPDATE ${S}.orders SET version = $2, state = $3, status = $4, machine = $5, context = $6, updated_at = $7
    WHERE order_id = $1 AND version = $8`;
  const insertAudit = `INSERT INTO ${S}.audit (order_id, seq, entry) VALUES ($1, $2, $3)`;
  const auditFrom = `INSERT INTO ${S}.audit (order_id, seq, entry)
    SELECT o.order_id, (e ->> 'seq')::integer, e FROM o, jsonb_array_elements($AUDIT::jsonb) AS e`;
  const cteInsert = `WITH o AS (${insertOrder} RETURNING order_id) ${auditFrom.replace('$AUDIT', '$10')}`;
  const cteUpdate = `WITH o AS (${updateOrder} RETURNING order_id) ${auditFrom.replace('$AUDIT', '$9')}`;

  const orderParams = (c: Commit): unknown[] => {
    const o = c.order;
    return c.expectedVersion === 0
      ? [
          o.orderId,
          o.definitionKey,
          o.version,
          o.state,
          o.status,
          JSON.stringify(o.machine),
          JSON.stringify(o.context),
          o.createdAt,
          o.updatedAt,
        ]
      : [
          o.orderId,
          o.version,
          o.state,
          o.status,
          JSON.stringify(o.machine),
          JSON.stringify(o.context),
          o.updatedAt,
          c.expectedVersion,
        ];
  };

  const asTransaction = async (c: Commit): Promise<void> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      for (const entry of c.audit) {
        if (c.expectedVersion === 0) break;
        await client.query(insertAudit, [entry.orderId, entry.seq, JSON.stringify(entry)]);
      }
      const changed = (
        await client.query(c.expectedVersion === 0 ? insertOrder : updateOrder, orderParams(c))
      ).rowCount;
      if (changed !== 1) throw conflict(c);
      if (c.expectedVersion === 0) {
        for (const entry of c.audit) {
          await client.query(insertAudit, [entry.orderId, entry.seq, JSON.stringify(entry)]);
        }
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };

  const asStatement = async (c: Commit): Promise<void> => {
    const sql = c.expectedVersion === 0 ? cteInsert : cteUpdate;
    const result = await pool.query(sql, [...orderParams(c), JSON.stringify(c.audit)]);
    if (result.rowCount !== c.audit.length) throw conflict(c);
  };

  return { write: mode === 'transaction' ? asTransaction : asStatement };
};
