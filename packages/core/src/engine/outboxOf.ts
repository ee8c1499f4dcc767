/** Turns the actions of a step into outbox rows: effects, timers to set and to cancel. */
import type { Definition } from '@orderflow/definitions';
import { formatAmount } from '@orderflow/definitions';
import type { EffectKind, NewEffect } from '../domain/Effect.js';
import type { JsonObject } from '../domain/Json.js';
import type { NewTimer, TimerKind } from '../domain/Timer.js';
import type { OrderContext } from '../machine/OrderContext.js';
import type { CollectedAction } from './MachineRunner.js';

/** The outbox part of one commit. */
export interface Outbox {
  readonly effects: NewEffect[];
  readonly timers: NewTimer[];
  readonly cancelTimers: string[];
}

/**
 * Effects get the id `orderId:version:n` (also their idempotency key: stable across
 * retries, unique per commit). Timers get `orderId:key`, so re-scheduling replaces. A
 * timer set and cancelled by the same step is dropped. Domain events of the step
 * (`events`) add the definition's notifications.
 */
export function outboxOf(
  definition: Definition,
  context: OrderContext,
  version: number,
  at: string,
  actions: readonly CollectedAction[],
  events: readonly string[],
): Outbox {
  const orderId = context.orderId;
  const effects: NewEffect[] = [];
  const timers: NewTimer[] = [];
  const cancelTimers: string[] = [];
  const addEffect = (kind: EffectKind, payload: JsonObject) => {
    effects.push({
      effectId: `${orderId}:${version}:${effects.length + 1}`,
      orderId,
      kind,
      payload,
      availableAt: at,
    });
  };
  const data: JsonObject = {
    orderId,
    definitionKey: context.definitionKey,
    productCode: context.product.code,
    productName: context.product.name,
    amount: formatAmount(context.amountMinor, context.currency),
    currency: context.currency,
    revision: context.revision,
  };
  for (const action of actions) {
    const p = (action.params ?? {}) as Record<string, unknown>;
    if (action.type === 'effect') {
      const payload = p.payload as JsonObject | null;
      if (payload === null) continue;
      const kind = p.kind as EffectKind;
      addEffect(kind, kind === 'notify' ? { ...payload, data } : payload);
    } else if (action.type === 'scheduleTimer') {
      if (typeof p.dueAt !== 'string') continue;
      const timerId = `${orderId}:${String(p.key)}`;
      const existing = timers.findIndex((t) => t.timerId === timerId);
      if (existing >= 0) timers.splice(existing, 1);
      timers.push({
        timerId,
        orderId,
        kind: p.kind as TimerKind,
        dueAt: p.dueAt,
        payload: (p.payload ?? {}) as JsonObject,
      });
    } else if (action.type === 'cancelTimer') {
      const timerId = `${orderId}:${String(p.key)}`;
      const scheduled = timers.findIndex((t) => t.timerId === timerId);
      if (scheduled >= 0) timers.splice(scheduled, 1);
      if (!cancelTimers.includes(timerId)) cancelTimers.push(timerId);
    }
  }
  // A timer scheduled after its cancel in the same step stays scheduled, not cancelled.
  const kept = cancelTimers.filter((id) => !timers.some((t) => t.timerId === id));
  for (const event of events) {
    for (const rule of definition.notifications ?? []) {
      if (rule.on !== event) continue;
      addEffect('notify', { event, template: rule.template, roles: [...rule.notify], data });
    }
  }
  return { effects, timers, cancelTimers: kept };
}
