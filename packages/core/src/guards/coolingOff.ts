/** The return visit comes after cooling-off (DOMAIN §3.10). */
import * as E from 'fp-ts/lib/Either.js';
import type { RuleGuard } from './RuleGuard.js';
import { refuse } from './refuse.js';

/** `cooling-off`: where the definition has a cooling-off stage, it has ended by now. */
export const coolingOff: RuleGuard = ({ definition, context, event }) => {
  const has = definition.stages.some((s) => s.kind === 'coolingOff');
  if (!has) return E.right({ coolingOff: false });
  const endsAt = context.coolingOff?.endsAt ?? null;
  const facts = { startsAt: context.coolingOff?.startsAt ?? null, endsAt, now: event.at };
  return endsAt !== null && event.now >= Date.parse(endsAt)
    ? E.right(facts)
    : refuse('cooling-off', 'the cooling-off period has not ended', facts);
};
