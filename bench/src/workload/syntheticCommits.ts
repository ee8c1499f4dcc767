/**
 * Commits of one lifecycle built from the hand-written xstate peer (its persisted snapshot
 * after every event, and a hash-chained audit entry per event). Used for the database rows
 * when the engine cannot record a real lifecycle.
 */
import { createHash } from 'node:crypto';
import type { AuditEntry, Commit, Json, JsonObject } from '@orderflow/core';
import { createActor } from 'xstate';
import { xstateLifecycleMachine } from '../peers/xstateLifecycleMachine.js';
import { PEER_ACTORS, peerInput, xstatePeerScript } from '../peers/xstatePeerScript.js';
import { type CommitTemplate, commitTemplate } from './CommitTemplate.js';

const TEMPLATE_ID = 'order-template-00000000';
const GENESIS = '0'.repeat(64);

const stateName = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

/** The peer lifecycle as store commits: one to open the order, one per event. */
export const syntheticCommits = (): CommitTemplate => {
  const at = '2026-01-05T02:00:00.000Z';
  const actor = createActor(xstateLifecycleMachine, {
    input: peerInput(TEMPLATE_ID, at),
  });
  actor.start();
  const commits: Commit[] = [];
  let prevHash = GENESIS;
  let fromState = 'new';
  const step = (command: string, actorId: string, roles: readonly string[], payload: Json) => {
    const snapshot = actor.getSnapshot();
    const version = commits.length + 1;
    const toState = stateName(snapshot.value);
    const body = {
      orderId: TEMPLATE_ID,
      seq: version,
      at,
      actorId,
      actorRoles: roles,
      role: roles[0] ?? null,
      command,
      outcome: 'accepted' as const,
      fromState,
      toState,
      version,
      facts: {},
      payload,
      prevHash,
    };
    const hash = createHash('sha256')
      .update(prevHash + JSON.stringify(body))
      .digest('hex');
    const entry: AuditEntry = { ...body, hash };
    const machine = actor.getPersistedSnapshot() as unknown as Json;
    commits.push({
      expectedVersion: version - 1,
      order: {
        orderId: TEMPLATE_ID,
        definitionKey: 'private-fund-subscription@1',
        version,
        state: toState,
        status: snapshot.status === 'done' ? 'completed' : 'active',
        machine,
        context: snapshot.context as unknown as JsonObject,
        createdAt: at,
        updatedAt: at,
      },
      audit: [entry],
      effects: [],
      timers: [],
      cancelTimers: [],
      firedTimers: [],
      tasks: [],
    });
    prevHash = hash;
    fromState = toState;
  };
  step('open', PEER_ACTORS.sales.id, PEER_ACTORS.sales.roles, {});
  for (const event of xstatePeerScript(at)) {
    actor.send(event);
    step(event.type, event.actor.id, event.actor.roles, event.data as Json);
  }
  actor.stop();
  return commitTemplate(TEMPLATE_ID, commits, 'synthesized from the hand-written xstate peer');
};
