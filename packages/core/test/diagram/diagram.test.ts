import { describeMachine, renderSvg, toDot, toMermaid } from '@orderflow/core';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';

const machine = setup({
  guards: { amountIsLarge: () => true },
}).createMachine({
  id: 'sample',
  initial: 'entry',
  states: {
    entry: { description: '订单录入', on: { verifyEntry: 'approval' } },
    approval: {
      initial: 'supervisor',
      states: {
        supervisor: {
          on: { approve: [{ guard: 'amountIsLarge', target: 'finance' }, { target: 'done' }] },
        },
        finance: { on: { approve: 'done' } },
        done: { type: 'final' },
      },
      onDone: 'completed',
      on: { reject: 'rejected' },
    },
    completed: { type: 'final' },
    rejected: { type: 'final' },
  },
});

describe('describeMachine', () => {
  it('reads nested states with their parents, initial flags and labels', () => {
    const graph = describeMachine(machine);
    expect(graph.states.map((s) => [s.id, s.parent, s.initial, s.type])).toEqual([
      ['entry', null, true, 'atomic'],
      ['approval', null, false, 'compound'],
      ['approval.supervisor', 'approval', true, 'atomic'],
      ['approval.finance', 'approval', false, 'atomic'],
      ['approval.done', 'approval', false, 'final'],
      ['completed', null, false, 'final'],
      ['rejected', null, false, 'final'],
    ]);
    expect(graph.states[0]?.label).toBe('订单录入');
  });

  it('reads each transition with its event and named guard', () => {
    const edges = describeMachine(machine).edges;
    expect(edges).toContainEqual({
      from: 'approval.supervisor',
      to: 'approval.finance',
      event: 'approve',
      guard: 'amountIsLarge',
    });
    expect(edges).toContainEqual({
      from: 'approval',
      to: 'rejected',
      event: 'reject',
      guard: null,
    });
    expect(edges).toContainEqual({
      from: 'entry',
      to: 'approval',
      event: 'verifyEntry',
      guard: null,
    });
  });
});

describe('toMermaid', () => {
  it('draws composite states and marks the highlighted state', () => {
    const text = toMermaid(describeMachine(machine), { highlight: 'approval.finance' });
    expect(text.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(text).toContain('state approval {');
    expect(text).toContain('approval_supervisor --> approval_finance: approve [amountIsLarge]');
    expect(text).toContain('class approval_finance current');
  });
});

describe('toDot and renderSvg', () => {
  it('renders a valid SVG with the Chinese labels and the highlighted state', async () => {
    const dot = toDot(describeMachine(machine), { highlight: 'approval.finance' });
    expect(dot).toContain('subgraph "cluster_approval"');
    const svg = await renderSvg(dot);
    expect(E.isRight(svg)).toBe(true);
    if (E.isRight(svg)) {
      expect(svg.right).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*<\/svg>\s*$/);
      expect(svg.right).toContain('订单录入');
      expect(svg.right).toContain('#ffd54f');
    }
  });

  it('draws the way back (reject, amendment, cancel) dashed and grey, without its guards', () => {
    const dot = toDot(describeMachine(machine));
    expect(dot).toMatch(
      /"approval\.supervisor" -> "rejected" \[label="reject", style=dashed, color="#9e9e9e"/,
    );
    expect(dot).toMatch(
      /"approval\.supervisor" -> "approval\.finance" \[label="approve\\n\[amountIsLarge\]"\]/,
    );
  });

  it('returns RenderFailed for DOT that Graphviz cannot parse', async () => {
    const svg = await renderSvg('digraph { a -> }');
    expect(E.isLeft(svg) && svg.left._tag).toBe('RenderFailed');
  });
});
