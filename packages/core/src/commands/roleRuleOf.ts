/** Who may send a command: the role rule per command and stage (DESIGN §3). */
import type { Definition, Stage } from '@orderflow/definitions';

/** Roles of which the actor must hold one; `ownerMay` lets the order's owner act without one. */
export interface RoleRule {
  readonly roles: readonly string[];
  readonly ownerMay: boolean;
}

const rolesOfLine = (definition: Definition, lines: readonly string[]): string[] =>
  Object.entries(definition.roles)
    .filter(([, spec]) => lines.includes(spec.line))
    .map(([id]) => id);

/**
 * The role rule of `type` in `stage`. Approval commands take the role of the step they act
 * on (`stepRoles`). Holds are control work; a withdrawal is recorded by the return-visit
 * role (or any control or operations role), never by sales during cooling-off; `cancel`
 * by the owner or the entry maker role.
 */
export function roleRuleOf(
  definition: Definition,
  stage: Stage | undefined,
  type: string,
  stepRoles: readonly string[] = [],
): RoleRule {
  const of = (roles: readonly (string | undefined)[], ownerMay = false): RoleRule => ({
    roles: roles.filter((r): r is string => r !== undefined),
    ownerMay,
  });
  switch (type) {
    case 'hold':
    case 'releaseHold':
      return of(rolesOfLine(definition, ['control']));
    case 'withdraw': {
      const visit = definition.stages.find((s) => s.kind === 'returnVisit');
      return of(
        visit?.kind === 'returnVisit'
          ? [visit.role]
          : rolesOfLine(definition, ['control', 'operations']),
      );
    }
    case 'cancel': {
      const entry = definition.stages.find((s) => s.kind === 'entry');
      return of([entry?.kind === 'entry' ? entry.makerRole : undefined], true);
    }
    case 'approve':
    case 'reject':
    case 'returnForAmendment':
    case 'delegate':
      return of(stepRoles);
  }
  if (stage === undefined) return of([]);
  switch (stage.kind) {
    case 'qualification':
      return of([type === 'recordQualification' ? stage.reviewRole : stage.role]);
    case 'entry':
      return of([
        type === 'verifyEntry' || type === 'returnEntry' ? stage.checkerRole : stage.makerRole,
      ]);
    case 'coolingOff':
    case 'approval':
      return of([]);
    default:
      return of([stage.role]);
  }
}
