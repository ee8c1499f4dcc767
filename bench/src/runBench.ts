/**
 * Runs the whole comparison in one process: every section of issue 7, each orderflow
 * figure measured interleaved with its peer's, and returns the report.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BenchContext, roundsFor, type Scale, scaleFor } from './BenchContext.js';
import type { BenchRow } from './harness/BenchRow.js';
import type { BenchReport } from './harness/formatTable.js';
import { machineInfo } from './harness/MachineInfo.js';
import type { Rounds } from './harness/measure.js';
import { bpmnRows } from './rows/bpmnRows.js';
import { definitionRows } from './rows/definitionRows.js';
import { memoryRows } from './rows/memoryRows.js';
import { orderflowMemory } from './rows/orderflowMemory.js';
import { postgresRows } from './rows/postgresRows.js';
import { sqliteRows } from './rows/sqliteRows.js';
import { xstateRows } from './rows/xstateRows.js';
import type { EngineSide } from './workload/EngineWorkload.js';
import { loadEngineWorkload } from './workload/loadEngineWorkload.js';
import { syntheticCommits } from './workload/syntheticCommits.js';

/** The sections of issue 7, by number. */
export const SECTIONS = ['1', '2', '3', '4', '5', '6'] as const;

/** How to run the bench. */
export interface RunOptions {
  readonly quick: boolean;
  /** Override the mode's rounds (the CI smoke test runs one tiny round). */
  readonly rounds?: Rounds;
  /** Override workload sizes. */
  readonly scale?: Partial<Scale>;
  /** Only these sections (default all). */
  readonly sections?: readonly string[];
  readonly pgUrl?: string;
  readonly log?: (line: string) => void;
}

/** The default PostgreSQL URL (trust auth on the test machines). */
export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** Runs the selected sections and returns the report. */
export const runBench = async (options: RunOptions): Promise<BenchReport> => {
  const startedAt = new Date().toISOString();
  const started = process.hrtime.bigint();
  const rounds = options.rounds ?? roundsFor(options.quick);
  const tmpDir = mkdtempSync(join(tmpdir(), 'orderflow-bench-'));
  const machine = machineInfo();
  const engine: EngineSide = await loadEngineWorkload();
  const ctx: BenchContext = {
    quick: options.quick,
    rounds,
    scale: { ...scaleFor(options.quick), ...options.scale },
    tmpDir,
    pgUrl: options.pgUrl ?? process.env.ORDERFLOW_PG_URL ?? DEFAULT_PG_URL,
    template: engine._tag === 'EngineWorkload' ? engine.template : syntheticCommits(),
    log: options.log ?? (() => undefined),
  };
  const wanted = new Set(options.sections ?? SECTIONS);
  const sections: readonly [string, (c: BenchContext) => Promise<readonly BenchRow[]>][] = [
    ['1', (c) => xstateRows(c, engine)],
    ['2', (c) => bpmnRows(c, engine)],
    ['3', sqliteRows],
    ['4', postgresRows],
    ['5', async (c) => memoryRows(c, await orderflowMemory(c, engine))],
    ['6', definitionRows],
  ];
  const rows: BenchRow[] = [];
  try {
    for (const [section, run] of sections) {
      if (!wanted.has(section)) continue;
      const t0 = process.hrtime.bigint();
      rows.push(...(await run(ctx)));
      ctx.log(
        `   section ${section}: ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`,
      );
    }
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
  rows.sort((a, b) => a.section.localeCompare(b.section));
  return {
    startedAt,
    mode: options.quick ? 'quick' : 'full',
    warmup: rounds.warmup,
    rounds: rounds.rounds,
    machine,
    rows,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
};
