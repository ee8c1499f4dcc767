/** 多层审批: the approval chain expanded into states, one per step or parallel group. */
import type { ApprovalStep, ChainEntry, StageOf } from '@orderflow/definitions';
import {
  cancelTimer,
  cancelTransition,
  notify,
  reduce,
  rules,
  scheduleTimer,
  stageTarget,
} from '../configParts.js';
import type { FragmentEnv, StateConfig } from '../StateConfig.js';

const entryId = (entry: ChainEntry): string => ('parallel' in entry ? entry.parallel.id : entry.id);

/**
 * Each chain entry is a child state, in order, then `approved`. A step whose `when` (or
 * the decision table) does not require it is passed through, with the facts recorded when
 * the stage plans its chain. A parallel group completes by its policy (`all`, `any`,
 * `quorum` of distinct approvers). `reject` follows `onReject`; `returnForAmendment` goes
 * back to an earlier stage (`stage` in the payload, else `onReject`, else the entry stage)
 * and starts a new revision. An SLA breach escalates and notifies, and never approves.
 */
export const approvalFragment = ({
  definition,
  stage,
  next,
  earlier,
}: FragmentEnv<StageOf<'approval'>>): StateConfig => {
  const stageId = stage.id;
  const ids = stage.steps.map(entryId);
  const amendDefault =
    stage.onReject !== 'rejected'
      ? stage.onReject
      : (definition.stages.find((s) => s.kind === 'entry')?.id ?? earlier[0] ?? stageId);
  const personRules = ['segregation-of-duties', 'role-line'] as const;

  const slaActions = (step: ApprovalStep) => {
    if (step.sla === undefined) return { entry: [], exit: [] };
    const key = `${stageId}.${step.id}`;
    return {
      entry: [
        reduce('markDue', { key, duration: step.sla }),
        scheduleTimer('approvalSla', `sla:${key}`, ({ context }) => context.due[key] ?? null, {
          stageId,
          stepId: step.id,
        }),
      ],
      exit: [cancelTimer(`sla:${key}`)],
    };
  };
  const breach = (steps: readonly ApprovalStep[]) =>
    steps
      .filter((s) => s.sla !== undefined)
      .map((s) => {
        const key = `${stageId}.${s.id}`;
        const to = s.escalateTo;
        return {
          guard: { type: 'timerFor', params: { key: `sla:${key}` } },
          actions: [
            reduce('recordEscalation', { key, to: to ?? '' }),
            ...(to === undefined ? [] : [notify('slaBreached', 'sla-breached', () => [to])]),
          ],
        };
      });
  const decisions = (params: { stageId: string; stepId: string }, target: string) => ({
    reject: {
      guard: rules(personRules, params),
      target: stage.onReject === 'rejected' ? stageTarget('rejected') : stageTarget(stage.onReject),
      actions: [
        reduce('recordDecision', { stageId, decision: 'rejected' }),
        ...(stage.onReject === 'rejected'
          ? [reduce('noteEnd', { reason: 'rejected', event: 'rejected' })]
          : [reduce('startRevision')]),
      ],
    },
    returnForAmendment: [...earlier, stageId].map((t) => ({
      guard: rules(personRules, params, [
        { type: 'amendTo', params: { target: t, fallback: amendDefault } },
      ]),
      target: stageTarget(t),
      actions: [
        reduce('recordDecision', { stageId, decision: 'returned' }),
        reduce('startRevision'),
      ],
    })),
    delegate: { actions: [reduce('recordDelegation', { stageId })] },
    approveTarget: target,
  });

  const states: Record<string, StateConfig> = {};
  stage.steps.forEach((entry, i) => {
    const after = ids[i + 1] ?? 'approved';
    if ('parallel' in entry) {
      const g = entry.parallel;
      const params = { stageId, stepId: g.id };
      const slas = g.steps.map(slaActions);
      const { approveTarget, ...others } = decisions(params, after);
      states[g.id] = {
        entry: slas.flatMap((s) => s.entry),
        exit: slas.flatMap((s) => s.exit),
        always: {
          guard: { type: 'groupSkipped', params: { stageId, groupId: g.id } },
          target: after,
        },
        on: {
          approve: [
            {
              guard: rules(personRules, params, [
                { type: 'groupWillComplete', params: { stageId, groupId: g.id } },
              ]),
              target: approveTarget,
              actions: [reduce('recordDecision', { stageId, decision: 'approved' })],
            },
            {
              guard: rules(personRules, params),
              actions: [reduce('recordDecision', { stageId, decision: 'approved' })],
            },
          ],
          ...others,
          slaBreached: breach(g.steps),
        },
      };
    } else {
      const params = { stageId, stepId: entry.id };
      const sla = slaActions(entry);
      const { approveTarget, ...others } = decisions(params, after);
      states[entry.id] = {
        entry: sla.entry,
        exit: sla.exit,
        always: {
          guard: { type: 'stepSkipped', params: { stageId, stepId: entry.id } },
          target: after,
        },
        on: {
          approve: {
            guard: rules(personRules, params),
            target: approveTarget,
            actions: [reduce('recordDecision', { stageId, decision: 'approved' })],
          },
          ...others,
          slaBreached: breach([entry]),
        },
      };
    }
  });
  states.approved = {
    entry: [reduce('completeApproval', { stageId })],
    always: { target: next },
  };
  return {
    initial: ids[0] ?? 'approved',
    entry: [reduce('planApproval', { stageId })],
    on: cancelTransition(stageId),
    states,
  };
};
