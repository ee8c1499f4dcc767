/** Amounts tie out (DOMAIN §3.6). */
import { formatAmount } from '@orderflow/definitions';
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
    expected: formatAmount(expectedMinor, context.currency),
    actual: formatAmount(given, context.currency),
    currency: context.currency,
    against: event.type === 'draftContract' ? 'order' : 'contract',
  };
  return given === expectedMinor
    ? E.right(facts)
    : refuse(
        'amount-mismatch',
        `the amount ${facts.actual} ${facts.currency} does not equal the ${facts.against} amount ${facts.expected} ${facts.currency}`,
        facts,
      );
};
