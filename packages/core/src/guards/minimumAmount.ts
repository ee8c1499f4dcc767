/** The minimum ticket of private products (DOMAIN §3.5). */
import * as E from 'fp-ts/lib/Either.js';
import type { RuleGuard } from './RuleGuard.js';
import { refuse } from './refuse.js';
import { thresholdMinor } from './thresholdMinor.js';

/**
 * `minimum-amount`: the order amount reaches the definition's minimum (one amount, or one
 * per product category; a category without its own minimum takes the highest).
 */
export const minimumAmount: RuleGuard = ({ definition, context }) => {
  const rule = definition.productRules.qualifiedInvestor?.minimumAmount;
  if (rule === undefined) return E.right({ minimumMinor: null });
  const text =
    typeof rule === 'string'
      ? rule
      : (rule[context.product.category] ??
        Object.values(rule).reduce((a, b) =>
          thresholdMinor(a, context.currency) >= thresholdMinor(b, context.currency) ? a : b,
        ));
  const minimumMinor = thresholdMinor(text, context.currency);
  const facts = {
    amountMinor: context.amountMinor,
    minimumMinor,
    category: context.product.category,
  };
  return context.amountMinor < minimumMinor
    ? refuse('minimum-amount', 'the amount is below the minimum for this product', facts)
    : E.right(facts);
};
