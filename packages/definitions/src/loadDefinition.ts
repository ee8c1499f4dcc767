/** Loads a definition from YAML/JSON text or a plain object: decode, validate, compile. */
import * as E from 'fp-ts/lib/Either.js';
import { DefinitionCodec } from './codecs/Definition.js';
import type { Definition } from './Definition.js';
import type { DefinitionError } from './DefinitionError.js';
import { codecProblems } from './load/codecProblems.js';
import { type Locate, type Position, parseYamlSource } from './load/parseYamlSource.js';
import { withoutBadParts } from './load/withoutBadParts.js';
import { formatPath, type PathSegment, type Problem } from './validate/Problem.js';
import { validateDefinition } from './validate/validateDefinition.js';

/** Options of {@link loadDefinition}. */
export interface LoadOptions {
  /** The file name to put in errors and on the definition. */
  readonly file?: string;
}

/**
 * Loads a definition. Text is parsed as YAML (JSON is YAML) keeping positions, so every
 * error carries its line and column; an object is decoded as is (errors then have no
 * position). Every problem is reported, not only the first, and a definition with any
 * problem is never returned.
 *
 * @example
 * const loaded = loadDefinition(text, { file: 'orders.yaml' });
 * if (E.isLeft(loaded)) for (const e of loaded.left) console.error(formatDefinitionError(e));
 */
export function loadDefinition(
  input: string | unknown,
  options: LoadOptions = {},
): E.Either<readonly DefinitionError[], Definition> {
  const file = options.file ?? null;
  const toError = (problem: Problem, position: Position | null): DefinitionError => ({
    _tag: 'DefinitionError',
    rule: problem.rule,
    file,
    path: formatPath(problem.path),
    line: position?.line ?? null,
    column: position?.column ?? null,
    message: problem.message,
  });
  let value: unknown = input;
  let locate: Locate | null = null;
  if (typeof input === 'string') {
    const parsed = parseYamlSource(input);
    if (E.isLeft(parsed)) return E.left(parsed.left.map((p) => toError(p.problem, p.position)));
    value = parsed.right.value;
    locate = parsed.right.locate;
  }
  const place = (problems: readonly Problem[]): DefinitionError[] =>
    sortByPosition(problems.map((p) => toError(p, locate === null ? null : locate(p))));

  const decoded = DefinitionCodec.decode(value);
  if (E.isLeft(decoded)) {
    const problems = codecProblems(decoded.left);
    return E.left(place([...problems, ...problemsBesideCodec(value, problems)]));
  }
  const { problems, conditions } = validateDefinition(decoded.right);
  if (problems.length > 0) return E.left(place(problems));
  const definition: Definition = {
    ...decoded.right,
    key: `${decoded.right.id}@${decoded.right.version}`,
    conditions,
    ...(options.file === undefined ? {} : { file: options.file }),
  };
  return E.right(definition);
}

/**
 * The semantic problems of what remains once the parts the codec refused are removed (see
 * {@link withoutBadParts}), so that a typo or one bad value does not hide the rest. Problems
 * at, under or above a removed part are left out: they would only echo the removal.
 */
function problemsBesideCodec(value: unknown, problems: readonly Problem[]): readonly Problem[] {
  const trimmed = withoutBadParts(value, problems);
  if (trimmed === undefined) return [];
  const decoded = DefinitionCodec.decode(trimmed.value);
  if (E.isLeft(decoded)) return [];
  const related = (a: readonly PathSegment[], b: readonly PathSegment[]) =>
    a.slice(0, Math.min(a.length, b.length)).every((s, i) => s === b[i]);
  return validateDefinition(decoded.right).problems.filter(
    (p) => !trimmed.removed.some((cut) => related(p.path, cut)),
  );
}

/** Orders errors by line and column; errors without a position keep their order, first. */
function sortByPosition(errors: DefinitionError[]): DefinitionError[] {
  return errors
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        (a.e.line ?? 0) - (b.e.line ?? 0) || (a.e.column ?? 0) - (b.e.column ?? 0) || a.i - b.i,
    )
    .map((x) => x.e);
}
