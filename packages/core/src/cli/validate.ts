/** `orderflow validate <file...>`: load each definition and report every problem. */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  type Definition,
  type DefinitionError,
  formatDefinitionError,
  isBuiltinId,
  loadBuiltin,
  loadDefinitionFile,
} from '@orderflow/definitions';
import type * as E from 'fp-ts/lib/Either.js';
import type { CliIo } from './CliIo.js';

/** The help text of `orderflow validate`. */
export const VALIDATE_USAGE = [
  'Usage: orderflow validate <file|builtin-id>...',
  '',
  'Loads each definition (YAML or JSON) and checks every rule. Prints one summary line per',
  'valid file; otherwise one line per problem, `file:line:column: path: message`, and exits 1.',
  'A built-in id (e.g. private-fund-subscription) is accepted when no such file exists.',
].join('\n');

/**
 * Runs `orderflow validate` on `args` (the words after `validate`) and returns the exit
 * code: 0 when every file is valid, 1 when any has a problem or the arguments are wrong.
 *
 * @example runValidate(['orders.yaml'], processIo) // 0, after printing "orders.yaml: ok …"
 */
export function runValidate(args: string[], io: CliIo): number {
  let files: string[];
  try {
    const parsed = parseArgs({
      args,
      options: { help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (parsed.values.help === true) {
      io.out(VALIDATE_USAGE);
      return 0;
    }
    files = parsed.positionals;
  } catch (error) {
    io.err(`orderflow validate: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  if (files.length === 0) {
    io.err('orderflow validate: no file given');
    io.err(VALIDATE_USAGE);
    return 1;
  }
  let failed = false;
  for (const file of files) {
    const loaded = load(file);
    if (loaded._tag === 'Left') {
      failed = true;
      for (const error of loaded.left) io.err(formatDefinitionError(error));
    } else {
      io.out(summary(file, loaded.right));
    }
  }
  return failed ? 1 : 0;
}

function load(file: string): E.Either<readonly DefinitionError[], Definition> {
  if (!existsSync(file) && isBuiltinId(file)) return loadBuiltin(file);
  return loadDefinitionFile(file);
}

function summary(file: string, d: Definition): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${file}: ok ${d.key} (${d.productKind}, ${d.currency}): ${count(d.stages.length, 'stage')}, ${count(Object.keys(d.roles).length, 'role')}, ${count(d.conditions.size, 'condition')}`;
}
