/**
 * Checks a FEEL expression (or a list of unary tests) once at load: syntax, with the
 * position of the problem inside the text, and the names it reads against the condition
 * context. feelin evaluates from text, so the checked text is what later runs.
 */
import {
  evaluate,
  SyntaxError as FeelSyntaxError,
  parseExpression,
  parseUnaryTests,
  unaryTest,
} from 'feelin';
import { suggestKey } from '../suggestKey.js';
import {
  CONDITION_NAMES,
  CONDITION_PATHS,
  type NameShape,
  SAMPLE_CONTEXT,
} from './conditionNames.js';

/** A problem in a FEEL text; `offset` is the 0-based character inside the text. */
export interface FeelProblem {
  readonly rule: 'feel-syntax' | 'feel-unknown-name' | 'feel-not-boolean';
  readonly offset: number;
  readonly message: string;
}

/** What {@link checkFeel} found: problems, and the context names the text reads. */
export interface FeelCheck {
  readonly problems: readonly FeelProblem[];
  readonly names: readonly string[];
}

/** Whether a FEEL text is a whole expression or the unary tests of a decision-table cell. */
export type FeelMode = 'expression' | 'unaryTests';

/** A node of feelin's parse tree. */
type SyntaxNode = ReturnType<typeof parseExpression>['topNode'];

const builtinCache = new Map<string, boolean>();

function isBuiltinFunction(name: string): boolean {
  let known = builtinCache.get(name);
  if (known === undefined) {
    try {
      known = typeof evaluate(name, {}).value === 'function';
    } catch {
      known = false;
    }
    builtinCache.set(name, known);
  }
  return known;
}

/**
 * Checks `text` as FEEL: a syntax error is reported at its character, and so is every name
 * the condition context cannot have (with a "did you mean" when one is close).
 *
 * @example checkFeel('amount >= ', 'expression').problems[0]?.offset // 10
 */
export function checkFeel(text: string, mode: FeelMode): FeelCheck {
  const syntax = syntaxProblem(text, mode);
  if (syntax !== undefined) return { problems: [syntax], names: [] };
  const tree =
    mode === 'expression'
      ? parseExpression(text, { ...SAMPLE_CONTEXT }, undefined)
      : parseUnaryTests(text, { ...SAMPLE_CONTEXT }, undefined);
  const locals = new Set<string>(['?']);
  const variables: SyntaxNode[] = [];
  tree.iterate({
    enter(ref) {
      if (ref.name === 'Name') locals.add(text.slice(ref.from, ref.to));
      if (ref.name === 'VariableName') variables.push(ref.node);
    },
  });
  const problems: FeelProblem[] = [];
  const names = new Set<string>();
  for (const node of variables) {
    const name = text.slice(node.from, node.to);
    const parent = node.parent;
    if (parent?.name === 'FunctionInvocation' && parent.firstChild?.from === node.from) {
      if (!locals.has(name) && !isBuiltinFunction(name)) {
        problems.push({
          rule: 'feel-unknown-name',
          offset: node.from,
          message: `unknown FEEL function "${name}" at character ${node.from + 1}`,
        });
      }
      continue;
    }
    if (locals.has(name)) continue;
    checkPath(text, node, problems, names);
  }
  return { problems, names: [...names] };
}

/** Follows `a.b.c` up from its first name and checks each member against the context. */
function checkPath(
  text: string,
  first: SyntaxNode,
  problems: FeelProblem[],
  names: Set<string>,
): void {
  const root = text.slice(first.from, first.to);
  const unknown = (path: string, offset: number): void => {
    const hint = suggestKey(path, CONDITION_PATHS);
    problems.push({
      rule: 'feel-unknown-name',
      offset,
      message: `unknown name "${path}" at character ${offset + 1}${hint ? ` (did you mean "${hint}"?)` : ''}; a condition may read ${CONDITION_PATHS.join(', ')}`,
    });
  };
  if (!Object.hasOwn(CONDITION_NAMES, root)) {
    unknown(root, first.from);
    return;
  }
  let shape: NameShape = CONDITION_NAMES[root] ?? null;
  let path = root;
  let node: SyntaxNode = first;
  while (
    node.parent?.name === 'PathExpression' &&
    node.parent.firstChild?.from === node.from &&
    node.parent.firstChild.to === node.to
  ) {
    const member = node.parent.getChild('PathName');
    if (member === null) break;
    const name = text.slice(member.from, member.to);
    path = `${path}.${name}`;
    if (shape === null || !Object.hasOwn(shape, name)) {
      unknown(path, member.from);
      return;
    }
    shape = shape[name] ?? null;
    node = node.parent;
  }
  names.add(path);
}

/** The first syntax error of `text`, found by parsing and trying it on a sample context. */
function syntaxProblem(text: string, mode: FeelMode): FeelProblem | undefined {
  const at = (offset: number, detail: string): FeelProblem => ({
    rule: 'feel-syntax',
    offset,
    message: `FEEL syntax error at character ${offset + 1} of ${JSON.stringify(text)}: ${detail}`,
  });
  try {
    if (mode === 'expression') evaluate(text, { ...SAMPLE_CONTEXT });
    else unaryTest(text, { ...SAMPLE_CONTEXT, '?': SAMPLE_CONTEXT.amount });
  } catch (error) {
    if (error instanceof FeelSyntaxError) return at(error.position.from, error.message);
    return at(0, `cannot be evaluated (${error instanceof Error ? error.message : String(error)})`);
  }
  return undefined;
}
