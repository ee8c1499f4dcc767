/**
 * Row 2: the engine on the memory store against bpmn-engine running the same lifecycle as
 * BPMN (one user task per step), its state saved as JSON after every step.
 */
import type { BenchContext } from '../BenchContext.js';
import type { BenchRow } from '../harness/BenchRow.js';
import { type Measured, notAvailable } from '../harness/Figure.js';
import { measureInterleaved, type Probe } from '../harness/measure.js';
import { loadBpmnPeer, runBpmnLifecycles } from '../peers/bpmnLifecycle.js';
import type { EngineSide } from '../workload/EngineWorkload.js';

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
  const probes: Probe[] =
    engine._tag === 'EngineWorkload'
      ? [
          {
            report: 'rate',
            unit: 'lifecycles/s',
            work: () => engine.runLifecycles(ctx.scale.lifecycles),
          },
          peerProbe,
        ]
      : [peerProbe];
  const figures = await measureInterleaved(probes, ctx.rounds);
  const orderflow: Measured =
    engine._tag === 'EngineWorkload' ? (figures[0] ?? notAvailable('not measured')) : engine;
  return [
    {
      id: 'engine-memory.vs-bpmn',
      section: '2',
      metric: 'lifecycles/s',
      better: 'higher',
      orderflowName: 'engine on memory store',
      orderflow,
      peerName: 'bpmn-engine 19-task BPMN, getState() JSON saved after each task',
      peer: figures[figures.length - 1] ?? notAvailable('not measured'),
      target: { kind: 'ratioAtLeast', value: 50 },
      note: 'bpmn-engine parses the BPMN file once (sourceContext reused), as a user running many instances would',
    },
  ];
};
