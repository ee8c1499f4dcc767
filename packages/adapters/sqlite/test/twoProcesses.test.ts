import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sampleCommit } from '@orderflow/core/testing';
import Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, tempDir } from './openTempStore.js';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const temp = tempDir();
afterAll(temp.remove);

beforeAll(() => {
  if (!existsSync(join(here, '..', 'dist', 'index.js'))) {
    throw new Error('the worker runs the built store: run `npx tsc -b` first');
  }
});

interface WorkerReport {
  readonly committed: number;
  readonly retries: number;
  readonly claimed: readonly string[];
}

const worker = async (path: string, workerId: string, orders: number, versions: number) => {
  const { stdout } = await run(
    process.execPath,
    [join(here, 'commitWorker.mjs'), path, workerId, String(orders), String(versions)],
    { timeout: 60_000 },
  );
  return JSON.parse(stdout) as WorkerReport;
};

describe('S06 two processes on one SQLite file', () => {
  it('commit and claim at the same time without corrupting it or losing a commit', async () => {
    const path = join(temp.dir, 'shared.db');
    await openStore({ path }).close();
    const orders = 60;
    const versions = 5;
    const reports = await Promise.all([
      worker(path, 'worker-a', orders, versions),
      worker(path, 'worker-b', orders, versions),
    ]);

    for (const report of reports) expect(report.committed).toBe(orders * versions);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const rows = db
      .prepare<[], { n: number; versions: number; audit: number }>(
        `SELECT count(*) AS n, sum(version) AS versions,
                (SELECT count(*) FROM audit) AS audit FROM orders`,
      )
      .get();
    expect(rows).toEqual({
      n: 2 * orders,
      versions: 2 * orders * versions,
      audit: 2 * orders * versions,
    });
    const effects = db
      .prepare<[], { status: string; n: number }>(
        'SELECT status, count(*) AS n FROM effects GROUP BY status',
      )
      .all();
    expect(effects).toEqual([{ status: 'done', n: 2 * orders * versions }]);
    db.close();

    // Every effect was claimed by exactly one of the two processes.
    const claimed = reports.flatMap((r) => r.claimed);
    expect(claimed).toHaveLength(2 * orders * versions);
    expect(new Set(claimed).size).toBe(claimed.length);
  }, 120_000);

  it('gives up a write lock wait after the busy timeout, as a retryable StoreFailed', async () => {
    const path = join(temp.dir, 'busy.db');
    const store = openStore({ path, busyTimeoutMs: 200 });
    const holder = new Database(path);
    holder.exec('BEGIN IMMEDIATE');

    const result = await store.commit(sampleCommit('blocked', 1));
    expect(E.isLeft(result) && result.left).toMatchObject({
      _tag: 'StoreFailed',
      operation: 'commit',
      retryable: true,
      message: expect.stringMatching(/^SQLITE_BUSY/),
    });

    holder.exec('ROLLBACK');
    holder.close();
    expect(E.isRight(await store.commit(sampleCommit('blocked', 1)))).toBe(true);
    await store.close();
  });
});
