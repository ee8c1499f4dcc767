/** How CLI commands read a definition argument: a file path, or a built-in id. */
import { existsSync } from 'node:fs';
import {
  type Definition,
  type DefinitionError,
  isBuiltinId,
  loadBuiltin,
  loadDefinitionFile,
} from '@orderflow/definitions';
import type * as E from 'fp-ts/lib/Either.js';

/**
 * Loads `arg` as a definition file, or as a built-in id when no such file exists
 * (`orderflow diagram private-fund-subscription`).
 */
export function loadDefinitionArg(arg: string): E.Either<readonly DefinitionError[], Definition> {
  if (!existsSync(arg) && isBuiltinId(arg)) return loadBuiltin(arg);
  return loadDefinitionFile(arg);
}
