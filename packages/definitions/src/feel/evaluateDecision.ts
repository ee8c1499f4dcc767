/** Evaluates an approval stage's decision table (hit policy: collect). */

import { evaluate, unaryTest } from 'feelin';
import * as E from 'fp-ts/lib/Either.js';
import type { DecisionTable } from '../codecs/Definition.js';
import type { ConditionContext, ConditionFailed } from '../Definition.js';

/** The outcome of a decision table on one order. */
export interface Decision {
  /** Step ids required by the matching rules, in rule order, without duplicates. */
  readonly required: readonly string[];
  /** 0-based indexes of the rules that matched. */
  readonly matchedRules: readonly number[];
}

/**
 * Evaluates each input once, then every rule: a rule matches when each of its unary tests
 * (`-` matches anything) accepts the matching input. The required steps of all matching
 * rules are collected. Steps that no rule names are always required: the engine adds
 * them (see docs/definition-reference.md).
 *
 * @example evaluateDecision(stage.decision, context) // right({ required: ['finance'], matchedRules: [1] })
 */
export function evaluateDecision(
  table: DecisionTable,
  context: ConditionContext,
): E.Either<ConditionFailed, Decision> {
  const values: unknown[] = [];
  for (const input of table.inputs) {
    try {
      values.push(evaluate(input, { ...context }).value);
    } catch (error) {
      return E.left(failed(input, error));
    }
  }
  const required: string[] = [];
  const matchedRules: number[] = [];
  for (const [index, rule] of table.rules.entries()) {
    let matches = true;
    for (const [i, test] of rule.when.entries()) {
      if (test.trim() === '-') continue;
      try {
        if (unaryTest(test, { ...context, '?': values[i] ?? null }).value !== true) {
          matches = false;
          break;
        }
      } catch (error) {
        return E.left(failed(test, error));
      }
    }
    if (!matches) continue;
    matchedRules.push(index);
    for (const step of rule.require) if (!required.includes(step)) required.push(step);
  }
  return E.right({ required, matchedRules });
}

function failed(expression: string, error: unknown): ConditionFailed {
  return {
    _tag: 'ConditionFailed',
    expression,
    message: error instanceof Error ? error.message : String(error),
  };
}
