/** Writes a machine graph as Graphviz DOT, nested states as clusters. */
import type { MachineGraph } from './describeMachine.js';
import type { DiagramOptions } from './toMermaid.js';

/** Events that lead back or out (amendment, rejection, cancellation): drawn dashed and grey. */
const DETOUR_EVENTS: ReadonlySet<string> = new Set(['returnForAmendment', 'reject', 'cancel']);

/** A DOT string: backslashes and quotes escaped, line breaks as DOT's `\n`. */
const quote = (s: string): string =>
  `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
const clusterId = (id: string): string => quote(`cluster_${id}`);

/**
 * Renders DOT: atomic and final states are nodes; compound and parallel states are clusters
 * with an invisible anchor node, so transitions into them can be drawn.
 *
 * @example toDot(describeMachine(machine))
 */
export function toDot(graph: MachineGraph, options: DiagramOptions = {}): string {
  const lines = [
    `digraph ${quote(graph.id)} {`,
    '  rankdir=LR; compound=true;',
    '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="sans-serif"];',
    '  edge [fontname="sans-serif", fontsize=10];',
  ];
  const children = (parent: string | null) => graph.states.filter((s) => s.parent === parent);
  const hasChildren = (id: string) => graph.states.some((s) => s.parent === id);
  // A transition into a compound state is drawn to its initial leaf.
  const entryOf = (id: string): string => {
    const kids = children(id);
    if (kids.length === 0) return id;
    const first = kids.find((k) => k.initial) ?? kids[0];
    return first === undefined ? id : entryOf(first.id);
  };
  const write = (parent: string | null, indent: string): void => {
    for (const state of children(parent)) {
      const highlighted = options.highlight === state.id;
      if (hasChildren(state.id)) {
        lines.push(`${indent}subgraph ${clusterId(state.id)} {`);
        lines.push(
          `${indent}  label=${quote(state.label)}; style="rounded${highlighted ? ',filled' : ''}";${highlighted ? ' fillcolor="#ffd54f";' : ''}`,
        );
        write(state.id, `${indent}  `);
        lines.push(`${indent}}`);
      } else {
        const attrs = [`label=${quote(state.label)}`];
        if (state.type === 'final') attrs.push('shape=doublecircle');
        if (highlighted) attrs.push('fillcolor="#ffd54f"', 'penwidth=3');
        lines.push(`${indent}${quote(state.id)} [${attrs.join(', ')}];`);
      }
    }
  };
  write(null, '  ');
  const top = children(null).find((s) => s.initial);
  if (top !== undefined) {
    lines.push('  "__start" [shape=point, label=""];');
    lines.push(`  "__start" -> ${quote(entryOf(top.id))};`);
  }
  for (const edge of graph.edges) {
    // The way back (amendment, cancellation) is drawn light, so the way forward reads first.
    const detour = DETOUR_EVENTS.has(edge.event);
    const label = edge.guard && !detour ? `${edge.event}\n[${edge.guard}]` : edge.event;
    const from = entryOf(edge.from);
    const attrs = [`label=${quote(label)}`];
    if (detour) attrs.push('style=dashed', 'color="#9e9e9e"', 'fontcolor="#9e9e9e"');
    if (hasChildren(edge.from)) attrs.push(`ltail=${clusterId(edge.from)}`);
    if (hasChildren(edge.to)) attrs.push(`lhead=${clusterId(edge.to)}`);
    lines.push(`  ${quote(from)} -> ${quote(entryOf(edge.to))} [${attrs.join(', ')}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
