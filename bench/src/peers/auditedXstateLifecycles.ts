/**
 * The hand-written xstate peer plus what DOMAIN.md requires of every accepted command and
 * the engine does per command: an audit entry (actor, roles, command, from and to state,
 * version, payload) chained by `sha256(prevHash + canonical JSON)` (RFC 8785, the same
 * `canonicalize` library), stored beside the JSON snapshot. It shows how much of the
 * engine's gap to the plain peer is the audit trail alone.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { createActor } from 'xstate';
import { xstateLifecycleMachine } from './xstateLifecycleMachine.js';
import { peerInput, xstatePeerScript } from './xstatePeerScript.js';

const GENESIS = '0'.repeat(64);

const stateName = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

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
    let prevHash = GENESIS;
    let fromState = 'draft';
    const actor = createActor(xstateLifecycleMachine, { input: peerInput(orderId, at) });
    const record = (
      command: string,
      actorId: string,
      roles: readonly string[],
      payload: object,
    ) => {
      const snapshot = actor.getSnapshot();
      const toState = stateName(snapshot.value);
      const entry = {
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
      };
      const hash = createHash('sha256')
        .update(prevHash + (canonicalize(entry) ?? ''))
        .digest('hex');
      trail.push(JSON.stringify({ ...entry, hash }));
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
