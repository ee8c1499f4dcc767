/** Turns io-ts validation errors into readable, rule-tagged problems with paths. */
import type * as t from 'io-ts';
import { UNKNOWN_KEY } from '../codecs/struct.js';
import type { RuleId } from '../RULES.js';
import type { PathSegment, Problem } from '../validate/Problem.js';

const RULE_BY_TYPE: Readonly<Record<string, RuleId>> = {
  DecimalAmount: 'amount-format',
  Duration: 'duration',
  CurrencyCode: 'currency',
  StageKind: 'unknown-kind',
  MinimumAmount: 'amount-format',
};

/**
 * Converts io-ts errors (one per failing leaf) to problems: the path is rebuilt from the
 * context (array indexes as numbers), the rule comes from the failing codec, and a message
 * is made for the io-ts codecs that carry none.
 */
export function codecProblems(errors: t.Errors): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const path: PathSegment[] = [];
    for (let i = 1; i < error.context.length; i++) {
      const entry = error.context[i];
      const parent = error.context[i - 1];
      if (entry === undefined || entry.key === '') continue;
      path.push(Array.isArray(parent?.actual) ? Number(entry.key) : entry.key);
    }
    const last = error.context[error.context.length - 1];
    const parentValue = error.context[error.context.length - 2]?.actual;
    const problem = describe(error, last, parentValue, path);
    const key = `${problem.rule}|${path.join('/')}|${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function describe(
  error: t.ValidationError,
  last: t.ContextEntry | undefined,
  parentValue: unknown,
  path: PathSegment[],
): Problem {
  const typeName = last?.type.name ?? 'value';
  if (error.message?.startsWith(UNKNOWN_KEY)) {
    return { rule: 'unknown-key', path, message: error.message, target: 'key' };
  }
  const keyName = last?.key ?? '';
  if (
    error.value === undefined &&
    typeof parentValue === 'object' &&
    parentValue !== null &&
    !(keyName in parentValue)
  ) {
    return {
      rule: 'missing-key',
      path,
      message: `missing required key "${keyName}" (expected ${typeName})`,
    };
  }
  const rule = RULE_BY_TYPE[typeName] ?? 'invalid-value';
  if (error.message !== undefined) {
    // A record key that fails its domain codec is reported on the key.
    const onKey =
      typeof parentValue === 'object' &&
      parentValue !== null &&
      !Array.isArray(parentValue) &&
      error.value === keyName &&
      last?.actual === keyName;
    return onKey
      ? { rule, path, message: error.message, target: 'key' }
      : { rule, path, message: error.message };
  }
  return { rule, path, message: `expected ${expectedOf(last?.type)}, got ${show(error.value)}` };
}

function expectedOf(type: t.Decoder<unknown, unknown> | undefined): string {
  if (type === undefined) return 'a value';
  const tagged = type as { _tag?: string; keys?: Record<string, unknown>; value?: unknown };
  if (tagged._tag === 'KeyofType' && tagged.keys !== undefined) {
    return `one of ${Object.keys(tagged.keys).join(', ')}`;
  }
  if (tagged._tag === 'LiteralType') return JSON.stringify(tagged.value);
  if (tagged._tag === 'ArrayType') return 'a list';
  if (tagged._tag === 'DictionaryType') return 'a mapping';
  return `a ${type.name}`;
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value));
}
