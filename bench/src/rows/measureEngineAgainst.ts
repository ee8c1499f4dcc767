/** Rows 1 and 2: the engine's lifecycles, measured interleaved with the peers of the row. */
import type { BenchContext } from '../BenchContext.js';
import { type Figure, type Measured, notAvailable } from '../harness/Figure.js';
import { measureInterleaved, type Probe } from '../harness/measure.js';
import type { EngineSide } from '../workload/EngineWorkload.js';

/** The engine's figure (or why it was not measured) and each peer's, in the order given. */
export interface EngineAgainstPeers {
  readonly orderflow: Measured;
  readonly peers: readonly Figure[];
}

/**
 * Runs the engine's lifecycles on the memory store, when the workload loaded, interleaved
 * round by round with `peers`; without the engine, the peers are still measured.
 */
export const measureEngineAgainst = async (
  ctx: BenchContext,
  engine: EngineSide,
  peers: readonly Probe[],
): Promise<EngineAgainstPeers> => {
  if (engine._tag !== 'EngineWorkload') {
    return { orderflow: engine, peers: await measureInterleaved(peers, ctx.rounds) };
  }
  const engineProbe: Probe = {
    report: 'rate',
    unit: 'lifecycles/s',
    work: () => engine.runLifecycles(ctx.scale.lifecycles),
  };
  const [orderflow, ...rest] = await measureInterleaved([engineProbe, ...peers], ctx.rounds);
  return { orderflow: orderflow ?? notAvailable('not measured'), peers: rest };
};
