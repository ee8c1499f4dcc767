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

/** A readable name for a guard: its registered name, or `a and b` for xstate's combinators. */
const guardName = (guard: unknown): string | null => {
  if (guard === undefined || guard === null) return null;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && 'type' in guard && typeof guard.type === 'string') {
    return guard.type;
  }
  if (typeof guard === 'function') {
    const parts = (guard as { guards?: unknown }).guards;
    if (Array.isArray(parts)) {
      const names = parts.map((g) => guardName(g) ?? 'guard');
      return guard.name === 'not' ? `not ${names.join(', ')}` : names.join(` ${guard.name} `);
    }
    return guard.name || 'guard';
  }
  return 'guard';
};

/** Event names as a reader knows them: xstate's internal done events read `done`. */
const eventName = (event: string): string => (event.startsWith('xstate.done.') ? 'done' : event);

/**
 * Reads the state-node tree of an xstate machine into a {@link MachineGraph}.
 *
 * `labels` names states by path (a definition's stage and step names); otherwise a state's
 * `description`, then its key, is its label.
 *
 * @example
 * const graph = describeMachine(compile(definition), { labels: stateLabelsOf(definition) });
 */
export function describeMachine(
  machine: AnyStateMachine,
  options: { readonly labels?: ReadonlyMap<string, string> } = {},
): MachineGraph {
  const states: DiagramState[] = [];
  const edges: DiagramEdge[] = [];
  const visit = (node: AnyStateNode, parent: AnyStateNode | null): void => {
    if (parent !== null) {
      const initialTargets = parent.type === 'compound' ? parent.initial.target : [];
      states.push({
        id: pathOf(node),
        key: node.key,
        label: options.labels?.get(pathOf(node)) ?? node.description ?? node.key,
        type: node.type,
        parent: parent.parent === undefined ? null : pathOf(parent),
        initial: initialTargets.some((t: AnyStateNode) => t === node),
      });
      const all: [
        string,
        readonly { target?: readonly AnyStateNode[] | undefined; guard?: unknown }[],
      ][] = [...node.transitions, ['always', node.always ?? []]];
      for (const [event, transitions] of all) {
        for (const transition of transitions) {
          for (const target of transition.target ?? []) {
            edges.push({
              from: pathOf(node),
              to: pathOf(target),
              event: eventName(event),
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
