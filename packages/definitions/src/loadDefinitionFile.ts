/** Loads a definition from a YAML or JSON file. */
import { readFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import type { Definition } from './Definition.js';
import type { DefinitionError } from './DefinitionError.js';
import { loadDefinition } from './loadDefinition.js';

/**
 * Reads `path` (UTF-8) and loads it with {@link loadDefinition}; errors name the file. A
 * file that cannot be read is a `file-read` error.
 *
 * @example loadDefinitionFile('definitions/orders.yaml')
 */
export function loadDefinitionFile(path: string): E.Either<readonly DefinitionError[], Definition> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return E.left([
      {
        _tag: 'DefinitionError',
        rule: 'file-read',
        file: path,
        path: '',
        line: null,
        column: null,
        message: `cannot read the file (${reason})`,
      },
    ]);
  }
  return loadDefinition(text, { file: path });
}
