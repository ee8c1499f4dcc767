/** Compiles every FEEL text of a definition once, reporting syntax and name problems. */
import * as E from 'fp-ts/lib/Either.js';
import type { DefinitionSource } from '../codecs/Definition.js';
import type { Condition } from '../Definition.js';
import { checkFeel, type FeelProblem } from '../feel/checkFeel.js';
import { compileCondition } from '../feel/compileCondition.js';
import { chainSteps } from './chainSteps.js';
import type { PathSegment, Problem } from './Problem.js';

/** The compiled `when` conditions of a definition, and the problems of all its FEEL texts. */
export interface CheckedConditions {
  readonly conditions: ReadonlyMap<string, Condition>;
  readonly problems: readonly Problem[];
}

/** Compiles each `when` (steps, groups, tasks) and checks decision-table inputs and tests. */
export function checkConditions(def: DefinitionSource): CheckedConditions {
  const conditions = new Map<string, Condition>();
  const problems: Problem[] = [];
  const report = (path: PathSegment[], found: readonly FeelProblem[]) => {
    for (const p of found)
      problems.push({ rule: p.rule, path, message: p.message, inner: p.offset });
  };
  const when = (source: string | undefined, path: PathSegment[]) => {
    if (source === undefined || conditions.has(source)) return;
    const compiled = compileCondition(source);
    if (E.isRight(compiled)) conditions.set(source, compiled.right);
    else report(path, compiled.left);
  };
  for (const [i, stage] of def.stages.entries()) {
    if (stage.kind === 'task') when(stage.when, ['stages', i, 'when']);
    if (stage.kind !== 'approval') continue;
    const { steps, groups } = chainSteps(stage.steps);
    for (const { group, path } of groups) when(group.when, ['stages', i, ...path, 'when']);
    for (const { step, path } of steps) when(step.when, ['stages', i, ...path, 'when']);
    if (stage.decision === undefined) continue;
    for (const [k, input] of stage.decision.inputs.entries()) {
      report(['stages', i, 'decision', 'inputs', k], checkFeel(input, 'expression').problems);
    }
    for (const [r, rule] of stage.decision.rules.entries()) {
      for (const [k, test] of rule.when.entries()) {
        if (test.trim() === '-') continue;
        const path = ['stages', i, 'decision', 'rules', r, 'when', k];
        report(path, checkFeel(test, 'unaryTests').problems);
      }
    }
  }
  return { conditions, problems };
}
