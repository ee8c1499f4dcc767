/** No guaranteed-return wording in a contract (DOMAIN §3.8). */
import * as E from 'fp-ts/lib/Either.js';
import type { RuleGuard } from './RuleGuard.js';
import { refuse } from './refuse.js';

/** The terms looked for when a definition names none. */
export const DEFAULT_GUARANTEED_RETURN_TERMS: readonly string[] = [
  '保本',
  '保收益',
  '保证收益',
  '刚性兑付',
  'guaranteed return',
  'guaranteed principal',
  'capital guaranteed',
];

/** `guaranteed-return`: the contract text promises no guaranteed principal or returns. */
export const guaranteedReturn: RuleGuard = ({ definition, event }) => {
  const text = typeof event.command.text === 'string' ? event.command.text.toLowerCase() : '';
  const terms = definition.productRules.guaranteedReturnTerms ?? DEFAULT_GUARANTEED_RETURN_TERMS;
  const found = terms.filter((t) => text.includes(t.toLowerCase()));
  return found.length > 0
    ? refuse('guaranteed-return', 'the contract text promises guaranteed returns', {
        termsFound: found,
      })
    : E.right({ termsChecked: terms.length });
};
