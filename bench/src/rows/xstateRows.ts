/**
 * Row 1: the engine on the memory store against hand-written xstate v5 running the same
 * lifecycle with its snapshot persisted as JSON after every event.
 */
import type { BenchContext } from '../BenchContext.js';
import type { BenchRow } from '../harness/BenchRow.js';
import { type Figure, figureOf } from '../harness/Figure.js';
import type { Probe } from '../harness/measure.js';
import { runAuditedXstateLifecycles } from '../peers/auditedXstateLifecycles.js';
import { runDurableXstateLifecycles } from '../peers/durableXstateLifecycles.js';
import { runXstateLifecycles, XSTATE_PEER_EVENTS } from '../peers/runXstateLifecycle.js';
import type { EngineSide } from '../workload/EngineWorkload.js';
import { measureEngineAgainst } from './measureEngineAgainst.js';

/** Scales a lifecycles/s figure to commands/s. */
const perCommand = (figure: Figure, commands: number): Figure =>
  figureOf(
    'commands/s',
    figure.rounds.map((r) => r * commands),
  );

/** Row 1: lifecycles/s and commands/s. */
export const xstateRows = async (
  ctx: BenchContext,
  engine: EngineSide,
): Promise<readonly BenchRow[]> => {
  ctx.log('1. engine on memory vs hand-written xstate');
  /** A peer's probe: batches of lifecycles, each batch on fresh order ids after the last. */
  const peerProbe = (run: (count: number, firstId: number) => number): Probe => {
    let nextId = 0;
    return {
      report: 'rate',
      unit: 'lifecycles/s',
      work: () => {
        const n = run(ctx.scale.lifecycles, nextId);
        nextId += n;
        return n;
      },
    };
  };
  const peers = [
    peerProbe((count, firstId) => runXstateLifecycles(count, new Map(), firstId)),
    peerProbe((count, firstId) => runAuditedXstateLifecycles(count, new Map(), new Map(), firstId)),
    peerProbe((count, firstId) => runDurableXstateLifecycles(count, new Map(), new Map(), firstId)),
  ];
  const measured = await measureEngineAgainst(ctx, engine, peers);
  const { orderflow } = measured;
  const [peer, audited, durable] = measured.peers;
  if (peer === undefined || audited === undefined || durable === undefined) {
    throw new Error('xstateRows: missing figure');
  }
  const peerCommands = XSTATE_PEER_EVENTS + 1;
  const base = {
    section: '1',
    better: 'higher' as const,
    orderflowName: 'engine on memory store',
    peerName: 'hand-written xstate v5, JSON snapshot after every event',
  };
  return [
    {
      ...base,
      id: 'engine-memory.lifecycles',
      metric: 'lifecycles/s',
      orderflow,
      peer,
      target: { kind: 'ratioAtLeast', value: 0.5 },
      note: `one lifecycle = open + ${peerCommands - 1} commands by 9 actors (private-fund-subscription, 4 approval levels); the peer's JSON goes to a Map, the engine's commits to the memory store`,
    },
    {
      ...base,
      id: 'engine-memory.commands',
      metric: 'commands/s',
      orderflow:
        orderflow._tag === 'Figure' && engine._tag === 'EngineWorkload'
          ? perCommand(orderflow, engine.commandsPerLifecycle)
          : orderflow,
      peer: perCommand(peer, peerCommands),
    },
    {
      ...base,
      id: 'engine-memory.vs-audited-xstate',
      metric: 'lifecycles/s',
      orderflow,
      peerName: 'the same xstate peer + a SHA-256-chained audit entry (RFC 8785 JSON) per event',
      peer: audited,
      note: 'the audited peer adds only what DOMAIN.md requires per accepted command (the hash-chained audit entry), to show how much of the gap that alone explains',
    },
    {
      ...base,
      id: 'engine-memory.vs-durable-xstate',
      metric: 'lifecycles/s',
      orderflow,
      peerName:
        'the audited xstate peer keeping nothing between events: each event parses the stored row, restores (resolveState), steps (transition) and stores row + audit entry',
      peer: durable,
      note: 'the durable peer is the least a hand-written service on xstate does per command under the engine’s other rules: the audit chain (DOMAIN.md) and nothing kept per idle order (row 5); the plain peer keeps every live actor in memory (row 5: about 4 KB each)',
    },
  ];
};
