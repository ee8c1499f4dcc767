/**
 * The hand-written xstate peer plus what DOMAIN.md requires of every accepted command and
 * the engine does per command: an audit entry (actor, roles, command, from and to state,
 * version, payload) chained by `sha256(prevHash + canonical JSON)` (RFC 8785, the same
 * `canonicalize` library), stored beside the JSON snapshot. It shows how much of the
 * engine's gap to the plain peer is the audit trail alone.
 */
import { createActor } from 'xstate';
import { chainAuditEntry, PEER_GENESIS_HASH, peerStateName } from './chainAuditEntry.js';
import { xstateLifecycleMachine } from './xstateLifecycleMachine.js';
import { peerInput, xstatePeerScript } from './xstatePeerScript.js';

/**
 * Runs `count` lifecycles like {@link runXstateLifecycles}, and after the start and every
 * event also appends a hash-chained audit entry (as JSON) to the order's trail in `trails`.
 * Returns `count`; throws if a lifecycle does not end in `done`.
 */
export const runAuditedXstateLifecycles = (
  count: number,
  saved: Map<string, string> = new Map(),
  trails: Map<string, string[]> = new Map(),
  firstId = 0,
): number => {
  const at = '2026-01-05T02:00:00.000Z';
  const script = xstatePeerScript(at);
  for (let i = 0; i < count; i++) {
    const orderId = `xa-${firstId + i}`;
    const trail: string[] = [];
    trails.set(orderId, trail);
    let prevHash = PEER_GENESIS_HASH;
    let fromState = 'draft';
    const actor = createActor(xstateLifecycleMachine, { input: peerInput(orderId, at) });
    const record = (
      command: string,
      actorId: string,
      roles: readonly string[],
      payload: object,
    ) => {
      const snapshot = actor.getSnapshot();
      const toState = peerStateName(snapshot.value);
      const { hash, json } = chainAuditEntry({
        orderId,
        seq: trail.length + 1,
        at,
        actorId,
        actorRoles: roles,
        command,
        outcome: 'accepted',
        fromState,
        toState,
        version: trail.length + 1,
        payload,
        prevHash,
      });
      trail.push(json);
      saved.set(orderId, JSON.stringify(actor.getPersistedSnapshot()));
      prevHash = hash;
      fromState = toState;
    };
    actor.start();
    record('open', 'u-sales', ['salesRep'], {});
    for (const event of script) {
      actor.send(event);
      record(event.type, event.actor.id, event.actor.roles, event.data);
    }
    const snapshot = actor.getSnapshot();
    actor.stop();
    if (snapshot.status !== 'done') {
      throw new Error(`audited xstate peer stuck in ${JSON.stringify(snapshot.value)}`);
    }
  }
  return count;
};
