/** A problem found before positions are known: the loader turns it into a DefinitionError. */
import type { RuleId } from '../RULES.js';

/** One segment of a path into a definition: a key or an array index. */
export type PathSegment = string | number;

/** A problem at a path; `target` says whether the key or the value is wrong. */
export interface Problem {
  readonly rule: RuleId;
  readonly path: readonly PathSegment[];
  readonly message: string;
  /** Point at the key (an unknown key) instead of the value; default `value`. */
  readonly target?: 'key' | 'value';
  /** A 0-based character offset inside a string value (a FEEL position). */
  readonly inner?: number;
}

/**
 * Formats a path like `stages[6].steps[2].role`.
 *
 * @example formatPath(['stages', 6, 'role']) // 'stages[6].role'
 */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}
