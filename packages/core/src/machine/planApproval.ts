/** Which steps of an approval chain an order needs: `when` conditions and the decision table. */
import type { ApprovalStep, ConditionContext, Definition, StageOf } from '@orderflow/definitions';
import { evaluateDecision } from '@orderflow/definitions';
import * as E from 'fp-ts/lib/Either.js';
import { evaluateCondition } from './evaluateCondition.js';
import type { ApprovalPlanEntry } from './OrderContext.js';

/** The plan and the facts that decided it (for the audit entry). */
export interface ApprovalPlan {
  readonly plan: readonly ApprovalPlanEntry[];
  readonly facts: { readonly [key: string]: unknown };
}

/**
 * Evaluates every `when` (of steps and groups) and the decision table on the order. A step
 * is required when its group's and its own `when` hold and, with a decision table, when a
 * matching rule requires it or no rule names it. A condition that cannot be evaluated
 * makes the step required (fail safe) and is recorded.
 */
export function planApproval(
  definition: Definition,
  stage: StageOf<'approval'>,
  ctx: ConditionContext,
): ApprovalPlan {
  const facts: Record<string, unknown> = {
    amount: ctx.amount,
    productRiskLevel: ctx.product.riskLevel,
  };
  const test = (expr: string | undefined, label: string): { ok: boolean; reason: string } => {
    if (expr === undefined) return { ok: true, reason: 'always' };
    const condition = definition.conditions.get(expr);
    if (condition === undefined) return { ok: true, reason: `unknown condition ${expr}` };
    const result = evaluateCondition(condition, ctx);
    facts[`when:${label}`] = { expression: expr, value: E.isRight(result) ? result.right : null };
    if (E.isLeft(result)) return { ok: true, reason: `condition failed: ${result.left.message}` };
    return { ok: result.right, reason: `${expr} is ${result.right}` };
  };
  let decided: ReadonlySet<string> | undefined;
  let named: ReadonlySet<string> = new Set();
  if (stage.decision !== undefined) {
    named = new Set(stage.decision.rules.flatMap((r) => r.require));
    const d = evaluateDecision(stage.decision, ctx);
    if (E.isRight(d)) {
      decided = new Set(d.right.required);
      facts.decision = { matchedRules: d.right.matchedRules, required: d.right.required };
    } else {
      facts.decision = { error: d.left.message };
    }
  }
  const plan: ApprovalPlanEntry[] = [];
  const add = (
    step: ApprovalStep,
    groupId: string | null,
    groupOk: { ok: boolean; reason: string },
  ) => {
    const own = test(step.when, step.id);
    let required = groupOk.ok && own.ok;
    let reason = groupOk.ok ? own.reason : `group: ${groupOk.reason}`;
    if (required && named.has(step.id)) {
      required = decided === undefined || decided.has(step.id);
      reason =
        decided === undefined
          ? 'decision table failed: required'
          : `decision table: ${required ? 'required' : 'not required'}`;
    }
    plan.push({ stepId: step.id, groupId, required, reason });
  };
  for (const entry of stage.steps) {
    if ('parallel' in entry) {
      const g = entry.parallel;
      const groupOk = test(g.when, g.id);
      for (const step of g.steps) add(step, g.id, groupOk);
    } else {
      add(entry, null, { ok: true, reason: 'always' });
    }
  }
  facts.plan = plan.map((p) => ({ step: p.stepId, required: p.required, reason: p.reason }));
  return { plan, facts };
}
