/** Runs hand-written xstate lifecycles, persisting the snapshot as JSON after every event. */
import { createActor } from 'xstate';
import { xstateLifecycleMachine } from './xstateLifecycleMachine.js';
import { peerInput, xstatePeerScript } from './xstatePeerScript.js';

/** How many events one peer lifecycle sends (the `open` is not an event). */
export const XSTATE_PEER_EVENTS = xstatePeerScript('').length;

/**
 * Runs `count` full lifecycles, each on a fresh actor, writing
 * `JSON.stringify(actor.getPersistedSnapshot())` into `saved` after the start and after
 * every event — what a hand-written service would write to its database. Returns `count`.
 * Throws if a lifecycle does not end in `done` (the workload is broken, not slow).
 */
export const runXstateLifecycles = (
  count: number,
  saved: Map<string, string> = new Map(),
  firstId = 0,
): number => {
  const at = '2026-01-05T02:00:00.000Z';
  const script = xstatePeerScript(at);
  for (let i = 0; i < count; i++) {
    const orderId = `xs-${firstId + i}`;
    const actor = createActor(xstateLifecycleMachine, {
      input: peerInput(orderId, at),
    });
    actor.start();
    saved.set(orderId, JSON.stringify(actor.getPersistedSnapshot()));
    for (const event of script) {
      actor.send(event);
      saved.set(orderId, JSON.stringify(actor.getPersistedSnapshot()));
    }
    const snapshot = actor.getSnapshot();
    actor.stop();
    if (snapshot.status !== 'done') {
      throw new Error(`xstate peer lifecycle stuck in ${JSON.stringify(snapshot.value)}`);
    }
  }
  return count;
};

/** The JSON bytes of the peer's persisted snapshot at the end of a lifecycle. */
export const xstatePeerSnapshotBytes = (): number => {
  const saved = new Map<string, string>();
  runXstateLifecycles(1, saved);
  return Buffer.byteLength([...saved.values()][0] ?? '', 'utf8');
};
