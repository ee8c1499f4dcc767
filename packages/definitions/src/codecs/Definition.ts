/**
 * The io-ts codecs of the whole definition format (DESIGN §2). Every object is closed
 * (see {@link struct}): an undeclared key is an error with a suggestion.
 */
import * as t from 'io-ts';
import { dispatch } from './dispatch.js';
import {
  ClockTime,
  CurrencyCode,
  DecimalAmount,
  Duration,
  FeelExpression,
  Identifier,
  IsoDate,
  PositiveInt,
  TimeZone,
} from './primitives.js';
import { struct } from './struct.js';

const literals = <A extends string, B extends string, C extends readonly string[]>(
  name: string,
  ...values: [A, B, ...C]
) =>
  t.keyof(
    Object.fromEntries(values.map((v) => [v, null])) as Record<A | B | C[number], null>,
    name,
  );

// ---------------------------------------------------------------- metadata and roles

/** The line a role belongs to; control roles sit outside the sales line (DOMAIN §2). */
export const RoleLine = literals('RoleLine', 'sales', 'control', 'operations');
/** @see RoleLine */
export type RoleLine = t.TypeOf<typeof RoleLine>;

/** A role actors may hold, with its line. */
export const RoleSpec = struct(
  'RoleSpec',
  { line: RoleLine },
  { name: t.string, description: t.string },
);
/** @see RoleSpec */
export type RoleSpec = t.TypeOf<typeof RoleSpec>;

/** The kind of product a definition sells; decides which DOMAIN rules apply. */
export const ProductKind = literals(
  'ProductKind',
  'publicFund',
  'privateFund',
  'bankWealth',
  'assetManagementPlan',
);
/** @see ProductKind */
export type ProductKind = t.TypeOf<typeof ProductKind>;

// ---------------------------------------------------------------- approval chains

/**
 * The aspect an approval level checks (DOMAIN §1.6): risk, compliance and legal steps must
 * be taken by roles outside the sales line; a supervisor step may be sales-line.
 */
export const ApprovalAspect = literals(
  'ApprovalAspect',
  'supervisor',
  'risk',
  'compliance',
  'finance',
  'legal',
);
/** @see ApprovalAspect */
export type ApprovalAspect = t.TypeOf<typeof ApprovalAspect>;

/** One approver step: a role, the aspect it checks, an optional FEEL condition, an SLA and its escalation. */
export const ApprovalStep = struct(
  'ApprovalStep',
  { id: Identifier, role: Identifier, aspect: ApprovalAspect },
  {
    name: t.string,
    when: FeelExpression,
    sla: Duration,
    escalateTo: Identifier,
  },
);
/** @see ApprovalStep */
export type ApprovalStep = t.TypeOf<typeof ApprovalStep>;

/** How a parallel group completes: every member, any one, or a quorum of distinct approvers. */
export const ParallelPolicy = literals('ParallelPolicy', 'all', 'any', 'quorum');
/** @see ParallelPolicy */
export type ParallelPolicy = t.TypeOf<typeof ParallelPolicy>;

/** A parallel group of approver steps. */
export const ParallelGroup = struct(
  'ParallelGroup',
  { id: Identifier, policy: ParallelPolicy, steps: t.array(ApprovalStep) },
  { quorum: PositiveInt, when: FeelExpression },
);
/** @see ParallelGroup */
export type ParallelGroup = t.TypeOf<typeof ParallelGroup>;

/** The `{ parallel: {...} }` wrapper of a parallel group in a chain. */
export const ParallelEntry = struct('ParallelEntry', { parallel: ParallelGroup });
/** @see ParallelEntry */
export type ParallelEntry = t.TypeOf<typeof ParallelEntry>;

/** A chain entry: a single step, or `{ parallel: {...} }` (chosen by the `parallel` key). */
export const ChainEntry = dispatch('ChainEntry', [ApprovalStep, ParallelEntry], (u) =>
  typeof u === 'object' && u !== null && 'parallel' in u
    ? { codec: ParallelEntry }
    : { codec: ApprovalStep },
);
/** @see ChainEntry */
export type ChainEntry = t.TypeOf<typeof ChainEntry>;

/**
 * A decision table choosing steps: each rule has one FEEL unary test per input (`-` matches
 * anything); every matching rule's `require` steps are required (hit policy collect).
 * A step named by no rule is always required.
 */
export const DecisionTable = struct('DecisionTable', {
  inputs: t.array(FeelExpression),
  rules: t.array(
    struct(
      'DecisionRule',
      { when: t.array(t.string), require: t.array(Identifier) },
      { description: t.string },
    ),
  ),
});
/** @see DecisionTable */
export type DecisionTable = t.TypeOf<typeof DecisionTable>;

/** Where a rejection goes: `rejected` (the order ends), or a stage id to amend from. */
export const RejectTarget = t.string;

// ---------------------------------------------------------------- stages

const base = { id: Identifier };
const common = { name: t.string, sla: Duration, escalateTo: Identifier };

/** 需求确认: the client signs the needs-confirmation letter. */
export const NeedsConfirmationStage = struct(
  'NeedsConfirmationStage',
  { ...base, kind: t.literal('needsConfirmation'), role: Identifier },
  common,
);
/** 客户资质预审: identity, source of funds, AML screening; reviewed by a control role. */
export const QualificationStage = struct(
  'QualificationStage',
  { ...base, kind: t.literal('qualification'), role: Identifier, reviewRole: Identifier },
  common,
);
/** 订单录入: maker enters, a different person (checker) verifies. */
export const EntryStage = struct(
  'EntryStage',
  { ...base, kind: t.literal('entry'), makerRole: Identifier, checkerRole: Identifier },
  common,
);
/** Suitability match of investor level and product level (mismatch path of Art. 19). */
export const SuitabilityStage = struct(
  'SuitabilityStage',
  { ...base, kind: t.literal('suitability'), role: Identifier },
  common,
);
/** 合同制定: contract drafted from the confirmed order; text linted for guaranteed returns. */
export const ContractStage = struct(
  'ContractStage',
  { ...base, kind: t.literal('contract'), role: Identifier },
  { ...common, template: Identifier },
);
/** 合同签署: e-signature; the link expires; recording (双录) may be required. */
export const SigningStage = struct(
  'SigningStage',
  { ...base, kind: t.literal('signing'), role: Identifier },
  { ...common, expiresAfter: Duration, recordingRequired: t.boolean },
);
/** 多层审批: the customizable approval chain. */
export const ApprovalStage = struct(
  'ApprovalStage',
  {
    ...base,
    kind: t.literal('approval'),
    steps: t.array(ChainEntry),
    onReject: RejectTarget,
  },
  { name: t.string, decision: DecisionTable },
);
/** Payment into the fundraising account; the payer account must be the investor's. */
export const PaymentStage = struct(
  'PaymentStage',
  { ...base, kind: t.literal('payment'), role: Identifier },
  { ...common, deadline: Duration },
);
/** 冷静期: duration and start come from `productRules.coolingOff`. */
export const CoolingOffStage = struct(
  'CoolingOffStage',
  { ...base, kind: t.literal('coolingOff') },
  { name: t.string },
);
/** 回访: by a role outside the sales line, after cooling-off; deadline then expire and refund. */
export const ReturnVisitStage = struct(
  'ReturnVisitStage',
  { ...base, kind: t.literal('returnVisit'), role: Identifier },
  { ...common, deadline: Duration, maxAttempts: PositiveInt },
);
/** 资金划转: fundraising account → custody account; only after every approval and the visit. */
export const FundReleaseStage = struct(
  'FundReleaseStage',
  { ...base, kind: t.literal('fundRelease'), role: Identifier },
  { ...common, maxRetries: PositiveInt },
);
/** 登记确认: the registrar confirms units (T+n trading days); alert when late. */
export const RegistrarConfirmationStage = struct(
  'RegistrarConfirmationStage',
  { ...base, kind: t.literal('registrarConfirmation'), role: Identifier },
  { ...common, settlementDays: PositiveInt, alertAfterDays: PositiveInt },
);
/** 归档: the order and its evidence are archived. */
export const ArchiveStage = struct(
  'ArchiveStage',
  { ...base, kind: t.literal('archive'), role: Identifier },
  common,
);

/** A field of a custom task's form. */
export const FormField = struct(
  'FormField',
  {
    name: Identifier,
    type: literals('FieldType', 'string', 'number', 'boolean', 'amount', 'date'),
  },
  { required: t.boolean, label: t.string },
);
/** @see FormField */
export type FormField = t.TypeOf<typeof FormField>;

/** A custom human step: a role, a form of required fields, an SLA. */
export const TaskStage = struct(
  'TaskStage',
  { ...base, kind: t.literal('task'), role: Identifier, form: t.array(FormField) },
  { ...common, when: FeelExpression },
);

const STAGE_CODECS = [
  NeedsConfirmationStage,
  QualificationStage,
  EntryStage,
  SuitabilityStage,
  ContractStage,
  SigningStage,
  ApprovalStage,
  PaymentStage,
  CoolingOffStage,
  ReturnVisitStage,
  FundReleaseStage,
  RegistrarConfirmationStage,
  ArchiveStage,
  TaskStage,
] as const;

/** Every stage kind, discriminated by `kind`: a stage is checked against its own kind only. */
export const Stage = dispatch('Stage', STAGE_CODECS, (u) => {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) {
    return { key: null, expected: 'a stage (an object with a "kind")', typeName: 'Stage' };
  }
  const kind = (u as Record<string, unknown>).kind;
  const codec = STAGE_CODECS.find((c) => c.required.kind.value === kind);
  return codec !== undefined
    ? { codec }
    : {
        key: 'kind',
        expected: `a stage kind, one of ${STAGE_CODECS.map((c) => c.required.kind.value).join(', ')}`,
        typeName: 'StageKind',
      };
});
/** @see Stage */
export type Stage = t.TypeOf<typeof Stage>;
/** The `kind` of a stage. */
export type StageKind = Stage['kind'];
/** The stage of a given kind. */
export type StageOf<K extends StageKind> = Extract<Stage, { kind: K }>;
/** Every stage kind name, in lifecycle order. */
export const STAGE_KINDS: readonly StageKind[] = [
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
  'archive',
  'task',
];

// ---------------------------------------------------------------- product rule pack

/** Investor and product risk scales and the validity of an assessment. */
export const SuitabilityRules = struct(
  'SuitabilityRules',
  {
    investorLevels: t.array(t.string),
    productLevels: t.array(t.string),
    assessmentValidity: Duration,
  },
  { allowMismatchOverride: t.boolean },
);
/** @see SuitabilityRules */
export type SuitabilityRules = t.TypeOf<typeof SuitabilityRules>;

/** Qualified-investor thresholds (合格投资者); amounts are decimal strings in `currency`. */
export const QualifiedInvestorRules = struct(
  'QualifiedInvestorRules',
  {
    minimumAmount: dispatch(
      'MinimumAmount',
      [DecimalAmount, t.record(Identifier, DecimalAmount)],
      (u) =>
        typeof u === 'object' && u !== null && !Array.isArray(u)
          ? { codec: t.record(Identifier, DecimalAmount) }
          : { codec: DecimalAmount },
    ),
  },
  {
    individualFinancialAssets: DecimalAmount,
    individualAverageIncome: DecimalAmount,
    entityNetAssets: DecimalAmount,
  },
);
/** @see QualifiedInvestorRules */
export type QualifiedInvestorRules = t.TypeOf<typeof QualifiedInvestorRules>;

/** When cooling-off starts and how long it lasts (≥ 24 h for private funds). */
export const CoolingOffRules = struct('CoolingOffRules', {
  duration: Duration,
  startsAfter: literals('CoolingOffStart', 'signed', 'signedAndPaid'),
});
/** @see CoolingOffRules */
export type CoolingOffRules = t.TypeOf<typeof CoolingOffRules>;

/** The daily cut-off and whether an accepted order may be cancelled before it. */
export const CutOffRules = struct(
  'CutOffRules',
  { time: ClockTime, timeZone: TimeZone },
  { cancellable: t.boolean, holidays: t.array(IsoDate) },
);
/** @see CutOffRules */
export type CutOffRules = t.TypeOf<typeof CutOffRules>;

/** The product rule pack: every [configurable] setting of DOMAIN lives here. */
export const ProductRules = struct(
  'ProductRules',
  { suitability: SuitabilityRules },
  {
    qualifiedInvestor: QualifiedInvestorRules,
    coolingOff: CoolingOffRules,
    cutOff: CutOffRules,
    recordingRequired: t.boolean,
    guaranteedReturnTerms: t.array(t.string),
  },
);
/** @see ProductRules */
export type ProductRules = t.TypeOf<typeof ProductRules>;

// ---------------------------------------------------------------- notifications, retention

/** Which event notifies which roles with which template. */
export const NotificationRule = struct(
  'NotificationRule',
  { on: Identifier, notify: t.array(Identifier), template: Identifier },
  { channel: Identifier },
);
/** @see NotificationRule */
export type NotificationRule = t.TypeOf<typeof NotificationRule>;

/** How long records are kept; the maximum that applies wins. */
export const Retention = struct(
  'Retention',
  { orderRecords: Duration },
  { suitabilityEvidence: Duration, recordings: Duration, amlRecords: Duration },
);
/** @see Retention */
export type Retention = t.TypeOf<typeof Retention>;

// ---------------------------------------------------------------- the definition

/** A whole definition file, as decoded (before semantic validation). */
export const DefinitionCodec = struct(
  'Definition',
  {
    id: Identifier,
    version: PositiveInt,
    name: t.string,
    productKind: ProductKind,
    currency: CurrencyCode,
    roles: t.record(Identifier, RoleSpec),
    stages: t.array(Stage),
    productRules: ProductRules,
    retention: Retention,
  },
  { description: t.string, notifications: t.array(NotificationRule) },
);
/** A decoded definition file. */
export type DefinitionSource = t.TypeOf<typeof DefinitionCodec>;
