/** Approval chain shape: no empty chain or group, a quorum that fits, decision tables of the right width. */
import type { DefinitionSource } from '../codecs/Definition.js';
import type { Problem } from './Problem.js';

/** Checks the shape of every approval chain. */
export function checkChains(def: DefinitionSource): Problem[] {
  const problems: Problem[] = [];
  for (const [i, stage] of def.stages.entries()) {
    if (stage.kind !== 'approval') continue;
    if (stage.steps.length === 0) {
      problems.push({
        rule: 'empty-approval-chain',
        path: ['stages', i, 'steps'],
        message: `approval stage "${stage.id}" has no steps; a chain needs at least one approver`,
      });
    }
    for (const [j, entry] of stage.steps.entries()) {
      if (!('parallel' in entry)) continue;
      const group = entry.parallel;
      const at = ['stages', i, 'steps', j, 'parallel'] as const;
      if (group.steps.length === 0) {
        problems.push({
          rule: 'empty-approval-chain',
          path: [...at, 'steps'],
          message: `parallel group "${group.id}" has no steps`,
        });
      }
      if (group.policy === 'quorum' && group.quorum === undefined) {
        problems.push({
          rule: 'quorum-policy',
          path: [...at, 'policy'],
          message: `parallel group "${group.id}" has policy quorum but no "quorum" count`,
        });
      }
      if (group.policy !== 'quorum' && group.quorum !== undefined) {
        problems.push({
          rule: 'quorum-policy',
          path: [...at, 'quorum'],
          message: `parallel group "${group.id}" has a quorum but policy "${group.policy}"; use policy quorum`,
        });
      }
      if (group.quorum !== undefined && group.quorum > group.steps.length) {
        problems.push({
          rule: 'quorum-exceeds-group',
          path: [...at, 'quorum'],
          message: `quorum ${group.quorum} is larger than group "${group.id}", which has ${group.steps.length === 1 ? '1 step' : `${group.steps.length} steps`}`,
        });
      }
    }
    for (const [r, rule] of (stage.decision?.rules ?? []).entries()) {
      const inputs = stage.decision?.inputs.length ?? 0;
      if (rule.when.length !== inputs) {
        problems.push({
          rule: 'decision-arity',
          path: ['stages', i, 'decision', 'rules', r, 'when'],
          message: `rule has ${rule.when.length} test(s) but the table has ${inputs} input(s); write one test per input ("-" matches anything)`,
        });
      }
    }
  }
  return problems;
}
