/** 登记确认: the registrar confirms units (T+n trading days); late → alert; partial → refund the rest. */
import type { StageOf } from '@orderflow/definitions';
import {
  cancelTimer,
  effect,
  notify,
  reduce,
  refundEffect,
  scheduleTimer,
  stageTarget,
} from '../configParts.js';
import type { FragmentEnv, StateConfig } from '../StateConfig.js';

/**
 * On entry the confirmation is requested (an effect) and an alert timer set at 09:00 on
 * the trade date + `alertAfterDays` trading days. `confirmationReceived` (from the
 * registrar) or `recordConfirmation` (operations): in full → move on; in part → move on
 * and refund the unconfirmed amount; rejected → the order ends `unconfirmed`, refunded.
 */
export const registrarConfirmationFragment = ({
  stage,
  next,
  calendar,
}: FragmentEnv<StageOf<'registrarConfirmation'>>): StateConfig => {
  const timerKey = `registrar:${stage.id}`;
  const alertAfter = stage.alertAfterDays ?? (stage.settlementDays ?? 1) + 1;
  const tradeDateOf = (c: { tradeDate: string | null }, now: number) =>
    c.tradeDate ?? calendar.tradeDate(now);
  const confirm = [
    {
      guard: 'confirmationRejected',
      target: stageTarget('unconfirmed'),
      actions: [
        reduce('recordConfirmation'),
        reduce('noteEnd', { reason: 'unconfirmed' }),
        reduce('addRefund', { reason: 'registrarRejected', amount: 'full' }),
        refundEffect,
      ],
    },
    {
      guard: 'confirmationPartial',
      target: next,
      actions: [
        reduce('recordConfirmation'),
        reduce('addRefund', { reason: 'partialConfirmation', amount: 'unconfirmed' }),
        refundEffect,
      ],
    },
    { target: next, actions: [reduce('recordConfirmation')] },
  ];
  return {
    initial: 'awaiting',
    entry: [
      effect('requestConfirmation', ({ context, event }) => ({
        productCode: context.product.code,
        amountMinor: context.payment?.amountMinor ?? context.amountMinor,
        currency: context.currency,
        tradeDate: tradeDateOf(context, event.now),
      })),
      scheduleTimer('registrarAlert', timerKey, ({ context, event }) =>
        new Date(
          calendar.instantOf(
            calendar.addTradingDays(tradeDateOf(context, event.now), alertAfter),
            '09:00',
          ),
        ).toISOString(),
      ),
    ],
    exit: [cancelTimer(timerKey)],
    states: {
      awaiting: {
        on: {
          confirmationReceived: confirm,
          recordConfirmation: confirm,
          registrarLate: {
            actions: [
              notify('registrarLate', 'registrar-late', () =>
                stage.escalateTo === undefined ? [stage.role] : [stage.role, stage.escalateTo],
              ),
            ],
          },
        },
      },
    },
  };
};
