/** Cancellation only before the cut-off (DOMAIN §3.12). */
import * as E from 'fp-ts/lib/Either.js';
import type { RuleGuard } from './RuleGuard.js';
import { refuse } from './refuse.js';

/**
 * `cut-off`: an accepted (paid) order may be cancelled only when the product allows it and
 * only before the cut-off of its trade date; an order not yet accepted may always be.
 */
export const cutOff: RuleGuard = ({ definition, context, calendar, event }) => {
  const rules = definition.productRules.cutOff;
  if (context.tradeDate === null || rules === undefined) {
    return E.right({ accepted: context.tradeDate !== null, cutOff: rules?.time ?? null });
  }
  const facts = {
    tradeDate: context.tradeDate,
    cutOff: rules.time,
    timeZone: rules.timeZone,
    cancellable: rules.cancellable !== false,
    at: event.at,
    beforeCutOff: calendar.beforeCutOff(event.now),
    tradeDateNow: calendar.tradeDate(event.now),
  };
  if (!facts.cancellable) {
    return refuse('cut-off', 'this product cannot be cancelled once accepted', facts);
  }
  return facts.beforeCutOff && facts.tradeDateNow === context.tradeDate
    ? E.right(facts)
    : refuse('cut-off', `cancellation is refused after the ${rules.time} cut-off`, facts);
};
