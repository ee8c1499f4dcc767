/**
 * Row 5: heap per idle order (orders opened through the engine into SQLite, nothing kept
 * by the caller) against the heap a live bpmn-engine instance or xstate actor costs, and
 * the persisted snapshot's size against the peers' saved state.
 */
import type { BenchContext } from '../BenchContext.js';
import type { BenchRow } from '../harness/BenchRow.js';
import { figureOf, type Measured, notAvailable } from '../harness/Figure.js';
import { loadBpmnPeer, startBpmnInstance, stopBpmnInstance } from '../peers/bpmnLifecycle.js';
import { xstatePeerSnapshotBytes } from '../peers/runXstateLifecycle.js';
import { bpmnHeapPerInstance, xstateHeapPerActor } from './bpmnPeerRows.js';

/** What the engine side of row 5 measured (or why it could not). */
export interface OrderflowMemory {
  readonly heapPerIdleOrder: Measured;
  readonly idleOrders: number;
  readonly snapshotBytes: Measured;
}

/** The largest saved bpmn-engine state over one lifecycle, in bytes. */
const bpmnStateBytes = async (): Promise<number> => {
  const peer = await loadBpmnPeer();
  let largest = 0;
  for (let steps = 0; steps <= peer.taskIds.length; steps += 5) {
    const saved = new Map<string, string>();
    const engine = await startBpmnInstance(peer, 'size', saved, steps);
    largest = Math.max(largest, Buffer.byteLength(saved.get('size') ?? '', 'utf8'));
    await stopBpmnInstance(engine);
  }
  return largest;
};

/** Row 5, given the engine side. */
export const memoryRows = async (
  ctx: BenchContext,
  orderflow: OrderflowMemory,
): Promise<readonly BenchRow[]> => {
  ctx.log('5. memory: heap per idle order, snapshot size');
  const bpmnPeer = await loadBpmnPeer();
  const bpmnHeap = await bpmnHeapPerInstance(ctx, bpmnPeer);
  const xstateHeap = await xstateHeapPerActor(ctx);
  const heapName = `engine + SQLite store (WAL, NORMAL), ${orderflow.idleOrders.toLocaleString('en-US')} idle orders opened`;
  const heapTarget = { kind: 'absoluteAtMost' as const, value: 100, unit: 'bytes' };
  return [
    {
      id: 'memory.heap-per-order.vs-bpmn',
      section: '5',
      metric: 'heap per order, bytes',
      better: 'lower',
      orderflowName: heapName,
      orderflow: orderflow.heapPerIdleOrder,
      peerName: `bpmn-engine, live instance waiting at approval (${ctx.scale.bpmnLiveInstances} held)`,
      peer: bpmnHeap,
      target: heapTarget,
      note: 'heap = process.memoryUsage().heapUsed after forced full GCs, after minus before, over the count',
    },
    {
      id: 'memory.heap-per-order.vs-xstate',
      section: '5',
      metric: 'heap per order, bytes',
      better: 'lower',
      orderflowName: heapName,
      orderflow: orderflow.heapPerIdleOrder,
      peerName: `hand-written xstate, live actor waiting at approval (${ctx.scale.xstateLiveActors} held)`,
      peer: xstateHeap,
      target: heapTarget,
    },
    {
      id: 'memory.snapshot-bytes.vs-xstate',
      section: '5',
      metric: 'largest persisted snapshot over a lifecycle, bytes',
      better: 'lower',
      orderflowName: 'StoredOrder `machine` + `context` as JSON',
      orderflow: orderflow.snapshotBytes,
      peerName: 'hand-written xstate getPersistedSnapshot() JSON',
      peer: figureOf('bytes', [xstatePeerSnapshotBytes()]),
      target: { kind: 'absoluteAtMost', value: 4096, unit: 'bytes' },
    },
    {
      id: 'memory.snapshot-bytes.vs-bpmn',
      section: '5',
      metric: 'largest persisted snapshot over a lifecycle, bytes',
      better: 'lower',
      orderflowName: 'StoredOrder `machine` + `context` as JSON',
      orderflow: orderflow.snapshotBytes,
      peerName: 'bpmn-engine getState() JSON',
      peer: figureOf('bytes', [await bpmnStateBytes()]),
      target: { kind: 'absoluteAtMost', value: 4096, unit: 'bytes' },
    },
  ];
};

/** Row 5's engine side when the engine is not there. */
export const orderflowMemoryUnavailable = (
  reason: string,
  idleOrders: number,
): OrderflowMemory => ({
  heapPerIdleOrder: notAvailable(reason),
  idleOrders,
  snapshotBytes: notAvailable(reason),
});
