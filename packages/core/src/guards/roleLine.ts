/** Control work stays outside the sales line (DOMAIN §3.2, §3.10). */
import type { ApprovalStep, Definition } from '@orderflow/definitions';
import * as E from 'fp-ts/lib/Either.js';
import type { RuleGuard } from './RuleGuard.js';
import { refuse } from './refuse.js';
import { salesRolesOf } from './salesRolesOf.js';
import { stageOf } from './stageOf.js';

/** Aspects whose approvers must sit outside the sales line. */
const CONTROL_ASPECTS: ReadonlySet<string> = new Set(['risk', 'compliance', 'legal']);

const findStep = (definition: Definition, stageId: string | undefined, stepId: unknown) => {
  const stage = stageOf(definition, stageId);
  if (stage?.kind !== 'approval') return undefined;
  for (const entry of stage.steps) {
    const steps: readonly ApprovalStep[] = 'parallel' in entry ? entry.parallel.steps : [entry];
    const hit = steps.find((s) => s.id === stepId);
    if (hit !== undefined) return hit;
  }
  return undefined;
};

/**
 * `role-line`: the person doing control work (a risk, compliance or legal approval, a
 * qualification review, a return visit, a hold release) holds no sales-line role.
 */
export const roleLine: RuleGuard = ({ definition, event, params }) => {
  const stepId = event.command.step ?? params.stepId;
  const step = findStep(definition, params.stageId, stepId);
  const control = step === undefined || CONTROL_ASPECTS.has(step.aspect);
  const salesRoles = salesRolesOf(definition, event.actor);
  const facts = {
    actorId: event.actor.id,
    salesRoles,
    aspect: step?.aspect ?? null,
    controlWork: control,
  };
  return control && salesRoles.length > 0
    ? refuse('role-line', 'control work must be done outside the sales line', facts)
    : E.right(facts);
};
