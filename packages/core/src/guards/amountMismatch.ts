/** Amounts tie out (DOMAIN §3.6). */
import * as E from 'fp-ts/lib/Either.js';
import type { RuleGuard } from './RuleGuard.js';
import { refuse } from './refuse.js';

/**
 * `amount-mismatch`: a drafted contract's amount equals the order amount; a received
 * payment equals the contract amount (the order amount when there is no contract stage).
 * The facts name both amounts.
 */
export const amountMismatch: RuleGuard = ({ context, event }) => {
  const given = event.command.amountMinor;
  if (typeof given !== 'number') return E.right({});
  const expectedMinor =
    event.type === 'draftContract'
      ? context.amountMinor
      : (context.contract?.amountMinor ?? context.amountMinor);
  const facts = {
    expectedMinor,
    actualMinor: given,
    against: event.type === 'draftContract' ? 'order' : 'contract',
  };
  return given === expectedMinor
    ? E.right(facts)
    : refuse(
        'amount-mismatch',
        `amount ${given} does not equal the ${facts.against} amount ${expectedMinor} (minor units)`,
        facts,
      );
};
