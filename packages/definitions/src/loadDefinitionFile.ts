/** Loads a definition from a YAML or JSON file. */
import { readFileSync, statSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import type { Definition } from './Definition.js';
import type { DefinitionError } from './DefinitionError.js';
import { MAX_DEFINITION_BYTES } from './load/parseYamlSource.js';
import { loadDefinition } from './loadDefinition.js';

/**
 * Reads `path` (UTF-8) and loads it with {@link loadDefinition}; errors name the file. A
 * file that cannot be read is a `file-read` error.
 *
 * @example loadDefinitionFile('definitions/orders.yaml')
 */
export function loadDefinitionFile(path: string): E.Either<readonly DefinitionError[], Definition> {
  const fail = (rule: 'file-read' | 'yaml-size-limit', message: string) =>
    E.left([
      {
        _tag: 'DefinitionError',
        rule,
        file: path,
        path: '',
        line: null,
        column: null,
        message,
      } as const,
    ]);
  let text: string;
  try {
    // Refuse a huge file before reading it into memory.
    const size = statSync(path).size;
    if (size > MAX_DEFINITION_BYTES) {
      return fail(
        'yaml-size-limit',
        `the definition is ${size} bytes; the limit is ${MAX_DEFINITION_BYTES}`,
      );
    }
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return fail(
      'file-read',
      `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  return loadDefinition(text, { file: path });
}
