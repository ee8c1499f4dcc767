/** `orderflow validate <file...>`: load each definition and report every problem. */
import { parseArgs } from 'node:util';
import { type Definition, formatDefinitionError } from '@orderflow/definitions';
import type { CliIo } from './CliIo.js';
import { loadDefinitionArg } from './loadDefinitionArg.js';

/** The help text of `orderflow validate`. */
export const VALIDATE_USAGE = [
  'Usage: orderflow validate [--json] <file|builtin-id>...',
  '',
  'Loads each definition (YAML or JSON) and checks every rule. Prints one summary line per',
  'valid file; otherwise one line per problem, `file:line:column: path: message`, and exits 1.',
  'A built-in id (e.g. private-fund-subscription) is accepted when no such file exists.',
  '',
  'Options:',
  '  --json      print one JSON array on stdout: { file, valid, key?, errors } per file',
  '  -h, --help  print this help',
].join('\n');

/**
 * Runs `orderflow validate` on `args` (the words after `validate`) and returns the exit
 * code: 0 when every file is valid, 1 when any has a problem or the arguments are wrong.
 *
 * @example runValidate(['orders.yaml'], processIo) // 0, after printing "orders.yaml: ok …"
 */
export function runValidate(args: string[], io: CliIo): number {
  let files: string[];
  let json = false;
  try {
    const parsed = parseArgs({
      args,
      options: { help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    if (parsed.values.help === true) {
      io.out(VALIDATE_USAGE);
      return 0;
    }
    files = parsed.positionals;
    json = parsed.values.json === true;
  } catch (error) {
    io.err(`orderflow validate: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  if (files.length === 0) {
    io.err('orderflow validate: no file given');
    io.err(VALIDATE_USAGE);
    return 1;
  }
  const results = files.map((file) => ({ file, loaded: loadDefinitionArg(file) }));
  const failed = results.some((r) => r.loaded._tag === 'Left');
  if (json) {
    const report = results.map(({ file, loaded }) =>
      loaded._tag === 'Left'
        ? { file, valid: false, errors: loaded.left }
        : { file, valid: true, key: loaded.right.key, errors: [] },
    );
    io.out(JSON.stringify(report, null, 2));
    return failed ? 1 : 0;
  }
  for (const { file, loaded } of results) {
    if (loaded._tag === 'Left') {
      for (const error of loaded.left) io.err(formatDefinitionError(error));
    } else {
      io.out(summary(file, loaded.right));
    }
  }
  return failed ? 1 : 0;
}

function summary(file: string, d: Definition): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${file}: ok ${d.key} (${d.productKind}, ${d.currency}): ${count(d.stages.length, 'stage')}, ${count(Object.keys(d.roles).length, 'role')}, ${count(d.conditions.size, 'condition')}`;
}
