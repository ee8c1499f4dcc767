/** Small builders for the machine config: targets, rule guards, effects, timers, reducers. */
import { and } from 'xstate';
import type { EffectKind } from '../domain/Effect.js';
import type { TimerKind } from '../domain/Timer.js';
import type { RuleId } from '../guards/RULE_GUARDS.js';
import type { GuardParams } from '../guards/RuleGuard.js';
import type { ReducerParams } from './ORDER_REDUCERS.js';
import type { OrderContext } from './OrderContext.js';
import type { OrderEvent } from './OrderEvent.js';

/** The id of the machine; targets are `#order.<stage>`. */
export const MACHINE_ID = 'order';

/** The target of a top-level state (a stage or an end). */
export const stageTarget = (id: string): string => `#${MACHINE_ID}.${id}`;

/** A guard that every named rule must pass (plus routing guards given by name). */
export const rules = (
  ids: readonly RuleId[],
  params: GuardParams = {},
  routing: readonly { readonly type: string; readonly params?: object }[] = [],
) => and([...ids.map((type) => ({ type, params })), ...routing]);

/** A named context update. */
export const reduce = (type: string, params: ReducerParams = {}) => ({ type, params });

type Build<A> = (args: { readonly context: OrderContext; readonly event: OrderEvent }) => A;

/** An effect for the outbox, built from the context after the updates before it. */
/** A `null` payload emits nothing (e.g. a refund when nothing was paid). */
export const effect = (kind: EffectKind, payload: Build<Record<string, unknown> | null>) => ({
  type: 'effect',
  params: (args: { readonly context: OrderContext; readonly event: OrderEvent }) => ({
    kind,
    payload: payload(args),
  }),
});

/** A notification to roles (and the pseudo-parties `owner`, `investor`). */
export const notify = (event: string, template: string, roles: Build<readonly string[]>) =>
  effect('notify', (args) => ({ event, template, roles: [...roles(args)] }));

/** Schedules (or re-schedules) the order's timer `key`. */
export const scheduleTimer = (
  kind: TimerKind,
  key: string,
  dueAt: Build<string | null>,
  payload: Record<string, unknown> = {},
) => ({
  type: 'scheduleTimer',
  params: (args: { readonly context: OrderContext; readonly event: OrderEvent }) => ({
    kind,
    key,
    dueAt: dueAt(args),
    payload: { ...payload, key },
  }),
});

/** Cancels the order's timer `key`. */
export const cancelTimer = (key: string) => ({ type: 'cancelTimer', params: { key } });

/** The refund effect of the refund just added, if one was. */
export const refundEffect = effect('refund', ({ context }) => {
  const refund = context.refunds.at(-1);
  if (refund === undefined || refund.status !== 'instructed') return null;
  const released = context.release?.status === 'settled';
  return {
    amountMinor: refund.amountMinor,
    currency: context.currency,
    fromAccount: `${released ? 'custody' : 'fundraising'}:${context.product.code}`,
    toAccount: refund.toAccount,
    reason: refund.reason,
    index: context.refunds.length,
  };
});

/** `cancel` before the cut-off: the order ends cancelled, and what was paid is refunded. */
export const cancelTransition = (stageId: string) => ({
  cancel: {
    guard: rules(['cut-off'], { stageId }),
    target: stageTarget('cancelled'),
    actions: [
      reduce('noteEnd', { reason: 'cancelled' }),
      reduce('addRefund', { reason: 'cancelled', amount: 'full' }),
      refundEffect,
    ],
  },
});
