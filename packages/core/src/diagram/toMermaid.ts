/** Writes a machine graph as a Mermaid `stateDiagram-v2`. */
import type { MachineGraph } from './describeMachine.js';

/** Options of the diagram writers. */
export interface DiagramOptions {
  /** A state id (dotted path) to draw highlighted, e.g. where an order is now. */
  readonly highlight?: string;
}

const mermaidId = (id: string): string => id.replace(/[^A-Za-z0-9_]/g, '_');

/**
 * Renders a Mermaid state diagram: nested states as composite states, transitions labelled
 * with their event and guard.
 *
 * @example toMermaid(describeMachine(machine), { highlight: 'approval.risk' })
 */
export function toMermaid(graph: MachineGraph, options: DiagramOptions = {}): string {
  const lines = ['stateDiagram-v2'];
  const children = (parent: string | null) => graph.states.filter((s) => s.parent === parent);
  const write = (parent: string | null, indent: string): void => {
    for (const state of children(parent)) {
      const id = mermaidId(state.id);
      lines.push(`${indent}state "${state.label.replace(/"/g, "'")}" as ${id}`);
      if (state.initial) lines.push(`${indent}[*] --> ${id}`);
      if (state.type === 'final') lines.push(`${indent}${id} --> [*]`);
      if (children(state.id).length > 0) {
        lines.push(`${indent}state ${id} {`);
        write(state.id, `${indent}  `);
        lines.push(`${indent}}`);
      }
    }
  };
  write(null, '  ');
  for (const edge of graph.edges) {
    const label = edge.guard ? `${edge.event} [${edge.guard}]` : edge.event;
    lines.push(`  ${mermaidId(edge.from)} --> ${mermaidId(edge.to)}: ${label}`);
  }
  if (options.highlight !== undefined) {
    lines.push('  classDef current fill:#ffd54f,stroke:#e65100,stroke-width:3px');
    lines.push(`  class ${mermaidId(options.highlight)} current`);
  }
  return `${lines.join('\n')}\n`;
}
