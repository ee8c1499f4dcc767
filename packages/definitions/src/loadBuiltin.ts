/** The built-in definitions shipped in the package's `builtin/` folder (DESIGN §2). */
import { fileURLToPath } from 'node:url';
import type * as E from 'fp-ts/lib/Either.js';
import type { Definition } from './Definition.js';
import type { DefinitionError } from './DefinitionError.js';
import { loadDefinitionFile } from './loadDefinitionFile.js';

/** The ids of the built-in definitions. */
export const BUILTIN_IDS = [
  'public-fund-purchase',
  'private-fund-subscription',
  'bank-wealth-private',
  'asset-management-plan',
] as const;

/** The id of a built-in definition. */
export type BuiltinId = (typeof BUILTIN_IDS)[number];

/**
 * Tells whether a string is the id of a built-in definition.
 *
 * @example isBuiltinId('public-fund-purchase') // true
 */
export function isBuiltinId(id: string): id is BuiltinId {
  return (BUILTIN_IDS as readonly string[]).includes(id);
}

/**
 * The absolute path of a built-in definition's YAML file (works from `src/` and `dist/`).
 *
 * @example builtinPath('private-fund-subscription') // '/…/definitions/builtin/private-fund-subscription.yaml'
 */
export function builtinPath(id: BuiltinId): string {
  return fileURLToPath(new URL(`../builtin/${id}.yaml`, import.meta.url));
}

/**
 * Loads and validates a built-in definition.
 *
 * @example loadBuiltin('public-fund-purchase') // right(definition)
 */
export function loadBuiltin(id: BuiltinId): E.Either<readonly DefinitionError[], Definition> {
  return loadDefinitionFile(builtinPath(id));
}
