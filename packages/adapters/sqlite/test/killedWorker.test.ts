import { join } from 'node:path';
import { createEngine } from '@orderflow/core';
import { loadBuiltin } from '@orderflow/definitions';
import Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, tempDir } from './openTempStore.js';
import { requireBuild, startWorker } from './raceWorkers.js';

const temp = tempDir();
const path = join(temp.dir, 's03.db');
afterAll(temp.remove);

beforeAll(async () => {
  requireBuild();
  await openStore({ path }).close();
  const db = new Database(path);
  db.exec(`CREATE TABLE bank_calls (
    key TEXT NOT NULL, order_id TEXT NOT NULL, kind TEXT NOT NULL,
    amount_minor INTEGER NOT NULL, worker TEXT NOT NULL)`);
  db.close();
});

const ORDERS = 30;
/** Past worker-2's 60 s leases (taken at 0), within worker-1's own (taken here). */
const AFTER_FIRST_LEASES_MS = String(2 * 60_000);
/** Past the engine's 60 s leases, so the restarted worker takes over the dead ones' claims. */
const AFTER_LEASES_MS = String(5 * 60_000);

const query = <R>(text: string): R[] => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare<[], R>(text).all();
  } finally {
    db.close();
  }
};

describe('S03 workers killed with SIGKILL on SQLite', () => {
  it('lose no committed command, instruct no transfer twice under different keys, and leave no effect claimed after a restart', async () => {
    // worker-2 is killed from outside in the middle of its commits, once it has reported 40
    // of its ~240. Its bank never answers its first transfer, so it cannot finish and exit
    // before the kill lands, however late this process reads its output. (Raced against
    // worker-1 it could: whichever ran ahead left the other too little work to reach 40
    // commands or its 3rd transfer, and it exited 0 before its kill.)
    const killed = startWorker([path, 'worker-2', String(ORDERS), '0', '0', '1']);
    await killed.acceptedAtLeast(40);
    killed.child.kill('SIGKILL');
    await killed.finished;
    // worker-1 runs past worker-2's leases, so every transfer is its to make, and kills
    // itself inside its 3rd: the bank moved the money, the engine has not recorded it.
    const crashing = startWorker([path, 'worker-1', String(ORDERS), AFTER_FIRST_LEASES_MS, '3']);
    const dead = await Promise.all([crashing.finished, killed.finished]);
    expect(dead.map((run) => ({ ended: run.ended, stderr: run.stderr }))).toEqual([
      { ended: 'SIGKILL', stderr: '' },
      { ended: 'SIGKILL', stderr: '' },
    ]);
    expect(
      query<{ n: number }>(`SELECT count(*) AS n FROM effects WHERE status = 'claimed'`)[0]?.n,
    ).toBeGreaterThan(0);

    const restarted = await startWorker([path, 'worker-3', String(ORDERS), AFTER_LEASES_MS, '0'])
      .finished;
    expect(restarted.stderr).toBe('');
    expect(restarted.ended).toBe(0);

    expect(query<{ integrity_check: string }>('PRAGMA integrity_check')).toEqual([
      { integrity_check: 'ok' },
    ]);
    const store = openStore({ path });
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
    await store.close();
    // No command a worker saw committed was lost by the kills.
    expect([...reported]).toEqual([]);

    // One transfer key per order; the interrupted one was sent again under the same key.
    const perOrder = query<{ order_id: string; keys: number; calls: number }>(
      `SELECT order_id, count(DISTINCT key) AS keys, count(*) AS calls
         FROM bank_calls WHERE kind = 'release' GROUP BY order_id`,
    );
    expect(perOrder).toHaveLength(ORDERS);
    expect(perOrder.every((o) => o.keys === 1)).toBe(true);
    expect(perOrder.some((o) => o.calls > 1)).toBe(true);
    expect(query<{ status: string }>('SELECT DISTINCT status FROM effects')).toEqual([
      { status: 'done' },
    ]);
  }, 600_000);
});
