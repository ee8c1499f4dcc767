/**
 * Rule `sales-line-control` (DOMAIN §2, §3.2): evaluation and sales are separated. A
 * return visit, a qualification review, and every approval step whose aspect is `risk`,
 * `compliance` or `legal` must name a role whose line is not `sales`, and so must the role
 * their SLA escalates to. A `supervisor` (or `finance`) step may be taken by a sales-line
 * role.
 */
import type { ApprovalAspect, DefinitionSource } from '../codecs/Definition.js';
import { chainSteps } from './chainSteps.js';
import type { PathSegment, Problem } from './Problem.js';

/** The approval aspects that only a role outside the sales line may check. */
export const CONTROL_ASPECTS: readonly ApprovalAspect[] = ['risk', 'compliance', 'legal'];

/** Checks that control work is never given to a sales-line role. */
export function checkSegregation(def: DefinitionSource): Problem[] {
  const problems: Problem[] = [];
  const check = (role: string, path: PathSegment[], what: string) => {
    if (def.roles[role]?.line !== 'sales') return;
    problems.push({
      rule: 'sales-line-control',
      path,
      message: `${what} must be outside the sales line, but role "${role}" is on line sales`,
    });
  };
  const escalation = (role: string | undefined, path: PathSegment[], what: string) => {
    if (role !== undefined) check(role, [...path, 'escalateTo'], `the escalation of ${what}`);
  };
  for (const [i, stage] of def.stages.entries()) {
    if (stage.kind === 'returnVisit') {
      check(stage.role, ['stages', i, 'role'], 'a return visit');
      escalation(stage.escalateTo, ['stages', i], 'a return visit');
    }
    if (stage.kind === 'qualification') {
      check(stage.reviewRole, ['stages', i, 'reviewRole'], 'a qualification review');
      escalation(stage.escalateTo, ['stages', i], 'a qualification review');
    }
    if (stage.kind !== 'approval') continue;
    for (const { step, path } of chainSteps(stage.steps).steps) {
      if (!CONTROL_ASPECTS.includes(step.aspect)) continue;
      check(step.role, ['stages', i, ...path, 'role'], `a ${step.aspect} approval`);
      escalation(step.escalateTo, ['stages', i, ...path], `a ${step.aspect} approval`);
    }
  }
  return problems;
}
