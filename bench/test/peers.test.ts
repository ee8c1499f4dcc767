import { describe, expect, it } from 'vitest';
import { runAuditedXstateLifecycles } from '../src/peers/auditedXstateLifecycles.js';
import { loadBpmnPeer, runRecoveredBpmnLifecycles } from '../src/peers/bpmnLifecycle.js';
import { chainAuditEntry, PEER_GENESIS_HASH } from '../src/peers/chainAuditEntry.js';
import { runDurableXstateLifecycles } from '../src/peers/durableXstateLifecycles.js';
import { XSTATE_PEER_EVENTS } from '../src/peers/runXstateLifecycle.js';

describe('the durable xstate peer', () => {
  it('restored from JSON before every event, takes the same steps and writes the same audit trail as the live actor', () => {
    const liveTrails = new Map<string, string[]>();
    const durableTrails = new Map<string, string[]>();
    const rows = new Map<string, string>();
    runAuditedXstateLifecycles(1, new Map(), liveTrails);
    runDurableXstateLifecycles(1, rows, durableTrails);
    const live = liveTrails.get('xa-0') ?? [];
    const durable = durableTrails.get('xd-0') ?? [];
    expect(durable).toHaveLength(XSTATE_PEER_EVENTS + 1);
    const strip = (json: string) => {
      const { orderId: _o, hash: _h, prevHash: _p, ...rest } = JSON.parse(json);
      return rest;
    };
    expect(durable.map(strip)).toEqual(live.map(strip));
    expect(JSON.parse(durable.at(-1) ?? '{}').toState).toBe('done');
    const row = JSON.parse(rows.get('xd-0') ?? '{}');
    expect(row.snapshot.status).toBe('done');
    expect(row.seq).toBe(XSTATE_PEER_EVENTS + 1);
  });

  it('chains every entry to the one before by sha256 over its canonical JSON', () => {
    const trails = new Map<string, string[]>();
    runDurableXstateLifecycles(1, new Map(), trails, 7);
    let prev = PEER_GENESIS_HASH;
    for (const json of trails.get('xd-7') ?? []) {
      const { hash, ...entry } = JSON.parse(json);
      expect(entry.prevHash).toBe(prev);
      expect(chainAuditEntry(entry).hash).toBe(hash);
      prev = hash;
    }
    expect(prev).not.toBe(PEER_GENESIS_HASH);
  });
});

describe('the recovered bpmn-engine peer', () => {
  it('recovers each task from the saved state and runs the process to its end', async () => {
    const peer = await loadBpmnPeer();
    const saved = new Map<string, string>();
    await expect(runRecoveredBpmnLifecycles(peer, 1, saved)).resolves.toBe(1);
    const state = JSON.parse(saved.get('bpmn-recovered-0') ?? '{}');
    expect(state.state).toBe('idle');
    expect(state.definitions[0].execution.completed).toBe(true);
  });
});
