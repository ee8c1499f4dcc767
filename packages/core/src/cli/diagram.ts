/** `orderflow diagram`: the compiled machine of a definition as Mermaid, DOT or SVG. */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatDefinitionError } from '@orderflow/definitions';
import { describeMachine } from '../diagram/describeMachine.js';
import { renderSvg } from '../diagram/renderSvg.js';
import { stateLabelsOf } from '../diagram/stateLabelsOf.js';
import { toDot } from '../diagram/toDot.js';
import { toMermaid } from '../diagram/toMermaid.js';
import { compile } from '../machine/compile.js';
import type { CliIo } from './CliIo.js';
import { loadDefinitionArg } from './loadDefinitionArg.js';
import { startDefinitionCommand } from './startDefinitionCommand.js';

/** The help text of `orderflow diagram`. */
export const DIAGRAM_USAGE = [
  'Usage: orderflow diagram <file|builtin-id> [--format mermaid|dot|svg] [--highlight <state>] [--out <file>]',
  '',
  'Draws the compiled machine of a definition, approval chain included. SVG is rendered',
  'in-process by Graphviz compiled to WebAssembly (no browser, no system Graphviz).',
  '  --format     mermaid (default), dot or svg',
  '  --highlight  a state path to highlight, e.g. approval or approval.control',
  '  --out        write to this file instead of standard output',
].join('\n');

const FORMATS = ['mermaid', 'dot', 'svg'] as const;
type Format = (typeof FORMATS)[number];

/**
 * Runs `orderflow diagram` on `args` (the words after `diagram`); resolves to the exit code.
 *
 * @example await runDiagram(['private-fund-subscription', '--format', 'svg', '--out', 'pf.svg'], processIo)
 */
export async function runDiagram(args: string[], io: CliIo): Promise<number> {
  const start = startDefinitionCommand('diagram', DIAGRAM_USAGE, parse, args, io);
  if (start._tag === 'Exit') return start.code;
  const { parsed, source, fail } = start;
  const format = (parsed.values.format ?? 'mermaid') as Format;
  if (!FORMATS.includes(format)) {
    return fail(`unknown format "${format}"; expected one of ${FORMATS.join(', ')}`);
  }
  const loaded = loadDefinitionArg(source);
  if (loaded._tag === 'Left') {
    for (const error of loaded.left) io.err(formatDefinitionError(error));
    return 1;
  }
  const graph = describeMachine(compile(loaded.right), { labels: stateLabelsOf(loaded.right) });
  const highlight = parsed.values.highlight;
  if (highlight !== undefined && !graph.states.some((s) => s.id === highlight)) {
    const tops = graph.states.filter((s) => s.parent === null).map((s) => s.id);
    return fail(
      `no state "${highlight}" in ${loaded.right.key}; top-level states: ${tops.join(', ')}`,
    );
  }
  const options = highlight === undefined ? {} : { highlight };
  let text: string;
  if (format === 'mermaid') text = toMermaid(graph, options);
  else if (format === 'dot') text = toDot(graph, options);
  else {
    const svg = await renderSvg(toDot(graph, options));
    if (svg._tag === 'Left') return fail(svg.left.message);
    text = svg.right;
  }
  const out = parsed.values.out;
  if (out === undefined) {
    io.out(text.trimEnd());
    return 0;
  }
  try {
    writeFileSync(out, text);
  } catch (error) {
    return fail(`cannot write ${out}: ${error instanceof Error ? error.message : String(error)}`);
  }
  io.out(
    `${out}: ${format} diagram of ${loaded.right.key} (${graph.states.length} states, ${graph.edges.length} transitions)`,
  );
  return 0;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    options: {
      help: { type: 'boolean', short: 'h' },
      format: { type: 'string', short: 'f' },
      highlight: { type: 'string' },
      out: { type: 'string', short: 'o' },
    },
    allowPositionals: true,
    strict: true,
  });
}
