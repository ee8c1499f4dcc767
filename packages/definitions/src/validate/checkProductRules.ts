/** The product rule pack against DOMAIN: cooling-off, qualified investors, amounts, scales. */
import * as E from 'fp-ts/lib/Either.js';
import type { DefinitionSource } from '../codecs/Definition.js';
import { durationMs } from '../duration/durationMs.js';
import { parseAmount } from '../money/parseAmount.js';
import type { PathSegment, Problem } from './Problem.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Checks `productRules` on its own and against the stages. */
export function checkProductRules(def: DefinitionSource): Problem[] {
  const problems: Problem[] = [];
  const rules = def.productRules;
  const at = (...rest: PathSegment[]): PathSegment[] => ['productRules', ...rest];
  const coolingOffStage = def.stages.findIndex((s) => s.kind === 'coolingOff');

  if (coolingOffStage >= 0 && rules.coolingOff === undefined && def.productKind !== 'publicFund') {
    problems.push({
      rule: 'cooling-off-rules',
      path: ['stages', coolingOffStage, 'kind'],
      message: 'a cooling-off stage needs productRules.coolingOff (its duration and start)',
    });
  }
  if (rules.coolingOff !== undefined && coolingOffStage < 0 && def.productKind !== 'publicFund') {
    problems.push({
      rule: 'cooling-off-rules',
      path: at('coolingOff'),
      message: 'productRules.coolingOff is set but no stage has kind coolingOff',
    });
  }
  if (
    def.productKind === 'publicFund' &&
    (rules.coolingOff !== undefined || coolingOffStage >= 0)
  ) {
    problems.push({
      rule: 'public-cooling-off',
      path: rules.coolingOff !== undefined ? at('coolingOff') : ['stages', coolingOffStage, 'kind'],
      message: 'public funds have no cooling-off period',
    });
  }
  if (rules.coolingOff !== undefined && durationMs(rules.coolingOff.duration) < DAY_MS) {
    problems.push({
      rule: 'cooling-off-too-short',
      path: at('coolingOff', 'duration'),
      message: `cooling-off ${rules.coolingOff.duration} is shorter than the 24 hours DOMAIN requires (PT24H)`,
    });
  }
  const isPrivate = def.productKind === 'privateFund' || def.productKind === 'assetManagementPlan';
  if (isPrivate && rules.qualifiedInvestor === undefined) {
    problems.push({
      rule: 'qualified-investor-rules',
      path: ['productRules'],
      message: `productKind ${def.productKind} needs productRules.qualifiedInvestor (合格投资者 thresholds)`,
    });
  }
  const validity = rules.suitability.assessmentValidity;
  if (isPrivate && durationMs(validity) > durationMs('P3Y')) {
    problems.push({
      rule: 'assessment-validity',
      path: at('suitability', 'assessmentValidity'),
      message: `assessmentValidity ${validity} is longer than the 3 years a private product allows (P3Y)`,
    });
  }
  if (def.productKind === 'publicFund' && rules.cutOff === undefined) {
    problems.push({
      rule: 'cut-off-rules',
      path: ['productRules'],
      message: 'a public fund needs productRules.cutOff (e.g. 15:00 Asia/Shanghai)',
    });
  }
  if (rules.recordingRequired === true && !def.stages.some((s) => s.kind === 'signing')) {
    problems.push({
      rule: 'recording-without-signing',
      path: at('recordingRequired'),
      message: 'recordingRequired is true but there is no signing stage to record (双录)',
    });
  }
  const qi = rules.qualifiedInvestor;
  if (qi !== undefined) {
    const amounts: [PathSegment[], string][] = [];
    if (typeof qi.minimumAmount === 'string') {
      amounts.push([at('qualifiedInvestor', 'minimumAmount'), qi.minimumAmount]);
    } else {
      for (const [k, v] of Object.entries(qi.minimumAmount)) {
        amounts.push([at('qualifiedInvestor', 'minimumAmount', k), v]);
      }
    }
    for (const key of [
      'individualFinancialAssets',
      'individualAverageIncome',
      'entityNetAssets',
    ] as const) {
      const v = qi[key];
      if (v !== undefined) amounts.push([at('qualifiedInvestor', key), v]);
    }
    for (const [path, text] of amounts) {
      const parsed = parseAmount(text, def.currency);
      if (E.isRight(parsed)) continue;
      problems.push({
        rule: parsed.left.reason === 'precision' ? 'amount-precision' : 'amount-format',
        path,
        message: parsed.left.message,
      });
    }
  }
  const scale = (key: 'investorLevels' | 'productLevels') => {
    const levels = rules.suitability[key];
    if (levels.length === 0) {
      problems.push({
        rule: 'risk-scale',
        path: at('suitability', key),
        message: `${key} is empty`,
      });
    }
    for (const [i, level] of levels.entries()) {
      if (level.trim() === '' || levels.indexOf(level) !== i) {
        problems.push({
          rule: 'risk-scale',
          path: at('suitability', key, i),
          message: `risk level ${JSON.stringify(level)} is empty or repeated`,
        });
      }
    }
  };
  scale('investorLevels');
  scale('productLevels');
  return problems;
}
