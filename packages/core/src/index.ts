/**
 * @orderflow/core — the engine: compile(definition) → xstate machine, commands, guards,
 * audit, outbox, timers, the ports and the memory store.
 *
 * Named exports only. Sections are owned by different parts of the package; add to yours.
 */

// ---- domain types and ports
export type { Actor } from './domain/Actor.js';
export { SYSTEM_ACTOR } from './domain/Actor.js';
export type { AuditEntry } from './domain/AuditEntry.js';
export type { EffectKind, EffectStatus, NewEffect, StoredEffect } from './domain/Effect.js';
export type { Json, JsonObject } from './domain/Json.js';
export type { StoredOrder } from './domain/StoredOrder.js';
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

// ---- diagrams (diagram section)
export type { DiagramEdge, DiagramState, MachineGraph } from './diagram/describeMachine.js';
export { describeMachine } from './diagram/describeMachine.js';
export type { RenderFailed } from './diagram/renderSvg.js';
export { renderSvg } from './diagram/renderSvg.js';
export { toDot } from './diagram/toDot.js';
export type { DiagramOptions } from './diagram/toMermaid.js';
export { toMermaid } from './diagram/toMermaid.js';
