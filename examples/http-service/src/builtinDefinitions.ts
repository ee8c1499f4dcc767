/** The built-in definitions this service runs. */
import {
  BUILTIN_IDS,
  type Definition,
  type DefinitionError,
  loadBuiltin,
} from '@orderflow/definitions';
import * as E from 'fp-ts/lib/Either.js';

/** Loads every built-in definition, or the errors of the first that fails to load. */
export function builtinDefinitions(): E.Either<readonly DefinitionError[], Definition[]> {
  const definitions: Definition[] = [];
  for (const id of BUILTIN_IDS) {
    const loaded = loadBuiltin(id);
    if (E.isLeft(loaded)) return loaded;
    definitions.push(loaded.right);
  }
  return E.right(definitions);
}
