/** @orderflow/definitions — the orderflow definition language (DESIGN §2). */

export type { DefinitionSource, StageKind, StageOf } from './codecs/Definition.js';
export {
  ApprovalAspect,
  ApprovalStage,
  ApprovalStep,
  ArchiveStage,
  ChainEntry,
  ContractStage,
  CoolingOffRules,
  CoolingOffStage,
  CutOffRules,
  DecisionTable,
  DefinitionCodec,
  EntryStage,
  FormField,
  FundReleaseStage,
  NeedsConfirmationStage,
  NotificationRule,
  ParallelEntry,
  ParallelGroup,
  ParallelPolicy,
  PaymentStage,
  ProductKind,
  ProductRules,
  QualificationStage,
  QualifiedInvestorRules,
  RegistrarConfirmationStage,
  RejectTarget,
  Retention,
  ReturnVisitStage,
  RoleLine,
  RoleSpec,
  SigningStage,
  STAGE_KINDS,
  Stage,
  SuitabilityRules,
  SuitabilityStage,
  TaskStage,
} from './codecs/Definition.js';
export { type DispatchCodec, dispatch } from './codecs/dispatch.js';
export {
  ClockTime,
  CurrencyCode,
  DecimalAmount,
  Duration,
  FeelExpression,
  Identifier,
  IsoDate,
  PositiveInt,
  TimeZone,
} from './codecs/primitives.js';
export { type StructCodec, struct, UNKNOWN_KEY } from './codecs/struct.js';
export type { Condition, ConditionContext, ConditionFailed, Definition } from './Definition.js';
export { type DefinitionError, formatDefinitionError } from './DefinitionError.js';
export { addDuration } from './duration/addDuration.js';
export { durationMs } from './duration/durationMs.js';
export {
  type DurationInvalid,
  type DurationParts,
  parseDuration,
} from './duration/parseDuration.js';
export { checkFeel, type FeelCheck, type FeelMode, type FeelProblem } from './feel/checkFeel.js';
export { compileCondition } from './feel/compileCondition.js';
export { CONDITION_NAMES, CONDITION_PATHS, type NameShape } from './feel/conditionNames.js';
export { type Decision, evaluateDecision } from './feel/evaluateDecision.js';
export { MAX_ALIAS_COUNT, MAX_DEFINITION_BYTES } from './load/parseYamlSource.js';
export {
  BUILTIN_IDS,
  type BuiltinId,
  builtinPath,
  isBuiltinId,
  loadBuiltin,
} from './loadBuiltin.js';
export { type LoadOptions, loadDefinition } from './loadDefinition.js';
export { loadDefinitionFile } from './loadDefinitionFile.js';
export { currencyDigits } from './money/currencyDigits.js';
export { formatAmount } from './money/formatAmount.js';
export { type AmountInvalid, type AmountInvalidReason, parseAmount } from './money/parseAmount.js';
export { RULES, type RuleId } from './RULES.js';
export { suggestKey } from './suggestKey.js';
export { CONTROL_ASPECTS } from './validate/checkSegregation.js';
export { ORDER_RULES, type OrderRule } from './validate/checkStageOrder.js';
