/**
 * Row 4: the PostgreSQL store against raw node `pg`, each writing the same lifecycle
 * commits (order row + audit entry per command) at 1 and 16 concurrent clients. The raw
 * peer runs twice: as a four-round-trip transaction (BEGIN, INSERT, UPDATE, COMMIT — the
 * target's reference) and as one CTE statement. Every run uses fresh schemas, dropped
 * at the end.
 */
import { createPostgresStore } from '@orderflow/postgres';
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import type { BenchContext } from '../BenchContext.js';
import type { BenchRow } from '../harness/BenchRow.js';
import { type Figure, figureOf, notAvailable, quantile } from '../harness/Figure.js';
import { measureInterleaved, type Probe } from '../harness/measure.js';
import { createRawPgSchema, createRawPgWriter } from '../peers/rawPgWriter.js';
import { orderAndAuditOnly } from '../workload/CommitTemplate.js';
import {
  type CommitWriter,
  planReplay,
  type ReplayPlan,
  replayCommits,
} from '../workload/replayCommits.js';

const NOTE = (ctx: BenchContext, server: string) =>
  `PostgreSQL ${server}; one pool of N connections per side, N lanes each writing its own orders' commits in order; order row (jsonb snapshot) + audit entry per command, ${ctx.template.source}`;

/** A probe that also keeps each timed round's p50 and p99 commit latency. */
interface LatencyProbe {
  readonly probe: Probe;
  readonly p50: number[];
  readonly p99: number[];
}

const latencyProbe = (
  ctx: BenchContext,
  clients: number,
  prefix: string,
  write: CommitWriter,
): LatencyProbe => {
  let plan: ReplayPlan = { lanes: [], commits: 0 };
  let latencies: number[] = [];
  const p50: number[] = [];
  const p99: number[] = [];
  return {
    p50,
    p99,
    probe: {
      report: 'rate',
      unit: 'commands/s',
      prepare: () => {
        plan = planReplay(
          ctx.template,
          clients,
          ctx.scale.pgOrdersPerClient,
          prefix,
          orderAndAuditOnly,
        );
      },
      work: () => replayCommits(plan, write, latencies),
      endRound: () => {
        latencies.sort((a, b) => a - b);
        p50.push(quantile(latencies, 0.5));
        p99.push(quantile(latencies, 0.99));
        latencies = [];
      },
    },
  };
};

/** Latency figures of the timed rounds (the first `warmup` rounds are dropped). */
const timed = (ctx: BenchContext, values: readonly number[]): Figure =>
  figureOf('ms', values.slice(ctx.rounds.warmup));

const unavailableRows = (reason: string): readonly BenchRow[] =>
  [1, 16].map((clients) => ({
    id: `pg-${clients}.commands`,
    section: '4',
    metric: `commands/s, ${clients} client${clients > 1 ? 's' : ''}`,
    better: 'higher' as const,
    orderflowName: 'PostgreSQL store `commit`',
    orderflow: notAvailable(reason),
    peerName: 'raw pg: BEGIN + INSERT + UPDATE + COMMIT',
    peer: notAvailable(reason),
  }));

/** A process id is alive when signal 0 reaches it (EPERM: alive, another user's). */
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Drops the schemas of earlier runs that were killed before their cleanup ran. */
const dropOrphanSchemas = async (admin: pg.Pool): Promise<void> => {
  const found = await admin.query<{ name: string }>(
    "SELECT nspname AS name FROM pg_namespace WHERE nspname ~ '^bench_(store|raw)_[0-9]+_[0-9]+$'",
  );
  for (const { name } of found.rows) {
    const pid = Number(name.split('_')[2]);
    if (pid !== process.pid && !alive(pid)) {
      await admin.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(name)} CASCADE`);
    }
  }
};

/** Row 4: throughput at 1 and 16 clients, and p50/p99 latency at 16. */
export const postgresRows = async (ctx: BenchContext): Promise<readonly BenchRow[]> => {
  ctx.log('4. PostgreSQL store vs raw pg');
  const suffix = `${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  const storeSchema = `bench_store_${suffix}`;
  const rawSchema = `bench_raw_${suffix}`;
  const admin = new pg.Pool({ connectionString: ctx.pgUrl, max: 1 });
  admin.on('error', () => undefined);
  let server = '?';
  try {
    server =
      (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]
        ?.server_version ?? '?';
  } catch (error) {
    await admin.end().catch(() => undefined);
    return unavailableRows(`PostgreSQL unreachable at ${ctx.pgUrl}: ${String(error)}`);
  }
  const rows: BenchRow[] = [];
  try {
    await dropOrphanSchemas(admin);
    await createRawPgSchema(admin, rawSchema);
    for (const clients of [1, 16]) {
      const rawPool = new pg.Pool({ connectionString: ctx.pgUrl, max: clients });
      rawPool.on('error', () => undefined);
      const opened = await createPostgresStore({
        connectionString: ctx.pgUrl,
        schema: storeSchema,
        poolSize: clients,
      });
      if (E.isLeft(opened)) {
        await rawPool.end();
        return [...rows, ...unavailableRows(`store did not open: ${opened.left.message}`)];
      }
      const store = opened.right;
      try {
        const storeProbe = latencyProbe(ctx, clients, `pg${clients}s`, async (c) => {
          const r = await store.commit(c);
          if (E.isLeft(r)) throw new Error(`PostgreSQL store commit failed: ${r.left._tag}`);
        });
        const txProbe = latencyProbe(
          ctx,
          clients,
          `pg${clients}t`,
          createRawPgWriter(rawPool, rawSchema, 'transaction').write,
        );
        const cteProbe = latencyProbe(
          ctx,
          clients,
          `pg${clients}c`,
          createRawPgWriter(rawPool, rawSchema, 'statement').write,
        );
        const [storeFig, txFig, cteFig] = await measureInterleaved(
          [storeProbe.probe, txProbe.probe, cteProbe.probe],
          ctx.rounds,
        );
        if (storeFig === undefined || txFig === undefined || cteFig === undefined) {
          throw new Error('postgresRows: missing figure');
        }
        const plural = clients > 1 ? 's' : '';
        const common = {
          section: '4',
          better: 'higher' as const,
          orderflowName: 'PostgreSQL store `commit`',
          orderflow: storeFig,
        };
        rows.push(
          {
            ...common,
            id: `pg-${clients}.commands`,
            metric: `commands/s, ${clients} client${plural}`,
            peerName: 'raw pg: BEGIN + INSERT + UPDATE + COMMIT',
            peer: txFig,
            ...(clients === 16
              ? { target: { kind: 'ratioAtLeast' as const, value: 0.75 }, note: NOTE(ctx, server) }
              : {}),
          },
          {
            ...common,
            id: `pg-${clients}.commands-cte`,
            metric: `commands/s, ${clients} client${plural}`,
            peerName: 'raw pg: one CTE statement',
            peer: cteFig,
          },
        );
        if (clients === 16) {
          for (const [q, storeQ, txQ] of [
            ['p50', storeProbe.p50, txProbe.p50],
            ['p99', storeProbe.p99, txProbe.p99],
          ] as const) {
            rows.push({
              id: `pg-16.${q}`,
              section: '4',
              metric: `${q} latency of a command, 16 clients`,
              better: 'lower',
              orderflowName: 'PostgreSQL store `commit`',
              orderflow: timed(ctx, storeQ),
              peerName: 'raw pg: BEGIN + INSERT + UPDATE + COMMIT',
              peer: timed(ctx, txQ),
            });
          }
        }
      } finally {
        await store.close();
        await rawPool.end();
      }
    }
    return rows;
  } finally {
    for (const schema of [storeSchema, rawSchema]) {
      await admin
        .query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`)
        .catch(() => undefined);
    }
    await admin.end();
  }
};
