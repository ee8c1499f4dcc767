/** Loads a fixture and returns its errors as compact tuples, or fails when it loads. */
import { type DefinitionError, loadDefinition, type RuleId } from '@orderflow/definitions';
import * as E from 'fp-ts/lib/Either.js';

/** An error as `[rule, path, line, column, message]`. */
export type ErrorTuple = [RuleId, string, number | null, number | null, string];

/** The errors of loading `text`, as tuples; an empty list when it loads. */
export function errorsOf(text: string | unknown, file?: string): ErrorTuple[] {
  const loaded = loadDefinition(text, file === undefined ? {} : { file });
  return E.isLeft(loaded) ? loaded.left.map(toTuple) : [];
}

/** One error as a tuple. */
export function toTuple(e: DefinitionError): ErrorTuple {
  return [e.rule, e.path, e.line, e.column, e.message];
}
