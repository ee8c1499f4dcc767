/** The FEEL view of an order (DESIGN §2): amounts in major units, no personal data. */
import type { ConditionContext, Definition } from '@orderflow/definitions';
import { currencyDigits } from '@orderflow/definitions';
import type { Actor } from '../domain/Actor.js';
import type { OrderContext } from './OrderContext.js';

/** Builds the {@link ConditionContext} FEEL conditions and decision tables read. */
export const conditionContextOf = (
  definition: Definition,
  context: OrderContext,
  actor: Actor,
): ConditionContext => ({
  amount: context.amountMinor / 10 ** currencyDigits(context.currency),
  currency: context.currency,
  channel: context.channel,
  product: {
    code: context.product.code,
    name: context.product.name,
    riskLevel: context.product.riskLevel,
    category: context.product.category,
    kind: definition.productKind,
  },
  investor: {
    kind: context.investor.kind,
    classification: context.investor.classification,
    riskLevel: context.investor.riskLevel,
    lowestCategory: context.investor.lowestCategory,
  },
  actor: { roles: actor.roles },
});
