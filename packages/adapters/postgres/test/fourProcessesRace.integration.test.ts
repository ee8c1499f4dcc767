import { createEngine, type OrderStore } from '@orderflow/core';
import { loadBuiltin } from '@orderflow/definitions';
import { createPostgresStore } from '@orderflow/postgres';
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropSchema, freshSchemaName, PG_URL, sql } from './freshSchema.js';
import { requireBuild, startWorker } from './raceWorkers.js';

const schema = freshSchemaName('of_s02');
const S = pg.escapeIdentifier(schema);
let store: OrderStore;

beforeAll(async () => {
  requireBuild();
  const opened = await createPostgresStore({ connectionString: PG_URL, schema });
  if (E.isLeft(opened)) throw new Error(opened.left.message);
  store = opened.right;
  await sql(`CREATE TABLE ${S}.bank_calls (
    key text NOT NULL, order_id text NOT NULL, kind text NOT NULL,
    amount_minor bigint NOT NULL, worker text NOT NULL)`);
});
afterAll(async () => {
  await store?.close();
  await dropSchema(schema);
});

const ORDERS = 200;

describe('S02 four processes on one PostgreSQL database', () => {
  it('race 200 orders to completion: versions match accepted commands, audit chains verify, each transfer key reaches the bank once', async () => {
    const workers = [1, 2, 3, 4].map((n) =>
      startWorker([PG_URL, schema, `worker-${n}`, String(ORDERS), '0', '0']),
    );
    const runs = await Promise.all(workers.map((w) => w.finished));
    for (const run of runs) {
      expect(run.stderr).toBe('');
      expect(run.ended).toBe(0);
    }
    // They did race: commits lost to another process, and were retried.
    const conflicts = runs.reduce((n, run) => n + (run.done?.conflicts ?? 0), 0);
    expect(conflicts).toBeGreaterThan(0);
    const refusals = runs.reduce((n, run) => n + (run.done?.refusals ?? 0), 0);
    console.info(`S02: ${conflicts} version conflicts and ${refusals} refusals retried`);

    const definition = loadBuiltin('public-fund-purchase');
    if (E.isLeft(definition)) throw new Error('public-fund-purchase does not load');
    const engine = createEngine({ definitions: [definition.right], store });
    const reported = new Set(runs.flatMap((run) => run.accepted.map((a) => a.join(' '))));
    for (let i = 0; i < ORDERS; i++) {
      const orderId = `order-${i}`;
      const order = await store.load(orderId);
      expect(E.isRight(order) && order.right?.status).toBe('completed');
      const trail = await store.history(orderId);
      if (E.isLeft(trail)) throw new Error(JSON.stringify(trail.left));
      const accepted = trail.right.filter((entry) => entry.outcome === 'accepted');
      expect(E.isRight(order) && order.right?.version).toBe(accepted.length);
      const verified = await engine.verifyAudit(orderId);
      expect(E.isRight(verified) && verified.right.valid).toBe(true);
      for (const entry of accepted) reported.delete(`${orderId} ${entry.version} ${entry.command}`);
    }
    // Every command a worker saw accepted is in an audit trail.
    expect([...reported]).toEqual([]);

    const calls = await sql<{ key: string; order_id: string; n: number }>(
      `SELECT key, min(order_id) AS order_id, count(*)::int AS n FROM ${S}.bank_calls
        WHERE kind = 'release' GROUP BY key`,
    );
    expect(calls).toHaveLength(ORDERS);
    expect(calls.every((c) => c.n === 1)).toBe(true);
    expect(new Set(calls.map((c) => c.order_id)).size).toBe(ORDERS);
  }, 600_000);
});
