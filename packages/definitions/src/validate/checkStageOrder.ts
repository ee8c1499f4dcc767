/** Stage order and presence rules of DOMAIN §2–3 (the private-fund selling order). */
import type { DefinitionSource, StageKind } from '../codecs/Definition.js';
import type { Problem } from './Problem.js';

/** A pair of stage kinds that must come in this order when both are present, and why. */
export interface OrderRule {
  readonly before: StageKind;
  readonly after: StageKind;
  readonly why: string;
}

/** Every ordering rule, checked on the first stage of each kind. */
export const ORDER_RULES: readonly OrderRule[] = [
  {
    before: 'needsConfirmation',
    after: 'qualification',
    why: 'needs confirmation is signed before qualification',
  },
  {
    before: 'qualification',
    after: 'contract',
    why: 'qualified-investor proof is on file before the contract is drafted',
  },
  { before: 'entry', after: 'contract', why: 'the contract is drafted from the entered order' },
  { before: 'contract', after: 'signing', why: 'a contract is drafted before it is signed' },
  { before: 'suitability', after: 'signing', why: 'suitability is matched before signing' },
  { before: 'signing', after: 'coolingOff', why: 'cooling-off starts after signing' },
  {
    before: 'coolingOff',
    after: 'returnVisit',
    why: 'a return visit during cooling-off is invalid',
  },
  {
    before: 'returnVisit',
    after: 'fundRelease',
    why: 'funds stay in the fundraising account until the return visit succeeds',
  },
  { before: 'payment', after: 'fundRelease', why: 'only money received can be released' },
  {
    before: 'approval',
    after: 'fundRelease',
    why: 'funds are released only when every approval is in',
  },
  {
    before: 'fundRelease',
    after: 'registrarConfirmation',
    why: 'the registrar confirms what was transferred',
  },
];

const LABEL: Readonly<Record<StageKind, string>> = {
  needsConfirmation: 'needs confirmation',
  qualification: 'qualification',
  entry: 'entry',
  suitability: 'suitability',
  contract: 'contract',
  signing: 'signing',
  approval: 'approval',
  payment: 'payment',
  coolingOff: 'cooling-off',
  returnVisit: 'return visit',
  fundRelease: 'fund release',
  registrarConfirmation: 'registrar confirmation',
  archive: 'archive',
  task: 'task',
};

/** Checks the order of stages and the stages other stages need. */
export function checkStageOrder(def: DefinitionSource): Problem[] {
  const problems: Problem[] = [];
  const first = (kind: StageKind): number => def.stages.findIndex((s) => s.kind === kind);
  for (const rule of ORDER_RULES) {
    const b = first(rule.before);
    const a = first(rule.after);
    if (a < 0 || b < 0 || b < a) continue;
    problems.push({
      rule: 'stage-order',
      path: ['stages', a, 'kind'],
      message: `${LABEL[rule.after]} stage "${def.stages[a]?.id}" comes before ${LABEL[rule.before]} stage "${def.stages[b]?.id}"; ${LABEL[rule.before]} must come first (${rule.why})`,
    });
  }
  const coolingOff = first('coolingOff');
  if (def.productRules.coolingOff?.startsAfter === 'signedAndPaid' && coolingOff >= 0) {
    const payment = first('payment');
    if (payment > coolingOff) {
      problems.push({
        rule: 'stage-order',
        path: ['stages', coolingOff, 'kind'],
        message: `cooling-off stage "${def.stages[coolingOff]?.id}" comes before payment stage "${def.stages[payment]?.id}"; cooling-off starts after signed and paid`,
      });
    }
    if (payment < 0) {
      problems.push({
        rule: 'stage-missing',
        path: ['stages', coolingOff, 'kind'],
        message: 'cooling-off starts after signed and paid, but there is no payment stage',
      });
    }
  }
  if (coolingOff >= 0 && first('signing') < 0) {
    problems.push({
      rule: 'stage-missing',
      path: ['stages', coolingOff, 'kind'],
      message: 'cooling-off starts after signing, but there is no signing stage',
    });
  }
  const archive = first('archive');
  if (archive >= 0 && archive !== def.stages.length - 1) {
    problems.push({
      rule: 'stage-order',
      path: ['stages', archive, 'kind'],
      message: `archive stage "${def.stages[archive]?.id}" must be the last stage`,
    });
  }
  if (def.productKind === 'privateFund') {
    for (const kind of ['coolingOff', 'returnVisit'] as const) {
      if (first(kind) >= 0) continue;
      problems.push({
        rule: 'stage-missing',
        path: ['stages'],
        message: `a private fund needs a ${LABEL[kind]} stage (募集行为管理办法 Art. 29–31)`,
      });
    }
  }
  if (
    (def.productKind === 'privateFund' || def.productKind === 'assetManagementPlan') &&
    first('qualification') < 0
  ) {
    problems.push({
      rule: 'stage-missing',
      path: ['stages'],
      message: `productKind ${def.productKind} needs a qualification stage: qualified-investor proof is on file before the contract`,
    });
  }
  return problems;
}
