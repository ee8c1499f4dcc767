/**
 * One fixture per rule: the base fixture broken on one line, with the exact rule id, path,
 * line, column and message expected. Line numbers refer to BASE in fixture.ts.
 */
import { describe, expect, it } from 'vitest';
import { errorsOf } from './errorsOf.js';
import { BASE, withLines } from './fixture.js';

const ROLES = 'declared roles: rep, boss, risk, ops';
const FEEL_NAMES =
  'a condition may read amount, currency, channel, product, product.code, product.name, product.riskLevel, product.category, product.kind, investor, investor.kind, investor.classification, investor.riskLevel, investor.lowestCategory, actor, actor.roles';

describe('the base fixture', () => {
  it('loads with no error', () => {
    expect(errorsOf(BASE)).toEqual([]);
  });
});

describe('format rules', () => {
  it('reports an unknown key on the key, suggesting the declared one', () => {
    const text = withLines([
      18,
      '      - { id: boss, role: boss, aspect: supervisor, slaa: PT4H }',
    ]);
    expect(errorsOf(text)).toEqual([
      [
        'unknown-key',
        'stages[2].steps[0].slaa',
        18,
        53,
        'unknown key "slaa" (did you mean "sla"?); expected one of id, role, aspect, name, when, sla, escalateTo',
      ],
    ]);
  });

  it('reports a top-level typo such as stagse, and the key it leaves missing', () => {
    expect(errorsOf(withLines([11, 'stagse:']))).toEqual([
      ['missing-key', 'stages', 1, 1, 'missing required key "stages" (expected Array<Stage>)'],
      [
        'unknown-key',
        'stagse',
        11,
        1,
        'unknown key "stagse" (did you mean "stages"?); expected one of id, version, name, productKind, currency, roles, stages, productRules, retention, description, notifications',
      ],
    ]);
  });

  it('reports a missing required key at the object that lacks it', () => {
    expect(errorsOf(withLines([16, '    name: Approvals']))).toEqual([
      [
        'missing-key',
        'stages[2].onReject',
        14,
        5,
        'missing required key "onReject" (expected string)',
      ],
    ]);
  });

  it('lists the allowed values of an enumeration', () => {
    expect(errorsOf(withLines([8, '  boss: { line: marketing }']))).toEqual([
      [
        'invalid-value',
        'roles.boss.line',
        8,
        17,
        'expected one of sales, control, operations, got "marketing"',
      ],
    ]);
  });

  it('checks a stage against its own kind only', () => {
    expect(
      errorsOf(withLines([12, '  - { id: needs, kind: needsConfirmation, role: 7 }'])),
    ).toEqual([
      [
        'invalid-value',
        'stages[0].role',
        12,
        49,
        'expected an identifier (a letter, then letters, digits, "-" or "_"), got 7',
      ],
    ]);
  });

  it('lists the stage kinds when a kind is unknown', () => {
    expect(errorsOf(withLines([20, '  - { id: payment, kind: paymnet, role: ops }']))).toEqual([
      [
        'unknown-kind',
        'stages[3].kind',
        20,
        26,
        'expected a stage kind, one of needsConfirmation, qualification, entry, suitability, contract, signing, approval, payment, coolingOff, returnVisit, fundRelease, registrarConfirmation, archive, task, got "paymnet"',
      ],
    ]);
  });

  it('refuses a currency code the runtime does not know', () => {
    expect(errorsOf(withLines([5, 'currency: RMB']))).toEqual([
      [
        'currency',
        'currency',
        5,
        11,
        'expected an ISO 4217 currency code such as "CNY", got "RMB"',
      ],
    ]);
  });

  it('refuses a malformed duration', () => {
    const line =
      '  suitability: { investorLevels: [C1, C2], productLevels: [R1, R2], assessmentValidity: P1.5Y }';
    expect(errorsOf(withLines([22, line]))).toEqual([
      [
        'duration',
        'productRules.suitability.assessmentValidity',
        22,
        89,
        'expected an ISO-8601 duration such as "PT24H" or "P1Y", got "P1.5Y"',
      ],
    ]);
  });

  const amountLine = (amount: string) =>
    withLines([
      23,
      `  qualifiedInvestor: { minimumAmount: ${amount} }\nretention: { orderRecords: P20Y }`,
    ]);

  it.each([
    ['"1,000"', '"1,000"'],
    ['"1e6"', '"1e6"'],
    ['"-5.00"', '"-5.00"'],
    ['1000000', '1000000'],
  ])('refuses the amount %s', (amount, shown) => {
    expect(errorsOf(amountLine(amount))).toEqual([
      [
        'amount-format',
        'productRules.qualifiedInvestor.minimumAmount',
        23,
        39,
        `expected a decimal amount string such as "1000000.00" (no sign, separators or exponent), got ${shown}`,
      ],
    ]);
  });

  it('refuses an amount with more decimals than the currency has', () => {
    expect(errorsOf(amountLine('"1000000.001"'))).toEqual([
      [
        'amount-precision',
        'productRules.qualifiedInvestor.minimumAmount',
        23,
        39,
        '"1000000.001" has 3 decimals; CNY has 2',
      ],
    ]);
    expect(
      errorsOf(
        withLines(
          [5, 'currency: JPY'],
          [23, amountLine('"100.5"').split('\n').slice(22).join('\n')],
        ),
      ),
    ).toEqual([
      [
        'amount-precision',
        'productRules.qualifiedInvestor.minimumAmount',
        23,
        39,
        '"100.5" has 1 decimal; JPY has 0',
      ],
    ]);
  });
});

describe('reference rules', () => {
  it('reports a duplicate stage id', () => {
    expect(errorsOf(withLines([20, '  - { id: entry, kind: payment, role: ops }']))).toEqual([
      ['duplicate-id', 'stages[3].id', 20, 11, 'duplicate id "entry" (first used at stages[1].id)'],
    ]);
  });

  it('reports a duplicate step id', () => {
    const text = withLines([
      19,
      '      - { id: boss, role: risk, aspect: risk, when: amount >= 5000000 }',
    ]);
    expect(errorsOf(text)).toEqual([
      [
        'duplicate-id',
        'stages[2].steps[1].id',
        19,
        15,
        'duplicate id "boss" (first used at stages[2].steps[0].id)',
      ],
    ]);
  });

  it('reports an unknown role with a suggestion', () => {
    expect(
      errorsOf(withLines([12, '  - { id: needs, kind: needsConfirmation, role: repp }'])),
    ).toEqual([
      [
        'unknown-role',
        'stages[0].role',
        12,
        49,
        `unknown role "repp" (did you mean "rep"?); ${ROLES}`,
      ],
    ]);
  });

  it('reports an escalation to a role that does not exist', () => {
    const text = withLines([
      18,
      '      - { id: boss, role: boss, aspect: supervisor, escalateTo: chief }',
    ]);
    expect(errorsOf(text)).toEqual([
      [
        'unknown-escalation-role',
        'stages[2].steps[0].escalateTo',
        18,
        65,
        `unknown role "chief"; ${ROLES}`,
      ],
    ]);
  });

  it('reports an onReject that names no earlier stage', () => {
    expect(errorsOf(withLines([16, '    onReject: entyr']))).toEqual([
      [
        'unknown-reject-target',
        'stages[2].onReject',
        16,
        15,
        'onReject "entyr" names no earlier stage (did you mean "entry"?); expected "rejected" or one of needs, entry',
      ],
    ]);
  });
});

describe('approval chain rules', () => {
  it('refuses an empty approval chain', () => {
    expect(errorsOf(withLines([17, '    steps: []'], [18, ''], [19, '']))).toEqual([
      [
        'empty-approval-chain',
        'stages[2].steps',
        17,
        12,
        'approval stage "approval" has no steps; a chain needs at least one approver',
      ],
    ]);
  });

  const group = (body: string) => withLines([19, `      - parallel: { id: g, ${body} }`]);

  it('refuses a quorum larger than its group', () => {
    const text = group(
      'policy: quorum, quorum: 3, steps: [{ id: risk, role: risk, aspect: risk }]',
    );
    expect(errorsOf(text)).toEqual([
      [
        'quorum-exceeds-group',
        'stages[2].steps[1].parallel.quorum',
        19,
        52,
        'quorum 3 is larger than group "g", which has 1 step',
      ],
    ]);
  });

  it('refuses a quorum under another policy, and policy quorum without a count', () => {
    const all = group('policy: all, quorum: 1, steps: [{ id: risk, role: risk, aspect: risk }]');
    expect(errorsOf(all)).toEqual([
      [
        'quorum-policy',
        'stages[2].steps[1].parallel.quorum',
        19,
        49,
        'parallel group "g" has a quorum but policy "all"; use policy quorum',
      ],
    ]);
    const none = group('policy: quorum, steps: [{ id: risk, role: risk, aspect: risk }]');
    expect(errorsOf(none)).toEqual([
      [
        'quorum-policy',
        'stages[2].steps[1].parallel.policy',
        19,
        36,
        'parallel group "g" has policy quorum but no "quorum" count',
      ],
    ]);
  });

  it('refuses an empty parallel group', () => {
    expect(errorsOf(group('policy: all, steps: []'))).toEqual([
      [
        'empty-approval-chain',
        'stages[2].steps[1].parallel.steps',
        19,
        48,
        'parallel group "g" has no steps',
      ],
    ]);
  });

  const decision = (rule: string) =>
    withLines([
      19,
      `      - { id: risk, role: risk, aspect: risk }\n    decision:\n      inputs: [amount]\n      rules:\n        - ${rule}`,
    ]);

  it('checks the width of decision-table rules and the steps they require', () => {
    expect(errorsOf(decision('{ when: [">= 1", "-"], require: [bos] }'))).toEqual([
      [
        'decision-arity',
        'stages[2].decision.rules[0].when',
        23,
        19,
        'rule has 2 test(s) but the table has 1 input(s); write one test per input ("-" matches anything)',
      ],
      [
        'unknown-step',
        'stages[2].decision.rules[0].require[0]',
        23,
        44,
        'unknown step "bos" (did you mean "boss"?); steps of this stage: boss, risk',
      ],
    ]);
  });

  it('refuses a decision rule that requires a group instead of a step', () => {
    const text = withLines([
      19,
      '      - parallel: { id: g, policy: all, steps: [{ id: risk, role: risk, aspect: risk }] }\n    decision:\n      inputs: [amount]\n      rules:\n        - { when: ["-"], require: [g] }',
    ]);
    expect(errorsOf(text)).toEqual([
      [
        'unknown-step',
        'stages[2].decision.rules[0].require[0]',
        23,
        36,
        'unknown step "g"; steps of this stage: boss, risk',
      ],
    ]);
  });

  it('reports a unary test that does not parse, at its character', () => {
    expect(errorsOf(decision('{ when: [">>"], require: [boss] }'))).toEqual([
      [
        'feel-syntax',
        'stages[2].decision.rules[0].when[0]',
        23,
        23,
        'FEEL syntax error at character 3 of ">>": Incomplete <SimplePositiveUnaryTest>',
      ],
    ]);
  });
});

describe('FEEL rules', () => {
  const when = (expression: string) =>
    withLines([19, `      - { id: risk, role: risk, aspect: risk, when: ${expression} }`]);

  it('reports a FEEL syntax error at its character inside the expression and in the file', () => {
    expect(errorsOf(when('"amount >= "'))).toEqual([
      [
        'feel-syntax',
        'stages[2].steps[1].when',
        19,
        64,
        'FEEL syntax error at character 11 of "amount >= ": Incomplete <Comparison>',
      ],
    ]);
  });

  it('points inside a literal block scalar at the line and column of the error', () => {
    const text = withLines([
      19,
      '      - id: risk\n        role: risk\n        aspect: risk\n        when: |\n          amount >= 5000000\n            and product.riskLevl = "R5"',
    ]);
    expect(errorsOf(text).map(([rule, path, line, column]) => [rule, path, line, column])).toEqual([
      ['feel-unknown-name', 'stages[2].steps[1].when', 24, 25],
    ]);
  });

  it('reports a name the condition context cannot have, suggesting the right one', () => {
    expect(errorsOf(when('product.riskLevl = "R4"'))).toEqual([
      [
        'feel-unknown-name',
        'stages[2].steps[1].when',
        19,
        61,
        `unknown name "product.riskLevl" at character 9 (did you mean "product.riskLevel"?); ${FEEL_NAMES}`,
      ],
    ]);
  });

  it("refuses a condition that does not give true or false, such as FEEL's in … or trap", () => {
    expect(errorsOf(when('amount'))).toEqual([
      [
        'feel-not-boolean',
        'stages[2].steps[1].when',
        19,
        53,
        'a condition must give true or false; on a sample order it gives 1000000',
      ],
    ]);
    expect(
      errorsOf(when('\'product.riskLevel in ["R4", "R5"] or amount >= 5000000\''))[0]?.slice(0, 2),
    ).toEqual(['feel-not-boolean', 'stages[2].steps[1].when']);
  });

  it('reports an unknown function', () => {
    expect(errorsOf(when('frobnicate(amount) > 1'))).toEqual([
      [
        'feel-unknown-name',
        'stages[2].steps[1].when',
        19,
        53,
        'unknown FEEL function "frobnicate" at character 1',
      ],
    ]);
  });

  it('accepts builtins and names bound inside the expression', () => {
    expect(errorsOf(when('"some r in actor.roles satisfies starts with(r, \\"risk\\")"'))).toEqual(
      [],
    );
    expect(errorsOf(when('count(actor.roles) > 1 and investor.lowestCategory = false'))).toEqual(
      [],
    );
  });
});

describe('DOMAIN rules', () => {
  it('refuses a contract before the entry it is drafted from', () => {
    expect(errorsOf(withLines([12, '  - { id: contract, kind: contract, role: ops }']))).toEqual([
      [
        'stage-order',
        'stages[0].kind',
        12,
        27,
        'contract stage "contract" comes before entry stage "entry"; entry must come first (the contract is drafted from the entered order)',
      ],
    ]);
  });

  it('refuses fund release before payment and approvals', () => {
    expect(errorsOf(withLines([12, '  - { id: release, kind: fundRelease, role: ops }']))).toEqual([
      [
        'stage-order',
        'stages[0].kind',
        12,
        26,
        'fund release stage "release" comes before payment stage "payment"; payment must come first (only money received can be released)',
      ],
      [
        'stage-order',
        'stages[0].kind',
        12,
        26,
        'fund release stage "release" comes before approval stage "approval"; approval must come first (funds are released only when every approval is in)',
      ],
    ]);
  });

  const coolingOffRules = (duration: string) =>
    [
      22,
      `  suitability: { investorLevels: [C1, C2], productLevels: [R1, R2], assessmentValidity: P1Y }\n  coolingOff: { duration: ${duration}, startsAfter: signed }`,
    ] as [number, string];

  it('refuses cooling-off with no signing stage to start it', () => {
    const text = withLines([20, '  - { id: cooling, kind: coolingOff }'], coolingOffRules('PT24H'));
    expect(errorsOf(text)).toEqual([
      [
        'stage-missing',
        'stages[3].kind',
        20,
        26,
        'cooling-off starts after signing, but there is no signing stage',
      ],
    ]);
  });

  it('refuses a cooling-off stage without its rules, and rules without the stage', () => {
    expect(errorsOf(withLines([20, '  - { id: cooling, kind: coolingOff }']))).toEqual([
      [
        'stage-missing',
        'stages[3].kind',
        20,
        26,
        'cooling-off starts after signing, but there is no signing stage',
      ],
      [
        'cooling-off-rules',
        'stages[3].kind',
        20,
        26,
        'a cooling-off stage needs productRules.coolingOff (its duration and start)',
      ],
    ]);
    expect(errorsOf(withLines(coolingOffRules('PT24H')))).toEqual([
      [
        'cooling-off-rules',
        'productRules.coolingOff',
        23,
        15,
        'productRules.coolingOff is set but no stage has kind coolingOff',
      ],
    ]);
  });

  it('refuses a cooling-off shorter than 24 hours', () => {
    const text = withLines(
      [20, '  - { id: signing, kind: signing, role: rep }\n  - { id: cooling, kind: coolingOff }'],
      coolingOffRules('PT12H'),
    );
    expect(errorsOf(text)).toEqual([
      [
        'cooling-off-too-short',
        'productRules.coolingOff.duration',
        24,
        27,
        'cooling-off PT12H is shorter than the 24 hours DOMAIN requires (PT24H)',
      ],
    ]);
  });

  it('refuses a cooling-off on a public fund, which also needs a cut-off', () => {
    const text = withLines([4, 'productKind: publicFund'], coolingOffRules('PT24H'));
    expect(errorsOf(text)).toEqual([
      [
        'cut-off-rules',
        'productRules',
        22,
        3,
        'a public fund needs productRules.cutOff (e.g. 15:00 Asia/Shanghai)',
      ],
      [
        'public-cooling-off',
        'productRules.coolingOff',
        23,
        15,
        'public funds have no cooling-off period',
      ],
    ]);
  });

  it('requires qualified-investor rules for a private product', () => {
    expect(
      errorsOf(
        withLines(
          [4, 'productKind: assetManagementPlan'],
          [12, '  - { id: needs, kind: qualification, role: rep, reviewRole: risk }'],
        ),
      ),
    ).toEqual([
      [
        'qualified-investor-rules',
        'productRules',
        22,
        3,
        'productKind assetManagementPlan needs productRules.qualifiedInvestor (合格投资者 thresholds)',
      ],
    ]);
  });

  it('refuses a private-product assessment valid longer than three years', () => {
    const line =
      '  suitability: { investorLevels: [C1, C2], productLevels: [R1, R2], assessmentValidity: P4Y }\n  qualifiedInvestor: { minimumAmount: "300000.00" }';
    expect(
      errorsOf(
        withLines(
          [4, 'productKind: assetManagementPlan'],
          [12, '  - { id: needs, kind: qualification, role: rep, reviewRole: risk }'],
          [22, line],
        ),
      ),
    ).toEqual([
      [
        'assessment-validity',
        'productRules.suitability.assessmentValidity',
        22,
        89,
        'assessmentValidity P4Y is longer than the 3 years a private product allows (P3Y)',
      ],
    ]);
  });

  it('requires cooling-off, a return visit and a qualification stage for a private fund', () => {
    const qualified =
      '  qualifiedInvestor: { minimumAmount: "1000000.00" }\nretention: { orderRecords: P20Y }';
    expect(errorsOf(withLines([4, 'productKind: privateFund'], [23, qualified]))).toEqual([
      [
        'stage-missing',
        'stages',
        12,
        3,
        'a private fund needs a cooling-off stage (募集行为管理办法 Art. 29–31)',
      ],
      [
        'stage-missing',
        'stages',
        12,
        3,
        'a private fund needs a return visit stage (募集行为管理办法 Art. 29–31)',
      ],
      [
        'stage-missing',
        'stages',
        12,
        3,
        'productKind privateFund needs a qualification stage: qualified-investor proof is on file before the contract',
      ],
    ]);
  });

  it('refuses a return visit, a qualification review or a control approval given to a sales-line role', () => {
    const text = withLines(
      [12, '  - { id: needs, kind: qualification, role: rep, reviewRole: boss }'],
      [19, '      - { id: risk, role: boss, aspect: compliance }'],
      [
        20,
        '  - { id: payment, kind: payment, role: ops }\n  - { id: visit, kind: returnVisit, role: rep }',
      ],
    );
    expect(errorsOf(text)).toEqual([
      [
        'sales-line-control',
        'stages[0].reviewRole',
        12,
        62,
        'a qualification review must be outside the sales line, but role "boss" is on line sales',
      ],
      [
        'sales-line-control',
        'stages[2].steps[1].role',
        19,
        27,
        'a compliance approval must be outside the sales line, but role "boss" is on line sales',
      ],
      [
        'sales-line-control',
        'stages[4].role',
        21,
        43,
        'a return visit must be outside the sales line, but role "rep" is on line sales',
      ],
    ]);
  });

  it('refuses to escalate a control approval to a sales-line role', () => {
    const text = withLines([
      19,
      '      - { id: risk, role: risk, aspect: risk, escalateTo: boss }',
    ]);
    expect(errorsOf(text)).toEqual([
      [
        'sales-line-control',
        'stages[2].steps[1].escalateTo',
        19,
        59,
        'the escalation of a risk approval must be outside the sales line, but role "boss" is on line sales',
      ],
    ]);
  });

  it('lets a sales-line supervisor approve', () => {
    expect(
      errorsOf(withLines([19, '      - { id: risk, role: boss, aspect: supervisor }'])),
    ).toEqual([]);
  });

  it('refuses recording without a signing stage', () => {
    const line =
      '  suitability: { investorLevels: [C1, C2], productLevels: [R1, R2], assessmentValidity: P1Y }\n  recordingRequired: true';
    expect(errorsOf(withLines([22, line]))).toEqual([
      [
        'recording-without-signing',
        'productRules.recordingRequired',
        23,
        22,
        'recordingRequired is true but there is no signing stage to record (双录)',
      ],
    ]);
  });

  it('refuses a repeated risk level', () => {
    const line =
      '  suitability: { investorLevels: [C1, C1], productLevels: [R1, R2], assessmentValidity: P1Y }';
    expect(errorsOf(withLines([22, line]))).toEqual([
      [
        'risk-scale',
        'productRules.suitability.investorLevels[1]',
        22,
        39,
        'risk level "C1" is empty or repeated',
      ],
    ]);
  });
});
