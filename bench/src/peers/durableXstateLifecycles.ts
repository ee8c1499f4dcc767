/**
 * The hand-written xstate peer held to the two rules the engine is held to besides speed:
 * it keeps nothing in memory between events (issue 7's heap target: ≈ 0 bytes per idle
 * order), and it writes the hash-chained audit entry DOMAIN.md requires of every accepted
 * command. So each event restores the order from its stored JSON (`machine.resolveState`),
 * takes xstate's public pure step (`transition`), and stores the new snapshot and the audit
 * entry as JSON — the least a hand-written durable service on xstate does per command.
 */
import { initialTransition, transition } from 'xstate';
import { chainAuditEntry, PEER_GENESIS_HASH, peerStateName } from './chainAuditEntry.js';
import { xstateLifecycleMachine } from './xstateLifecycleMachine.js';
import { peerInput, xstatePeerScript } from './xstatePeerScript.js';

type PeerSnapshot = ReturnType<typeof xstateLifecycleMachine.resolveState>;

/** The stored row of a peer order: its persisted snapshot and the audit chain head. */
interface PeerRow {
  readonly snapshot: unknown;
  readonly seq: number;
  readonly hash: string;
}

/**
 * Runs `count` lifecycles; every event reads the order's row from `rows` (parsing it), steps,
 * and writes the row and an audit entry back (serializing them). Returns `count`; throws if a
 * lifecycle does not end in `done`.
 */
export const runDurableXstateLifecycles = (
  count: number,
  rows: Map<string, string> = new Map(),
  trails: Map<string, string[]> = new Map(),
  firstId = 0,
): number => {
  const machine = xstateLifecycleMachine;
  const at = '2026-01-05T02:00:00.000Z';
  const script = xstatePeerScript(at);
  for (let i = 0; i < count; i++) {
    const orderId = `xd-${firstId + i}`;
    const trail: string[] = [];
    trails.set(orderId, trail);
    const store = (
      snapshot: PeerSnapshot,
      prev: PeerRow | undefined,
      fromState: string,
      command: string,
      actor: { readonly id: string; readonly roles: readonly string[] },
      payload: object,
    ) => {
      const seq = (prev?.seq ?? 0) + 1;
      const { hash, json } = chainAuditEntry({
        orderId,
        seq,
        at,
        actorId: actor.id,
        actorRoles: actor.roles,
        command,
        outcome: 'accepted',
        fromState,
        toState: peerStateName(snapshot.value),
        version: seq,
        payload,
        prevHash: prev?.hash ?? PEER_GENESIS_HASH,
      });
      trail.push(json);
      const row: PeerRow = { snapshot: machine.getPersistedSnapshot(snapshot), seq, hash };
      rows.set(orderId, JSON.stringify(row));
    };
    const [first] = initialTransition(machine, peerInput(orderId, at));
    store(first, undefined, 'draft', 'open', { id: 'u-sales', roles: ['salesRep'] }, {});
    let last = first;
    for (const event of script) {
      const row = JSON.parse(rows.get(orderId) ?? 'null') as PeerRow;
      const restored = machine.resolveState(
        row.snapshot as Parameters<typeof machine.resolveState>[0],
      );
      const [next] = transition(machine, restored, event);
      store(next, row, peerStateName(restored.value), event.type, event.actor, event.data);
      last = next;
    }
    if (last.status !== 'done') {
      throw new Error(`durable xstate peer stuck in ${JSON.stringify(last.value)}`);
    }
  }
  return count;
};
