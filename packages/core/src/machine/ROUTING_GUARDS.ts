/**
 * The routing guards of the order machine: they choose between transitions (a skipped
 * step, a complete group, a partial confirmation) and never refuse a command.
 */
import type { Condition, ParallelGroup } from '@orderflow/definitions';
import * as E from 'fp-ts/lib/Either.js';
import { assessSuitability } from '../guards/assessSuitability.js';
import { stageOf } from '../guards/stageOf.js';
import { conditionContextOf } from './conditionContextOf.js';
import { evaluateCondition } from './evaluateCondition.js';
import { groupComplete } from './groupComplete.js';
import type { MachineEnv } from './MachineEnv.js';
import type { OrderContext } from './OrderContext.js';
import type { OrderEvent } from './OrderEvent.js';

/** Parameters of a routing guard. */
export interface RoutingParams {
  readonly stageId?: string;
  readonly stepId?: string;
  readonly groupId?: string;
  readonly target?: string;
  readonly fallback?: string;
  readonly key?: string;
  readonly result?: string;
}

/** A routing guard. */
export type RoutingGuard = (
  args: { readonly context: OrderContext; readonly event: OrderEvent },
  params: RoutingParams,
  env: MachineEnv,
) => boolean;

const groupOf = (
  env: MachineEnv,
  stageId?: string,
  groupId?: string,
): ParallelGroup | undefined => {
  const stage = stageOf(env.definition, stageId);
  if (stage?.kind !== 'approval') return undefined;
  for (const e of stage.steps) if ('parallel' in e && e.parallel.id === groupId) return e.parallel;
  return undefined;
};

/** Every routing guard, by name. */
export const ROUTING_GUARDS: Readonly<Record<string, RoutingGuard>> = {
  stepSkipped: ({ context }, p) =>
    context.approvals[p.stageId ?? '']?.plan.find((s) => s.stepId === p.stepId)?.required === false,
  groupSkipped: ({ context }, p) =>
    !(context.approvals[p.stageId ?? '']?.plan ?? []).some(
      (s) => s.groupId === p.groupId && s.required,
    ),
  groupWillComplete: ({ context, event }, p, env) => {
    const group = groupOf(env, p.stageId, p.groupId);
    const record = context.approvals[p.stageId ?? ''];
    if (group === undefined || record === undefined) return false;
    const stepId = typeof event.command.step === 'string' ? event.command.step : '';
    return groupComplete(group, record, { stepId, actorId: event.actor.id });
  },
  suitabilityRefused: ({ context }, _p, env) => {
    const a = assessSuitability(env.definition, context);
    return (
      a.result === 'blocked' ||
      (a.result === 'mismatch' &&
        env.definition.productRules.suitability.allowMismatchOverride === false)
    );
  },
  suitabilityMatch: ({ context }, _p, env) =>
    assessSuitability(env.definition, context).result === 'match',
  amendTo: ({ event }, p) => (event.command.stage ?? p.fallback) === p.target,
  qualificationResult: ({ event }, p) => event.command.result === p.result,
  coolingOffEnded: ({ context, event }) =>
    context.coolingOff !== null && event.now >= Date.parse(context.coolingOff.endsAt),
  visitConfirmed: ({ event }) => event.command.outcome === 'confirmed',
  transferOutcome: ({ event }, p) => event.command.outcome === p.result,
  confirmationRejected: ({ event }) =>
    event.command.outcome === 'rejected' || event.command.confirmedMinor === 0,
  confirmationPartial: ({ context, event }) =>
    typeof event.command.confirmedMinor === 'number' &&
    event.command.confirmedMinor < (context.payment?.amountMinor ?? context.amountMinor),
  refundPending: ({ context }) =>
    context.refunds.some((r) => r.status === 'instructed' || r.status === 'unknown'),
  timerFor: ({ event }, p) => event.command.key === p.key,
  taskSkipped: ({ context, event }, p, env) => {
    const stage = stageOf(env.definition, p.stageId);
    if (stage?.kind !== 'task' || stage.when === undefined) return false;
    const condition = env.definition.conditions.get(stage.when);
    if (condition === undefined) return false;
    const r = conditionResult(condition, env, context, event);
    return r === false;
  },
  isHeld: ({ context }) => context.held !== null,
  lastVisitAttempt: ({ context }, p, env) => {
    const stage = stageOf(env.definition, p.stageId);
    const max = stage?.kind === 'returnVisit' ? stage.maxAttempts : undefined;
    return max !== undefined && (context.returnVisit?.attempts ?? 0) + 1 === max;
  },
};

function conditionResult(
  condition: Condition,
  env: MachineEnv,
  context: OrderContext,
  event: OrderEvent,
): boolean | null {
  const r = evaluateCondition(condition, conditionContextOf(env.definition, context, event.actor));
  return E.isRight(r) ? r.right : null;
}
