/** Turns a checked FEEL `when` text into a {@link Condition} the engine evaluates. */

import { evaluate } from 'feelin';
import * as E from 'fp-ts/lib/Either.js';
import type { Condition, ConditionContext, ConditionFailed } from '../Definition.js';
import { checkFeel, type FeelProblem } from './checkFeel.js';
import { SAMPLE_CONTEXT } from './conditionNames.js';

/**
 * Checks `source` once (syntax, names, and that it gives true or false on a sample order)
 * and returns a condition that evaluates it on an order. Evaluation never throws: a
 * non-boolean result or a feelin error is a `ConditionFailed`.
 *
 * @example compileCondition('amount >= 5000000') // right(condition)
 */
export function compileCondition(source: string): E.Either<readonly FeelProblem[], Condition> {
  const checked = checkFeel(source, 'expression');
  if (checked.problems.length > 0) return E.left(checked.problems);
  const sample = evaluateCondition(source, SAMPLE_CONTEXT);
  if (E.isLeft(sample)) {
    // Catches `when: amount` and FEEL's precedence trap `x in [..] or y` (= x in ([..] or y)).
    return E.left([
      {
        rule: 'feel-not-boolean',
        offset: 0,
        message: `a condition must give true or false; on a sample order it gives ${sample.left.message.replace(/^expected true or false, got /, '')}`,
      },
    ]);
  }
  return E.right({
    source,
    names: checked.names,
    evaluate: (context) => evaluateCondition(source, context),
  });
}

function evaluateCondition(
  source: string,
  context: ConditionContext,
): E.Either<ConditionFailed, boolean> {
  const failed = (message: string): E.Either<ConditionFailed, boolean> =>
    E.left({ _tag: 'ConditionFailed', expression: source, message });
  try {
    const { value, warnings } = evaluate(source, { ...context });
    if (typeof value === 'boolean') return E.right(value);
    const why = warnings.map((w) => w.message).join('; ');
    return failed(
      `expected true or false, got ${JSON.stringify(value) ?? 'nothing'}${why ? ` (${why})` : ''}`,
    );
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
}
