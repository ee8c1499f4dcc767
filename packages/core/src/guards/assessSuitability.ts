/** The suitability match of DOMAIN §2: investor level against product level. */
import type { Definition } from '@orderflow/definitions';
import type { OrderContext } from '../machine/OrderContext.js';

/** The outcome of a suitability match, with the facts that decided it. */
export interface SuitabilityAssessment {
  readonly result: 'match' | 'mismatch' | 'blocked';
  readonly investorLevel: string;
  readonly productLevel: string;
  readonly classification: 'ordinary' | 'professional';
  readonly lowestCategory: boolean;
  /** The highest product level this investor may buy without the mismatch path. */
  readonly highestMatching: string | null;
}

/**
 * Matches investor and product on the definition's scales, aligned at the top (C5↔R5,
 * C1↔R1; a C0 matches nothing). Professionals match every level. A lowest-category
 * investor is `blocked` from anything above the lowest product level, with no override.
 */
export function assessSuitability(
  definition: Definition,
  context: Pick<OrderContext, 'investor' | 'product'>,
): SuitabilityAssessment {
  const { investorLevels, productLevels } = definition.productRules.suitability;
  const investorIndex = investorLevels.indexOf(context.investor.riskLevel);
  const productIndex = productLevels.indexOf(context.product.riskLevel);
  const cap =
    investorIndex < 0 ? -1 : productLevels.length - (investorLevels.length - investorIndex);
  const base = {
    investorLevel: context.investor.riskLevel,
    productLevel: context.product.riskLevel,
    classification: context.investor.classification,
    lowestCategory: context.investor.lowestCategory,
    highestMatching: cap >= 0 ? (productLevels[cap] ?? null) : null,
  };
  if (context.investor.lowestCategory && productIndex !== 0) return { ...base, result: 'blocked' };
  if (context.investor.classification === 'professional') return { ...base, result: 'match' };
  return { ...base, result: productIndex >= 0 && productIndex <= cap ? 'match' : 'mismatch' };
}
