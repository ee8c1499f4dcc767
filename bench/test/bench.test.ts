/**
 * CI smoke test of the bench: one tiny round of every section, in process. It asserts that
 * rows come out with finite figures — never a ratio: ratios are read by people, on a
 * quiet machine, not asserted on a shared CI runner.
 */
import { describe, expect, it } from 'vitest';
import { type BenchRow, ratioOf } from '../src/harness/BenchRow.js';
import type { Measured } from '../src/harness/Figure.js';
import { formatTable } from '../src/harness/formatTable.js';
import { runBench, SECTIONS } from '../src/runBench.js';

const finite = (m: Measured): boolean =>
  m._tag === 'NotAvailable' ||
  [m.median, m.min, m.max, ...m.rounds].every((n) => Number.isFinite(n));

const measuredSides = (rows: readonly BenchRow[]): number =>
  rows.flatMap((r) => [r.orderflow, r.peer]).filter((m) => m._tag === 'Figure').length;

describe('pnpm bench --quick', () => {
  it('produces rows for every section, each figure finite, and prints them as a table', async () => {
    const report = await runBench({
      quick: true,
      rounds: { warmup: 0, rounds: 1, roundSeconds: 0 },
      scale: {
        lifecycles: 3,
        bpmnLifecycles: 1,
        sqliteOrders: 2,
        pgOrdersPerClient: 1,
        idleOrders: 200,
        bpmnLiveInstances: 2,
        xstateLiveActors: 20,
        definitionLoads: 1,
      },
    });
    const sections = new Set(report.rows.map((r) => r.section));
    expect([...sections].sort()).toEqual([...SECTIONS]);
    for (const row of report.rows) {
      expect(finite(row.orderflow), `${row.id} orderflow`).toBe(true);
      expect(finite(row.peer), `${row.id} peer`).toBe(true);
      const ratio = ratioOf(row);
      if (ratio !== undefined) expect(Number.isFinite(ratio), row.id).toBe(true);
    }
    expect(measuredSides(report.rows)).toBeGreaterThan(report.rows.length);
    const table = formatTable(report);
    for (const row of report.rows) expect(table).toContain(row.orderflowName);
  }, 60_000);
});
