import {
  type ConditionContext,
  checkFeel,
  compileCondition,
  type DecisionTable,
  evaluateDecision,
} from '@orderflow/definitions';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';

const order = (amount: number, riskLevel = 'R3', category = 'mixed'): ConditionContext => ({
  amount,
  currency: 'CNY',
  channel: 'branch',
  product: { code: 'F1', name: 'Fund', riskLevel, category, kind: 'privateFund' },
  investor: {
    kind: 'individual',
    classification: 'ordinary',
    riskLevel: 'C4',
    lowestCategory: false,
  },
  actor: { roles: ['riskOfficer'] },
});

function condition(source: string) {
  const compiled = compileCondition(source);
  if (E.isLeft(compiled)) throw new Error(compiled.left.map((p) => p.message).join('; '));
  return compiled.right;
}

describe('conditions', () => {
  it('evaluates amount >= 5000000 as false at 1M and true at 6M', () => {
    const c = condition('amount >= 5000000');
    expect(c.evaluate(order(1000000))).toEqual(E.right(false));
    expect(c.evaluate(order(6000000))).toEqual(E.right(true));
  });

  it('reads product and actor fields and lists the names it uses', () => {
    const c = condition(
      '(amount >= 5000000 and product.riskLevel in ["R4","R5"]) or list contains(actor.roles, "cfo")',
    );
    expect(c.names).toEqual(['amount', 'product.riskLevel', 'actor.roles']);
    expect(c.evaluate(order(6000000, 'R4'))).toEqual(E.right(true));
    expect(c.evaluate(order(6000000, 'R3'))).toEqual(E.right(false));
  });

  it('fails, without throwing, when the result is not a boolean', () => {
    const source = 'if amount > 5 then true else "small"';
    expect(condition(source).evaluate(order(1))).toEqual(
      E.left({
        _tag: 'ConditionFailed',
        expression: source,
        message: 'expected true or false, got "small"',
      }),
    );
  });

  it('refuses at compile time a condition that is not true or false on a sample order', () => {
    const compiled = compileCondition('amount + 1');
    expect(E.isLeft(compiled) && compiled.left.map((p) => p.rule)).toEqual(['feel-not-boolean']);
  });

  it('reports the character of a syntax error inside the expression', () => {
    expect(checkFeel('amount >= 5 and (', 'expression').problems).toEqual([
      {
        rule: 'feel-syntax',
        offset: 17,
        message:
          'FEEL syntax error at character 18 of "amount >= 5 and (": Incomplete <ParenthesizedExpression>',
      },
    ]);
  });

  it('reports a member the context does not have', () => {
    expect(
      checkFeel('investor.income > 1', 'expression').problems.map((p) => [p.rule, p.offset]),
    ).toEqual([['feel-unknown-name', 9]]);
    expect(
      checkFeel('amount.value > 1', 'expression').problems.map((p) => p.message.slice(0, 30)),
    ).toEqual(['unknown name "amount.value" at']);
  });
});

describe('evaluateDecision', () => {
  const table: DecisionTable = {
    inputs: ['amount', 'product.category'],
    rules: [
      { when: ['>= 5000000', '-'], require: ['finance'] },
      { when: ['-', '"derivatives", "commodity"'], require: ['legal'] },
      { when: ['>= 10000000', '"derivatives"'], require: ['legal', 'board'] },
    ],
  };

  it('requires nothing extra when no rule matches', () => {
    expect(evaluateDecision(table, order(1000000))).toEqual(
      E.right({ required: [], matchedRules: [] }),
    );
  });

  it('collects the steps of every matching rule, once each, in rule order', () => {
    expect(evaluateDecision(table, order(6000000, 'R3', 'commodity'))).toEqual(
      E.right({ required: ['finance', 'legal'], matchedRules: [0, 1] }),
    );
    expect(evaluateDecision(table, order(20000000, 'R5', 'derivatives'))).toEqual(
      E.right({ required: ['finance', 'legal', 'board'], matchedRules: [0, 1, 2] }),
    );
  });

  it('fails with the expression when a test cannot be evaluated', () => {
    const broken: DecisionTable = { inputs: ['amount'], rules: [{ when: ['>>'], require: ['x'] }] };
    const result = evaluateDecision(broken, order(1));
    expect(E.isLeft(result) && result.left.expression).toBe('>>');
  });
});
