/**
 * Reference rules: every role, escalation role, reject target and required step names
 * something declared, and no id is used twice.
 */
import type { DefinitionSource, Stage } from '../codecs/Definition.js';
import { suggestKey } from '../suggestKey.js';
import { chainSteps } from './chainSteps.js';
import { formatPath, type PathSegment, type Problem } from './Problem.js';

/** Recipients a notification may name besides declared roles. */
export const NOTIFY_PARTIES: readonly string[] = ['investor', 'owner'];

/** The role-valued fields of each stage kind. */
function stageRoles(stage: Stage): [string, string][] {
  switch (stage.kind) {
    case 'entry':
      return [
        ['makerRole', stage.makerRole],
        ['checkerRole', stage.checkerRole],
      ];
    case 'qualification':
      return [
        ['role', stage.role],
        ['reviewRole', stage.reviewRole],
      ];
    case 'approval':
    case 'coolingOff':
      return [];
    default:
      return [['role', stage.role]];
  }
}

/** Checks the references of a decoded definition. */
export function checkReferences(def: DefinitionSource): Problem[] {
  const problems: Problem[] = [];
  const roles = Object.keys(def.roles);
  const role = (
    name: string,
    path: PathSegment[],
    rule: 'unknown-role' | 'unknown-escalation-role',
  ) => {
    if (Object.hasOwn(def.roles, name)) return;
    const hint = suggestKey(name, roles);
    problems.push({
      rule,
      path,
      message: `unknown role "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}; declared roles: ${roles.join(', ')}`,
    });
  };
  const stageIds = new Map<string, number>();
  const stepIds = new Map<string, string>();
  const duplicate = (id: string, path: PathSegment[], first: string) =>
    problems.push({
      rule: 'duplicate-id',
      path,
      message: `duplicate id "${id}" (first used at ${first})`,
    });

  for (const [i, stage] of def.stages.entries()) {
    const at = (...rest: PathSegment[]): PathSegment[] => ['stages', i, ...rest];
    const first = stageIds.get(stage.id);
    if (first !== undefined) duplicate(stage.id, at('id'), `stages[${first}].id`);
    else stageIds.set(stage.id, i);
    for (const [key, name] of stageRoles(stage)) role(name, at(key), 'unknown-role');
    if ('escalateTo' in stage && stage.escalateTo !== undefined) {
      role(stage.escalateTo, at('escalateTo'), 'unknown-escalation-role');
    }
    if (stage.kind !== 'approval') continue;

    const { steps, groups } = chainSteps(stage.steps);
    const ids = [
      ...groups.map((g) => ({ id: g.group.id, path: at(...g.path, 'id') })),
      ...steps.map((s) => ({ id: s.step.id, path: at(...s.path, 'id') })),
    ].sort((a, b) => comparePaths(a.path, b.path));
    for (const { id, path } of ids) {
      const seen = stepIds.get(id);
      if (seen !== undefined) duplicate(id, path, seen);
      else stepIds.set(id, formatPath(path));
    }
    for (const { step, path } of steps) {
      role(step.role, at(...path, 'role'), 'unknown-role');
      if (step.escalateTo !== undefined) {
        role(step.escalateTo, at(...path, 'escalateTo'), 'unknown-escalation-role');
      }
    }
    const before = def.stages.slice(0, i).map((s) => s.id);
    if (stage.onReject !== 'rejected' && !before.includes(stage.onReject)) {
      const hint = suggestKey(stage.onReject, ['rejected', ...before]);
      problems.push({
        rule: 'unknown-reject-target',
        path: at('onReject'),
        message: `onReject "${stage.onReject}" names no earlier stage${hint ? ` (did you mean "${hint}"?)` : ''}; expected "rejected" or one of ${before.join(', ')}`,
      });
    }
    if (stage.decision !== undefined) {
      const known = steps.map((s) => s.step.id);
      for (const [r, rule] of stage.decision.rules.entries()) {
        for (const [k, id] of rule.require.entries()) {
          if (known.includes(id)) continue;
          const hint = suggestKey(id, known);
          problems.push({
            rule: 'unknown-step',
            path: at('decision', 'rules', r, 'require', k),
            message: `unknown step "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}; steps of this stage: ${known.join(', ')}`,
          });
        }
      }
    }
  }
  for (const [n, rule] of (def.notifications ?? []).entries()) {
    for (const [k, name] of rule.notify.entries()) {
      if (NOTIFY_PARTIES.includes(name)) continue;
      role(name, ['notifications', n, 'notify', k], 'unknown-role');
    }
  }
  return problems;
}

function comparePaths(a: readonly PathSegment[], b: readonly PathSegment[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}
