/** One problem found while loading a definition, with where it is. */
import type { RuleId } from './RULES.js';

/** A problem in a definition file: the rule it breaks, where, and what was expected. */
export interface DefinitionError {
  readonly _tag: 'DefinitionError';
  /** The stable id of the rule (see {@link RULES}). */
  readonly rule: RuleId;
  /** The file, when the definition came from one. */
  readonly file: string | null;
  /** Where in the definition, like `stages[6].steps[2].role`; empty for the whole file. */
  readonly path: string;
  /** 1-based line in the file, when the definition was text. */
  readonly line: number | null;
  /** 1-based column in the file, when the definition was text. */
  readonly column: number | null;
  readonly message: string;
}

/**
 * Formats an error as one line: `file:line:column: path: message` (the parts that are
 * unknown are left out).
 *
 * @example formatDefinitionError(e) // 'a.yaml:12:11: stages[3].role: unknown role "salesRepp" …'
 */
export function formatDefinitionError(error: DefinitionError): string {
  const where = [error.file ?? '<input>', error.line, error.column]
    .filter((x) => x !== null)
    .join(':');
  return `${where}: ${error.path === '' ? '' : `${error.path}: `}${error.message}`;
}
