import { createEngine, type OrderStore } from '@orderflow/core';
import { loadBuiltin } from '@orderflow/definitions';
import { createPostgresStore } from '@orderflow/postgres';
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropSchema, freshSchemaName, PG_URL, sql } from './freshSchema.js';
import { requireBuild, startWorker } from './raceWorkers.js';

const schema = freshSchemaName('of_s03');
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

const ORDERS = 30;
/** Past worker-2's 60 s leases (taken at 0), within worker-1's own (taken here). */
const AFTER_FIRST_LEASES_MS = String(2 * 60_000);
/** Past the engine's 60 s leases, so the restarted worker takes over the dead ones' claims. */
const AFTER_LEASES_MS = String(5 * 60_000);

describe('S03 workers killed with SIGKILL on PostgreSQL', () => {
  it('lose no committed command, instruct no transfer twice under different keys, and leave no effect claimed after a restart', async () => {
    // worker-2 is killed from outside in the middle of its commits, once it has reported 40
    // of its ~240. Its bank never answers its first transfer, so it cannot finish and exit
    // before the kill lands, however late this process reads its output. (Raced against
    // worker-1 it could: whichever ran ahead left the other too little work to reach 40
    // commands or its 3rd transfer, and it exited 0 before its kill.)
    const killed = startWorker([PG_URL, schema, 'worker-2', String(ORDERS), '0', '0', '1']);
    await killed.acceptedAtLeast(40);
    killed.child.kill('SIGKILL');
    await killed.finished;
    // worker-1 runs past worker-2's leases, so every transfer is its to make, and kills
    // itself inside its 3rd: the bank moved the money, the engine has not recorded it.
    const crashing = startWorker([
      PG_URL,
      schema,
      'worker-1',
      String(ORDERS),
      AFTER_FIRST_LEASES_MS,
      '3',
    ]);
    const dead = await Promise.all([crashing.finished, killed.finished]);
    expect(dead.map((run) => ({ ended: run.ended, stderr: run.stderr }))).toEqual([
      { ended: 'SIGKILL', stderr: '' },
      { ended: 'SIGKILL', stderr: '' },
    ]);
    const stuck = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${S}.effects WHERE status = 'claimed'`,
    );
    expect(stuck[0]?.n).toBeGreaterThan(0);

    const restarted = await startWorker([
      PG_URL,
      schema,
      'worker-3',
      String(ORDERS),
      AFTER_LEASES_MS,
      '0',
    ]).finished;
    expect(restarted.stderr).toBe('');
    expect(restarted.ended).toBe(0);

    const definition = loadBuiltin('public-fund-purchase');
    if (E.isLeft(definition)) throw new Error('public-fund-purchase does not load');
    const engine = createEngine({ definitions: [definition.right], store });
    const reported = new Set(
      [...dead, restarted].flatMap((run) => run.accepted.map((a) => a.join(' '))),
    );
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
    // No command a worker saw committed was lost by the kills.
    expect([...reported]).toEqual([]);

    // One transfer key per order; the interrupted one was sent again under the same key.
    const perOrder = await sql<{ order_id: string; keys: number; calls: number }>(
      `SELECT order_id, count(DISTINCT key)::int AS keys, count(*)::int AS calls
         FROM ${S}.bank_calls WHERE kind = 'release' GROUP BY order_id`,
    );
    expect(perOrder).toHaveLength(ORDERS);
    expect(perOrder.every((o) => o.keys === 1)).toBe(true);
    expect(perOrder.some((o) => o.calls > 1)).toBe(true);

    const effects = await sql<{ status: string }>(
      `SELECT DISTINCT status FROM ${S}.effects ORDER BY status`,
    );
    expect(effects).toEqual([{ status: 'done' }]);
  }, 600_000);
});
