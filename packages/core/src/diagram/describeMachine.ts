/**
 * A plain graph of a compiled machine: its states (nested) and its transitions, read from
 * xstate's state-node tree. The diagram writers draw from this, so they never depend on
 * how a stage kind builds its fragment.
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate';

/** One state of the machine. `id` is the dotted path from the root (`approval.risk`). */
export interface DiagramState {
  readonly id: string;
  readonly key: string;
  readonly label: string;
  readonly type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  /** The parent state's id, or `null` for the top-level states. */
  readonly parent: string | null;
  /** Whether this is the initial child of its parent. */
  readonly initial: boolean;
}

/** One transition: from a state, on an event, to a state, behind an optional named guard. */
export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly event: string;
  readonly guard: string | null;
}

/** The states and transitions of a machine, in document order. */
export interface MachineGraph {
  readonly id: string;
  readonly states: readonly DiagramState[];
  readonly edges: readonly DiagramEdge[];
}

const pathOf = (node: AnyStateNode): string => node.path.join('.');

const guardName = (guard: unknown): string | null => {
  if (guard === undefined || guard === null) return null;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && 'type' in guard && typeof guard.type === 'string')
    return guard.type;
  if (typeof guard === 'function') return guard.name || 'guard';
  return 'guard';
};

/**
 * Reads the state-node tree of an xstate machine into a {@link MachineGraph}.
 *
 * @example
 * const graph = describeMachine(compile(definition));
 */
export function describeMachine(machine: AnyStateMachine): MachineGraph {
  const states: DiagramState[] = [];
  const edges: DiagramEdge[] = [];
  const visit = (node: AnyStateNode, parent: AnyStateNode | null): void => {
    if (parent !== null) {
      const initialTargets = parent.type === 'compound' ? parent.initial.target : [];
      states.push({
        id: pathOf(node),
        key: node.key,
        label: node.description ?? node.key,
        type: node.type,
        parent: parent.parent === undefined ? null : pathOf(parent),
        initial: initialTargets.some((t: AnyStateNode) => t === node),
      });
      for (const [event, transitions] of node.transitions) {
        for (const transition of transitions) {
          for (const target of transition.target ?? []) {
            edges.push({
              from: pathOf(node),
              to: pathOf(target),
              event,
              guard: guardName(transition.guard),
            });
          }
        }
      }
    }
    for (const child of Object.values(node.states) as AnyStateNode[]) visit(child, node);
  };
  visit(machine.root, null);
  return { id: machine.id, states, edges };
}
