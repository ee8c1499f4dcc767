/**
 * A fast-check arbitrary of valid definitions: any product kind, a lifecycle-ordered
 * subset of stage kinds that satisfies every DOMAIN rule, approval chains with groups,
 * conditions and decision tables, and amounts in the currency's precision.
 */
import {
  type ApprovalAspect,
  type ApprovalStep,
  type ChainEntry,
  type DefinitionSource,
  formatAmount,
  type ParallelGroup,
  type ProductKind,
  type ProductRules,
  type Stage,
  type StageKind,
} from '@orderflow/definitions';
import fc from 'fast-check';

const ROLE_OF: Record<ApprovalAspect, string> = {
  supervisor: 'salesSupervisor',
  risk: 'riskOfficer',
  compliance: 'complianceOfficer',
  legal: 'legalCounsel',
  finance: 'financeOfficer',
};

const ROLES = {
  salesRep: { line: 'sales' },
  salesSupervisor: { line: 'sales' },
  riskOfficer: { line: 'control' },
  complianceOfficer: { line: 'control' },
  legalCounsel: { line: 'control' },
  returnVisitAgent: { line: 'control' },
  operations: { line: 'operations' },
  financeOfficer: { line: 'operations' },
} as const;

const CONDITIONS = [
  'amount >= 5000000',
  'product.riskLevel in ["R4", "R5"]',
  'investor.classification = "ordinary" and not(investor.lowestCategory)',
  'list contains(actor.roles, "riskOfficer")',
  'channel = "online" or currency != "CNY"',
];
const TESTS = ['-', '>= 1000000', '< 5000000', '[1000..9999999]', 'not(0)'];

const duration = fc
  .record({ h: fc.nat(48), d: fc.nat(30), y: fc.nat(3) })
  .map(
    ({ h, d, y }) =>
      `P${y > 0 ? `${y}Y` : ''}${d > 0 ? `${d}D` : ''}${h > 0 || (d === 0 && y === 0) ? `T${h + 1}H` : ''}`,
  );

const label = fc.option(fc.string({ maxLength: 12 }), { nil: undefined });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Drops `undefined` members, as the codecs do, giving the codec type `R`. */
function clean<R>(o: Record<string, unknown>): R {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as R;
}

const aspect = fc.constantFrom<ApprovalAspect>(
  'supervisor',
  'risk',
  'compliance',
  'legal',
  'finance',
);

function step(id: string) {
  return fc
    .record({
      aspect,
      name: label,
      when: maybe(fc.constantFrom(...CONDITIONS)),
      sla: maybe(duration),
      escalate: fc.boolean(),
    })
    .map(({ aspect, name, when, sla, escalate }) =>
      clean<ApprovalStep>({
        id,
        role: ROLE_OF[aspect],
        aspect,
        name,
        when,
        sla,
        escalateTo: escalate ? 'complianceOfficer' : undefined,
      }),
    );
}

function entry(index: number): fc.Arbitrary<ChainEntry> {
  const group = fc.integer({ min: 1, max: 3 }).chain((n) =>
    fc
      .record({
        steps: fc.tuple(...Array.from({ length: n }, (_, j) => step(`s${index}_${j}`))),
        policy: fc.constantFrom('all', 'any', 'quorum' as const),
        quorum: fc.integer({ min: 1, max: n }),
        when: maybe(fc.constantFrom(...CONDITIONS)),
      })
      .map(({ steps, policy, quorum, when }) => ({
        parallel: clean<ParallelGroup>({
          id: `g${index}`,
          policy,
          steps,
          quorum: policy === 'quorum' ? quorum : undefined,
          when,
        }),
      })),
  );
  return fc.oneof(step(`s${index}`), group);
}

function stepIds(entries: readonly ChainEntry[]): string[] {
  return entries.flatMap((e) => ('parallel' in e ? e.parallel.steps.map((s) => s.id) : [e.id]));
}

function approval(id: string, earlier: readonly string[]): fc.Arbitrary<Stage> {
  return fc
    .integer({ min: 1, max: 3 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => entry(i))))
    .chain((steps) =>
      fc
        .record({
          onReject: fc.constantFrom('rejected', ...earlier),
          name: label,
          decision: maybe(
            fc.array(
              fc.record({
                when: fc.constantFrom(...TESTS).map((t) => [t]),
                require: fc.subarray(stepIds(steps), { minLength: 1 }),
              }),
              { minLength: 1, maxLength: 3 },
            ),
          ),
        })
        .map(({ onReject, name, decision }) =>
          clean({
            id,
            kind: 'approval' as const,
            steps,
            onReject,
            name,
            decision: decision === undefined ? undefined : { inputs: ['amount'], rules: decision },
          }),
        ),
    );
}

function simpleStage(kind: Exclude<StageKind, 'approval'>, id: string): Stage {
  switch (kind) {
    case 'entry':
      return { id, kind, makerRole: 'salesRep', checkerRole: 'operations' };
    case 'qualification':
      return { id, kind, role: 'salesRep', reviewRole: 'riskOfficer' };
    case 'coolingOff':
      return { id, kind };
    case 'returnVisit':
      return { id, kind, role: 'returnVisitAgent', maxAttempts: 3 };
    case 'task':
      return {
        id,
        kind,
        role: 'operations',
        form: [{ name: 'note', type: 'string', required: true }],
      };
    case 'signing':
      return { id, kind, role: 'salesRep', recordingRequired: true };
    default:
      return { id, kind, role: 'operations' };
  }
}

const LIFECYCLE: readonly StageKind[] = [
  'needsConfirmation',
  'qualification',
  'entry',
  'suitability',
  'contract',
  'signing',
  'approval',
  'payment',
  'coolingOff',
  'returnVisit',
  'fundRelease',
  'registrarConfirmation',
  'task',
  'archive',
];

/** Arbitrary valid definitions (as decoded values). */
export const arbitraryDefinition: fc.Arbitrary<DefinitionSource> = fc
  .record({
    productKind: fc.constantFrom<ProductKind>(
      'publicFund',
      'privateFund',
      'bankWealth',
      'assetManagementPlan',
    ),
    currency: fc.constantFrom('CNY', 'USD', 'JPY', 'HKD'),
    kinds: fc.subarray([...LIFECYCLE]),
    minimum: fc.maxSafeNat(),
    perCategory: fc.boolean(),
    coolingHours: fc.integer({ min: 24, max: 240 }),
    startsAfter: fc.constantFrom('signed', 'signedAndPaid' as const),
    name: fc.string({ maxLength: 20 }),
    description: label,
    notify: fc.boolean(),
    version: fc.integer({ min: 1, max: 1000 }),
  })
  .chain((p) => {
    const kinds = new Set(p.kinds);
    kinds.add('approval');
    if (p.productKind === 'publicFund') kinds.delete('coolingOff');
    if (p.productKind === 'privateFund') {
      kinds.add('coolingOff');
      kinds.add('returnVisit');
    }
    if (p.productKind === 'privateFund' || p.productKind === 'assetManagementPlan') {
      kinds.add('qualification');
    }
    if (kinds.has('coolingOff')) {
      kinds.add('signing');
      if (p.startsAfter === 'signedAndPaid') kinds.add('payment');
    }
    const ordered = LIFECYCLE.filter((k) => kinds.has(k));
    const ids = ordered.map((k, i) => `${k}-${i}`);
    const stages = ordered.map((k, i) =>
      k === 'approval'
        ? approval(ids[i] as string, ids.slice(0, i))
        : fc.constant(simpleStage(k, ids[i] as string)),
    );
    const amount = formatAmount(p.minimum, p.currency);
    const rules = clean<ProductRules>({
      suitability: {
        investorLevels: ['C1', 'C2', 'C3'],
        productLevels: ['R1', 'R2', 'R3'],
        assessmentValidity: 'P1Y',
      },
      qualifiedInvestor:
        p.productKind === 'privateFund' || p.productKind === 'assetManagementPlan'
          ? { minimumAmount: p.perCategory ? { equity: amount, fixedIncome: amount } : amount }
          : undefined,
      coolingOff: kinds.has('coolingOff')
        ? { duration: `PT${p.coolingHours}H`, startsAfter: p.startsAfter }
        : undefined,
      cutOff:
        p.productKind === 'publicFund'
          ? { time: '15:00', timeZone: 'Asia/Shanghai', cancellable: true }
          : undefined,
      recordingRequired: kinds.has('signing') ? true : undefined,
    });
    return fc.tuple(...stages).map(
      (built): DefinitionSource =>
        clean<DefinitionSource>({
          id: `def-${p.productKind}`,
          version: p.version,
          name: p.name,
          description: p.description,
          productKind: p.productKind,
          currency: p.currency,
          roles: ROLES,
          stages: built,
          productRules: rules,
          notifications: p.notify
            ? [{ on: 'signed', notify: ['operations', 'investor'], template: 'signed' }]
            : undefined,
          retention: { orderRecords: 'P20Y', amlRecords: 'P10Y' },
        }),
    );
  });
