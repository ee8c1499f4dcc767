/** Checks a `completeTask` payload against the task stage's form. */
import type { StageOf } from '@orderflow/definitions';
import * as E from 'fp-ts/lib/Either.js';
import type { CommandInvalid } from '../errors/EngineError.js';

const TYPE_CHECKS: Readonly<Record<string, (v: unknown) => boolean>> = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  boolean: (v) => typeof v === 'boolean',
  amount: (v) => typeof v === 'string' && /^(0|[1-9]\d*)(\.\d+)?$/.test(v),
  date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
};

/**
 * Every required field of the form is present and every given field has its declared type;
 * a field the form does not declare is refused. Problems name `fields.<name>`.
 */
export function checkTaskForm(
  stage: StageOf<'task'>,
  fields: Readonly<Record<string, unknown>>,
): E.Either<CommandInvalid, void> {
  const problems: { path: string; message: string }[] = [];
  for (const field of stage.form) {
    const value = fields[field.name];
    if (value === undefined) {
      if (field.required !== false)
        problems.push({ path: `fields.${field.name}`, message: 'required' });
    } else if (!(TYPE_CHECKS[field.type]?.(value) ?? false)) {
      problems.push({ path: `fields.${field.name}`, message: `expected a ${field.type}` });
    }
  }
  for (const name of Object.keys(fields)) {
    if (!stage.form.some((f) => f.name === name)) {
      problems.push({ path: `fields.${name}`, message: 'not a field of this form' });
    }
  }
  return problems.length === 0
    ? E.right(undefined)
    : E.left({ _tag: 'CommandInvalid', command: 'completeTask', problems });
}
