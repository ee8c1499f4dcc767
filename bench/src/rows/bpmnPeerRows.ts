/**
 * The bpmn-engine and raw xstate figures that need nothing from the engine: heap per live
 * instance (instances started and left waiting at the approval stage, as live orders wait)
 * and the JSON size of their saved state.
 */
import type { Engine } from 'bpmn-engine';
import { createActor } from 'xstate';
import type { BenchContext } from '../BenchContext.js';
import type { Figure } from '../harness/Figure.js';
import { measureHeapPerItem } from '../harness/measureHeap.js';
import { type BpmnPeer, startBpmnInstance, stopBpmnInstance } from '../peers/bpmnLifecycle.js';
import { xstateLifecycleMachine } from '../peers/xstateLifecycleMachine.js';
import { peerInput, xstatePeerScript } from '../peers/xstatePeerScript.js';

/** Heap figures are steady: a few rounds suffice (one after the warm-up in `--quick`). */
const heapRounds = (ctx: BenchContext) => ({ warmup: 1, rounds: ctx.quick ? 1 : 3 });

/** How many steps a live instance has taken: up to the first approval, like an order waiting for it. */
const LIVE_STEPS = 8;

/** Heap per live bpmn-engine instance waiting at the first approval. */
export const bpmnHeapPerInstance = (ctx: BenchContext, peer: BpmnPeer): Promise<Figure> =>
  measureHeapPerItem(async () => {
    const saved = new Map<string, string>();
    const engines: Engine[] = [];
    for (let i = 0; i < ctx.scale.bpmnLiveInstances; i++) {
      engines.push(await startBpmnInstance(peer, `live-${i}`, saved, LIVE_STEPS));
    }
    saved.clear();
    return {
      items: engines.length,
      keep: engines,
      release: async () => {
        for (const engine of engines) await stopBpmnInstance(engine);
      },
    };
  }, heapRounds(ctx));

/** Heap per live hand-written xstate actor waiting at the first approval. */
export const xstateHeapPerActor = (ctx: BenchContext): Promise<Figure> =>
  measureHeapPerItem(async () => {
    const at = '2026-01-05T02:00:00.000Z';
    const script = xstatePeerScript(at).slice(0, LIVE_STEPS);
    const actors = Array.from({ length: ctx.scale.xstateLiveActors }, (_, i) => {
      const actor = createActor(xstateLifecycleMachine, {
        input: peerInput(`live-${i}`, at),
      });
      actor.start();
      for (const event of script) actor.send(event);
      return actor;
    });
    return {
      items: actors.length,
      keep: actors,
      release: () => {
        for (const actor of actors) actor.stop();
      },
    };
  }, heapRounds(ctx));
