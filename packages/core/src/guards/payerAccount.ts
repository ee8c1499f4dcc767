/** The payer account is the investor's own (DOMAIN §3.7). */
import * as E from 'fp-ts/lib/Either.js';
import type { RuleGuard } from './RuleGuard.js';
import { refuse } from './refuse.js';

/**
 * `payer-account`: the paying account is one of the investor's own accounts. It does not
 * refuse the payment: a payment from another account is recorded and the order is held.
 */
export const payerAccount: RuleGuard = ({ context, event }) => {
  const payer = event.command.payerAccount;
  const facts = { payerAccount: typeof payer === 'string' ? payer : null, own: false };
  return typeof payer === 'string' && context.investor.ownAccounts.includes(payer)
    ? E.right({ ...facts, own: true })
    : refuse('payer-account', 'the payer account is not the investor’s own', facts);
};
