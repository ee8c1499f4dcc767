/**
 * Row 3: the SQLite store against raw better-sqlite3, each writing the same lifecycle
 * commits (order row + audit entry per command) at the same `synchronous` level.
 */
import { join } from 'node:path';
import { createSqliteStore } from '@orderflow/sqlite';
import Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import type { BenchContext } from '../BenchContext.js';
import type { BenchRow } from '../harness/BenchRow.js';
import { notAvailable } from '../harness/Figure.js';
import { measurePair } from '../harness/measure.js';
import { createRawSqliteWriter } from '../peers/rawSqliteWriter.js';
import { orderAndAuditOnly } from '../workload/CommitTemplate.js';
import { planReplay, type ReplayPlan, replayCommits } from '../workload/replayCommits.js';

/** The SQLite library version better-sqlite3 was built with. */
const sqliteVersion = (): string => {
  const db = new Database(':memory:');
  try {
    return String(db.prepare('SELECT sqlite_version() AS v').pluck().get());
  } finally {
    db.close();
  }
};

const row = async (ctx: BenchContext, synchronous: 'FULL' | 'NORMAL'): Promise<BenchRow> => {
  const base = {
    id: `sqlite-${synchronous.toLowerCase()}.commands`,
    section: '3',
    metric: `commands/s, WAL, synchronous=${synchronous}`,
    better: 'higher' as const,
    orderflowName: 'SQLite store `commit`',
    peerName: 'raw better-sqlite3 (INSERT audit + UPDATE order, one tx)',
    target: { kind: 'ratioAtLeast' as const, value: 0.75 },
    note: `SQLite ${sqliteVersion()}; each command writes the order row (snapshot JSON) and one audit entry, ${ctx.template.source}; effects, timers and tasks left out on both sides`,
  };
  const opened = createSqliteStore({
    path: join(ctx.tmpDir, `store-${synchronous}.db`),
    synchronous,
  });
  if (E.isLeft(opened)) {
    return { ...base, orderflow: notAvailable(opened.left.message), peer: notAvailable('not run') };
  }
  const store = opened.right;
  const raw = createRawSqliteWriter({
    path: join(ctx.tmpDir, `raw-${synchronous}.db`),
    synchronous,
  });
  let storePlan: ReplayPlan = { lanes: [], commits: 0 };
  let rawPlan: ReplayPlan = { lanes: [], commits: 0 };
  const orders = ctx.scale.sqliteOrders;
  try {
    const [orderflow, peer] = await measurePair(
      {
        report: 'rate',
        unit: 'commands/s',
        prepare: () => {
          storePlan = planReplay(ctx.template, 1, orders, 'sq', orderAndAuditOnly);
        },
        work: () =>
          replayCommits(storePlan, async (c) => {
            const r = await store.commit(c);
            if (E.isLeft(r)) throw new Error(`SQLite store commit failed: ${r.left._tag}`);
          }),
      },
      {
        report: 'rate',
        unit: 'commands/s',
        prepare: () => {
          rawPlan = planReplay(ctx.template, 1, orders, 'sq', orderAndAuditOnly);
        },
        work: () => replayCommits(rawPlan, raw.write),
      },
      ctx.rounds,
    );
    return { ...base, orderflow, peer };
  } finally {
    await store.close();
    raw.close();
  }
};

/** Row 3 at `synchronous=FULL` and at `NORMAL`. */
export const sqliteRows = async (ctx: BenchContext): Promise<readonly BenchRow[]> => {
  ctx.log('3. SQLite store vs raw better-sqlite3');
  return [await row(ctx, 'FULL'), await row(ctx, 'NORMAL')];
};
