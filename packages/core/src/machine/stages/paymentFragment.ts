/** Payment into the fundraising account: amount tied out, payer account checked. */
import { addDuration, type StageOf } from '@orderflow/definitions';
import {
  cancelTimer,
  cancelTransition,
  reduce,
  rules,
  scheduleTimer,
  stageTarget,
} from '../configParts.js';
import type { FragmentEnv, StateConfig } from '../StateConfig.js';

/**
 * `recordPayment` (amount = contract amount) moves on; a payer account that is not the
 * investor's own is recorded and holds the order. `paymentDeadlinePassed` ends it expired.
 */
export const paymentFragment = ({ stage, next }: FragmentEnv<StageOf<'payment'>>): StateConfig => {
  const p = { stageId: stage.id };
  const timerKey = `payment:${stage.id}`;
  const deadline = stage.deadline;
  return {
    initial: 'awaiting',
    entry:
      deadline === undefined
        ? []
        : [
            scheduleTimer('paymentDeadline', timerKey, ({ event }) =>
              new Date(addDuration(event.now, deadline)).toISOString(),
            ),
          ],
    exit: [cancelTimer(timerKey)],
    on: cancelTransition(stage.id),
    states: {
      awaiting: {
        on: {
          recordPayment: [
            {
              guard: rules(['amount-mismatch', 'payer-account'], p),
              target: next,
              actions: [reduce('recordPayment')],
            },
            {
              guard: rules(['amount-mismatch'], p),
              target: next,
              actions: [reduce('recordPayment'), reduce('holdForPayer')],
            },
          ],
          ...(deadline === undefined
            ? {}
            : {
                paymentDeadlinePassed: {
                  target: stageTarget('expired'),
                  actions: [
                    reduce('noteEnd', { reason: 'paymentDeadlinePassed', event: 'expired' }),
                  ],
                },
              }),
        },
      },
    },
  };
};
