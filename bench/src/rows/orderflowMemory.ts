/**
 * The engine side of row 5: heap per idle order (orders opened through the engine into a
 * SQLite file; the caller keeps nothing) and the largest persisted snapshot of a lifecycle.
 */
import { join } from 'node:path';
import type { Commit } from '@orderflow/core';
import type { BenchContext } from '../BenchContext.js';
import { figureOf } from '../harness/Figure.js';
import { measureHeapPerItem } from '../harness/measureHeap.js';
import type { EngineSide } from '../workload/EngineWorkload.js';
import { type OrderflowMemory, orderflowMemoryUnavailable } from './memoryRows.js';

/** Batches the idle orders are opened in: one heap reading per batch. */
const BATCHES = 5;

/** Row 5's engine figures, or why there are none. */
export const orderflowMemory = async (
  ctx: BenchContext,
  engine: EngineSide,
): Promise<OrderflowMemory> => {
  if (engine._tag !== 'EngineWorkload') {
    return orderflowMemoryUnavailable(engine.reason, ctx.scale.idleOrders);
  }
  // What one order persists besides its audit trail: the xstate snapshot (`machine`) and
  // the business data kept beside it (`context`), as the stores write them (JSON).
  const snapshotBytes = Math.max(
    ...engine.template.commits.map((json) => {
      const { order } = JSON.parse(json) as Commit;
      return Buffer.byteLength(JSON.stringify(order.machine) + JSON.stringify(order.context));
    }),
  );
  ctx.log(`   opening ${ctx.scale.idleOrders} idle orders into SQLite`);
  const sink = await engine.openIdleOrders(join(ctx.tmpDir, 'idle.db'));
  try {
    // Warm-up: the first orders fill caches (compiled machine, prepared statements).
    await sink.open(Math.min(1000, ctx.scale.idleOrders));
    const perBatch = Math.max(1, Math.floor(ctx.scale.idleOrders / BATCHES));
    const heapPerIdleOrder = await measureHeapPerItem(
      async () => ({ items: await sink.open(perBatch), keep: undefined, release: () => undefined }),
      { warmup: 0, rounds: BATCHES },
    );
    return {
      heapPerIdleOrder,
      idleOrders: perBatch * BATCHES,
      snapshotBytes: figureOf('bytes', [snapshotBytes]),
    };
  } finally {
    await sink.close();
  }
};
