/** Qualified-investor proof before the contract (DOMAIN §3.5). */
import * as E from 'fp-ts/lib/Either.js';
import type { RuleGuard } from './RuleGuard.js';
import { refuse } from './refuse.js';
import { thresholdMinor } from './thresholdMinor.js';

/**
 * `qualified-investor`: where the definition has qualified-investor rules, the proof is on
 * file and the investor meets a threshold (individual: financial assets or average income;
 * entity: net assets).
 */
export const qualifiedInvestor: RuleGuard = ({ definition, context }) => {
  const rules = definition.productRules.qualifiedInvestor;
  if (rules === undefined) return E.right({ qualifiedInvestorRules: false });
  const { investor, currency } = context;
  const min = (text: string | undefined) =>
    text === undefined ? null : thresholdMinor(text, currency);
  const assets = min(rules.individualFinancialAssets);
  const income = min(rules.individualAverageIncome);
  const netAssets = min(rules.entityNetAssets);
  const facts = {
    kind: investor.kind,
    proof: investor.qualificationProof,
    financialAssetsMinor: investor.financialAssetsMinor,
    averageIncomeMinor: investor.averageIncomeMinor,
    netAssetsMinor: investor.netAssetsMinor,
    thresholds: { financialAssets: assets, averageIncome: income, netAssets },
  };
  if (investor.qualificationProof === null) {
    return refuse('qualified-investor', 'no qualified-investor proof on file', facts);
  }
  const meets = (value: number | null, threshold: number | null) =>
    value !== null && threshold !== null && value >= threshold;
  const qualified =
    investor.kind === 'entity'
      ? netAssets === null || meets(investor.netAssetsMinor, netAssets)
      : (assets === null && income === null) ||
        meets(investor.financialAssetsMinor, assets) ||
        meets(investor.averageIncomeMinor, income);
  return qualified
    ? E.right(facts)
    : refuse(
        'qualified-investor',
        'the investor does not meet the qualified-investor thresholds',
        facts,
      );
};
