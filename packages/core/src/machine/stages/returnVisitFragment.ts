/** 回访: after cooling-off, by a non-sales person; retried until the deadline, then refund. */
import { addDuration, type StageOf } from '@orderflow/definitions';
import {
  cancelTimer,
  notify,
  reduce,
  refundEffect,
  rules,
  scheduleTimer,
  stageTarget,
} from '../configParts.js';
import type { FragmentEnv, StateConfig } from '../StateConfig.js';
import { withdrawTransition } from './withdrawTransition.js';

/**
 * `recordReturnVisit` with `outcome: confirmed` moves on; `unreachable` counts an attempt.
 * `returnVisitDeadlinePassed` ends the order expired and refunds in full; `withdraw` ends
 * it withdrawn with a full refund.
 */
export const returnVisitFragment = ({
  stage,
  next,
}: FragmentEnv<StageOf<'returnVisit'>>): StateConfig => {
  const p = { stageId: stage.id };
  const timerKey = `returnVisit:${stage.id}`;
  const deadline = stage.deadline;
  return {
    initial: 'pending',
    entry: [
      reduce('startReturnVisit'),
      ...(deadline === undefined
        ? []
        : [
            scheduleTimer('returnVisitDeadline', timerKey, ({ event }) =>
              new Date(addDuration(event.now, deadline)).toISOString(),
            ),
          ]),
    ],
    exit: [cancelTimer(timerKey)],
    states: {
      pending: {
        on: {
          recordReturnVisit: [
            {
              guard: rules(['cooling-off', 'role-line'], p, [{ type: 'visitConfirmed' }]),
              target: next,
              actions: [reduce('recordReturnVisit')],
            },
            {
              // The last allowed attempt failed: escalate; the deadline still decides the end.
              guard: rules(['cooling-off', 'role-line'], p, [
                { type: 'lastVisitAttempt', params: { stageId: stage.id } },
              ]),
              actions: [
                reduce('recordReturnVisit'),
                notify('returnVisitFailed', 'return-visit-failed', () =>
                  stage.escalateTo === undefined ? [stage.role] : [stage.role, stage.escalateTo],
                ),
              ],
            },
            {
              guard: rules(['cooling-off', 'role-line'], p),
              actions: [reduce('recordReturnVisit')],
            },
          ],
          ...(deadline === undefined
            ? {}
            : {
                returnVisitDeadlinePassed: {
                  target: stageTarget('expired'),
                  actions: [
                    reduce('noteEnd', { reason: 'returnVisitDeadlinePassed', event: 'expired' }),
                    reduce('addRefund', { reason: 'returnVisitDeadlinePassed', amount: 'full' }),
                    refundEffect,
                  ],
                },
              }),
          ...withdrawTransition(),
        },
      },
    },
  };
};
