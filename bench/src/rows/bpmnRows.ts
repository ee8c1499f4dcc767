/**
 * Row 2: the engine on the memory store against bpmn-engine running the same lifecycle as
 * BPMN (one user task per step), its state saved as JSON after every step.
 */
import type { BenchContext } from '../BenchContext.js';
import type { BenchRow } from '../harness/BenchRow.js';
import { notAvailable } from '../harness/Figure.js';
import type { Probe } from '../harness/measure.js';
import {
  loadBpmnPeer,
  runBpmnLifecycles,
  runRecoveredBpmnLifecycles,
} from '../peers/bpmnLifecycle.js';
import type { EngineSide } from '../workload/EngineWorkload.js';
import { measureEngineAgainst } from './measureEngineAgainst.js';

/** Row 2: lifecycles/s. */
export const bpmnRows = async (
  ctx: BenchContext,
  engine: EngineSide,
): Promise<readonly BenchRow[]> => {
  ctx.log('2. engine on memory vs bpmn-engine');
  const peer = await loadBpmnPeer();
  const peerProbe: Probe = {
    report: 'rate',
    unit: 'lifecycles/s',
    work: () => runBpmnLifecycles(peer, ctx.scale.bpmnLifecycles),
  };
  const recoveredProbe: Probe = {
    report: 'rate',
    unit: 'lifecycles/s',
    work: () => runRecoveredBpmnLifecycles(peer, ctx.scale.bpmnLifecycles),
  };
  const measured = await measureEngineAgainst(ctx, engine, [peerProbe, recoveredProbe]);
  const { orderflow } = measured;
  const [live, recovered] = measured.peers;
  const base = {
    section: '2',
    metric: 'lifecycles/s',
    better: 'higher' as const,
    orderflowName: 'engine on memory store',
    orderflow,
  };
  return [
    {
      ...base,
      id: 'engine-memory.vs-bpmn',
      peerName: 'bpmn-engine 19-task BPMN, getState() JSON saved after each task',
      peer: live ?? notAvailable('not measured'),
      target: { kind: 'ratioAtLeast', value: 50 },
      note: 'bpmn-engine parses the BPMN file once (sourceContext reused), as a user running many instances would; the instance stays live in memory from start to end (row 5: about 2 MB each)',
    },
    {
      ...base,
      id: 'engine-memory.vs-recovered-bpmn',
      peerName:
        'the same, keeping nothing between tasks: each task recovers a new engine from the saved state (recover + resume), signals, saves',
      peer: recovered ?? notAvailable('not measured'),
      note: 'what a bpmn-engine service holding many idle orders must do, as the engine does (row 5)',
    },
  ];
};
