/** Which approval step a command acts on, and the role it takes. */
import type { ApprovalStep, StageOf } from '@orderflow/definitions';
import type { Actor } from '../domain/Actor.js';
import type { OrderContext } from '../machine/OrderContext.js';

/** The step acted on, or why none is. */
export type StepResolution =
  | { readonly _tag: 'Step'; readonly step: ApprovalStep; readonly delegatedTo: string | null }
  | { readonly _tag: 'NoStep'; readonly reason: string; readonly roles: readonly string[] };

/**
 * Resolves the step of `approve`/`reject`/`returnForAmendment`/`delegate` in the chain
 * entry the order is at: the `step` named in the payload, or else the first pending
 * required step delegated to the actor or whose role the actor holds.
 */
export function resolveStep(
  stage: StageOf<'approval'>,
  entryId: string,
  context: OrderContext,
  actor: Actor,
  requested: string | undefined,
): StepResolution {
  const entry = stage.steps.find((e) => ('parallel' in e ? e.parallel.id : e.id) === entryId);
  if (entry === undefined) return { _tag: 'NoStep', reason: 'no approval step is open', roles: [] };
  const members: readonly ApprovalStep[] = 'parallel' in entry ? entry.parallel.steps : [entry];
  const record = context.approvals[stage.id];
  const pending = members.filter(
    (m) =>
      record?.plan.find((p) => p.stepId === m.id)?.required !== false &&
      !(record?.decisions ?? []).some((d) => d.stepId === m.id && d.decision === 'approved'),
  );
  const roles = pending.map((m) => m.role);
  const delegated = (m: ApprovalStep) => context.delegations[`${stage.id}.${m.id}`] ?? null;
  if (requested !== undefined) {
    const step = pending.find((m) => m.id === requested);
    return step === undefined
      ? { _tag: 'NoStep', reason: `step ${requested} is not open for a decision`, roles }
      : { _tag: 'Step', step, delegatedTo: delegated(step) };
  }
  const step =
    pending.find((m) => delegated(m) === actor.id) ??
    pending.find((m) => delegated(m) === null && actor.roles.includes(m.role)) ??
    pending[0];
  return step === undefined
    ? { _tag: 'NoStep', reason: 'no approval step is open', roles }
    : { _tag: 'Step', step, delegatedTo: delegated(step) };
}
