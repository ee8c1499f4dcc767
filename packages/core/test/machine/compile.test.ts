import { compile, RULE_GUARDS } from '@orderflow/core';
import { describe, expect, it } from 'vitest';
import { chainDefinition } from '../support/chainDefinition.js';
import { builtin } from '../support/harness.js';

type Node = {
  key: string;
  states: Record<string, Node>;
  on: Record<string, readonly { guard?: unknown }[]>;
};

/** Names of the guards a machine's transitions use (inside `and([...])` too). */
const guardNames = (root: Node): Set<string> => {
  const names = new Set<string>();
  const add = (g: unknown): void => {
    if (typeof g === 'string') names.add(g);
    else if (
      typeof g === 'function' &&
      Array.isArray((g as unknown as { guards?: unknown[] }).guards)
    ) {
      for (const inner of (g as unknown as { guards: unknown[] }).guards) add(inner);
    } else if (typeof g === 'object' && g !== null && 'type' in g) names.add(String(g.type));
  };
  const visit = (node: Node) => {
    for (const transitions of Object.values(node.on)) for (const t of transitions) add(t.guard);
    for (const child of Object.values(node.states)) visit(child);
  };
  visit(root);
  return names;
};

describe('compile', () => {
  it('compiles a definition once and returns the cached machine after', () => {
    const definition = builtin('public-fund-purchase');
    expect(compile(definition)).toBe(compile(definition));
  });

  it('registers every rule guard by its stable id, and uses them by name on transitions', () => {
    const machine = compile(builtin('private-fund-subscription'));
    const registered = Object.keys(machine.implementations.guards);
    for (const rule of Object.keys(RULE_GUARDS)) expect(registered).toContain(rule);
    const used = guardNames(machine.root as unknown as Node);
    for (const rule of [
      'segregation-of-duties',
      'role-line',
      'needs-confirmation',
      'assessment-expired',
      'suitability',
      'lowest-category',
      'qualified-investor',
      'minimum-amount',
      'amount-mismatch',
      'payer-account',
      'guaranteed-return',
      'signature-evidence',
      'recording-required',
      'cooling-off',
      'approvals-incomplete',
      'return-visit-required',
      'cut-off',
    ]) {
      expect(used).toContain(rule);
    }
  });

  it('expands an approval chain into one state per step or parallel group, in order', () => {
    const machine = compile(builtin('asset-management-plan'));
    const approval = (machine.root as unknown as Node).states.approval;
    expect(Object.keys(approval?.states ?? {})).toEqual([
      'supervisor',
      'control',
      'legal',
      'finance',
      'approved',
    ]);
  });

  it('builds only the end states a definition can reach', () => {
    const machine = compile(
      chainDefinition('ends', '      - { id: risk, role: riskOfficer, aspect: risk }'),
    );
    const tops = Object.keys((machine.root as unknown as Node).states);
    expect(tops).toContain('cancelled');
    expect(tops).not.toContain('withdrawn');
    expect(tops).not.toContain('expired');
    expect(tops).not.toContain('unconfirmed');
  });
});
