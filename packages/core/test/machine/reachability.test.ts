import { compile, type OrderContext } from '@orderflow/core';
import { BUILTIN_IDS } from '@orderflow/definitions';
import { getShortestPaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { builtin, createHarness, orderInput, people, right } from '../support/harness.js';
import { sampleEvents } from './sampleEvents.js';

type Node = {
  id: string;
  type: string;
  always?: readonly { guard?: unknown }[];
  states: Record<string, Node>;
};

/**
 * Every state of a machine an order can rest in: not the root, not a transient state (one
 * with an unguarded `always`), and not a compound state all of whose children are transient.
 */
const restingStates = (root: Node): string[] => {
  const out: string[] = [];
  const visit = (node: Node): boolean => {
    const children = Object.values(node.states);
    if (children.length === 0) return !(node.always ?? []).some((t) => t.guard === undefined);
    let any = false;
    for (const child of children) {
      if (visit(child)) {
        out.push(child.id);
        any = true;
      }
    }
    return any;
  };
  visit(root);
  return out;
};

/** The context a fresh order of `id` opens with (taken from a real `open`). */
const openingContext = async (id: string, overrides = {}): Promise<OrderContext> => {
  const h = createHarness();
  const view = right(
    await h.engine.open(orderInput(id, { orderId: 'g', ...overrides }), { actor: people.rm1 }),
  );
  return view.context;
};

describe('every state of each built-in machine is reachable', () => {
  it.each(BUILTIN_IDS)(
    '%s',
    async (id) => {
      const machine = compile(builtin(id));
      const reached = new Set<string>();
      // A matching investor, a mismatched one, and a large derivatives order (every conditional step).
      for (const overrides of [
        {},
        { riskLevel: 'R4' },
        { amount: '6000000.00', product: { category: 'derivatives' } },
      ]) {
        const input = await openingContext(id, overrides);
        const paths = getShortestPaths(machine, {
          input,
          events: (snapshot) => sampleEvents(snapshot.context),
          serializeState: (snapshot) =>
            JSON.stringify({
              value: snapshot.value,
              held: snapshot.context.held !== null,
              revision: snapshot.context.revision,
              decisions: Object.values(snapshot.context.approvals).map((a) => a.decisions.length),
              refunds: snapshot.context.refunds.map((r) => r.status),
            }),
          stopWhen: (snapshot) => snapshot.context.held !== null || snapshot.context.revision > 1,
        });
        for (const path of paths) for (const node of path.state._nodes) reached.add(node.id);
      }
      const missing = restingStates(machine.root as unknown as Node).filter((s) => !reached.has(s));
      expect(missing).toEqual([]);
    },
    60_000,
  );
});
