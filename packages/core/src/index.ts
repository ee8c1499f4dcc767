/**
 * @orderflow/core — the engine: compile(definition) → xstate machine, commands, guards,
 * audit, outbox, timers, the ports and the memory store.
 *
 * Named exports only. Sections are owned by different parts of the package; add to yours.
 */

// ---- domain types and ports
export type { Actor, SystemActor } from './domain/Actor.js';
export { SYSTEM_ACTOR } from './domain/Actor.js';
export type { AuditEntry } from './domain/AuditEntry.js';
export type { EffectKind, EffectStatus, NewEffect, StoredEffect } from './domain/Effect.js';
export { errorPaths } from './domain/errorPaths.js';
export type { Json, JsonObject } from './domain/Json.js';
export type { StoredOrder } from './domain/StoredOrder.js';
export type {
  EffectColumns,
  OrderColumns,
  TaskColumns,
  TimerColumns,
} from './domain/storedRowCodecs.js';
export {
  AuditEntryCodec,
  auditTrailFromRows,
  decodeStoredRow,
  describeErrors,
  effectFromColumns,
  JsonObjectCodec,
  orderFromColumns,
  StoredEffectCodec,
  StoredOrderCodec,
  StoredTimerCodec,
  TaskCodec,
  taskFromColumns,
  timerFromColumns,
} from './domain/storedRowCodecs.js';
export type { Task } from './domain/Task.js';
export type { NewTimer, StoredTimer, TimerKind, TimerStatus } from './domain/Timer.js';
export type {
  AdapterFailed,
  CommandInvalid,
  CommandNotAllowed,
  DefinitionNotFound,
  EngineError,
  Forbidden,
  GuardFailed,
  OrderNotFound,
} from './errors/EngineError.js';
export type {
  StoredDataInvalid,
  StoreError,
  StoreFailed,
  VersionConflict,
} from './errors/StoreError.js';
export { storeFailed } from './errors/StoreError.js';
export type { HeaderSource } from './http/readHeader.js';
export { readHeader } from './http/readHeader.js';
export { sameTextInConstantTime } from './http/sameTextInConstantTime.js';
export type { Calendar } from './ports/Calendar.js';
export type { Clock } from './ports/Clock.js';
export { systemClock } from './ports/Clock.js';
export type { Directory } from './ports/Directory.js';
export type { Notification, Notifier, NotifyFailed, Recipient } from './ports/Notifier.js';
export type {
  ClaimRequest,
  Commit,
  EffectFailure,
  OrderStore,
  TaskQuery,
} from './ports/OrderStore.js';
export type {
  GatewayUnavailable,
  PaymentGateway,
  TransferInstruction,
  TransferOutcome,
} from './ports/PaymentGateway.js';
export type {
  ConfirmationOutcome,
  ConfirmationRequest,
  Registrar,
  RegistrarUnavailable,
} from './ports/Registrar.js';
export type {
  SignatureEvidence,
  SignatureFailed,
  SignatureOutcome,
  SignatureProvider,
  SignatureRequest,
} from './ports/SignatureProvider.js';

// ---- store, audit chain, calendar (infrastructure section)

export type { AuditChainBreak, AuditChainBroken } from './audit/AuditChainBroken.js';
export type { AuditDraft } from './audit/AuditDraft.js';
export { appendAuditEntries } from './audit/appendAuditEntries.js';
export { GENESIS_HASH } from './audit/GENESIS_HASH.js';
export { hashAuditEntry } from './audit/hashAuditEntry.js';
export type { AuditChainVerified } from './audit/verifyAuditChain.js';
export { verifyAuditChain } from './audit/verifyAuditChain.js';
export { createTradingCalendar } from './calendar/createTradingCalendar.js';
export type { TradingCalendarOptions } from './calendar/TradingCalendarOptions.js';
export { createMemoryStore } from './store/createMemoryStore.js';

// ---- machine, engine, commands, guards (engine section)

export {
  COMMAND_CODECS,
  COMMAND_TYPES,
  type CommandType,
  SYSTEM_EVENT_CODECS,
  SYSTEM_EVENT_TYPES,
  type SystemEventType,
} from './commands/COMMAND_CODECS.js';
export type { Command, SystemEvent } from './commands/Command.js';
export { type DecodedCommand, decodeCommand } from './commands/decodeCommand.js';
export { OpenInput } from './commands/OpenInput.js';
export { createEngine } from './engine/createEngine.js';
export type {
  AuditVerification,
  DispatchOptions,
  Engine,
  EngineOptions,
  OrderView,
  RunDueReport,
  TaskView,
} from './engine/Engine.js';
export { assessSuitability, type SuitabilityAssessment } from './guards/assessSuitability.js';
export { isRuleId, RULE_GUARDS, type RuleId } from './guards/RULE_GUARDS.js';
export type { GuardInput, GuardParams, GuardRefusal, RuleGuard } from './guards/RuleGuard.js';
export { calendarOf, compile, type OrderMachine } from './machine/compile.js';
export { END_STATES } from './machine/END_STATES.js';
export { NEUTRAL_HOLD_REASON } from './machine/NEUTRAL_HOLD_REASON.js';
export type {
  ApprovalDecision,
  ApprovalPlanEntry,
  ApprovalRecord,
  FrozenRevision,
  OrderContext,
  OrderHold,
  OrderInvestor,
  OrderProduct,
  OrderRefund,
  RevisionData,
} from './machine/OrderContext.js';
export type { OrderEvent } from './machine/OrderEvent.js';

// (end of the engine section)

// ---- diagrams (diagram section)
export type { DiagramEdge, DiagramState, MachineGraph } from './diagram/describeMachine.js';
export { describeMachine } from './diagram/describeMachine.js';
export type { RenderFailed } from './diagram/renderSvg.js';
export { renderSvg } from './diagram/renderSvg.js';
export { stateLabelsOf } from './diagram/stateLabelsOf.js';
export { toDot } from './diagram/toDot.js';
export type { DiagramOptions } from './diagram/toMermaid.js';
export { toMermaid } from './diagram/toMermaid.js';
