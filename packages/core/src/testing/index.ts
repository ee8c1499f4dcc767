/**
 * @orderflow/core/testing — contract suites every adapter runs (they need vitest), a
 * simulated clock, and fakes for the providers no test machine can have (a bank, a
 * registrar). Programs that want only the fakes import `@orderflow/core/testing/fakes`.
 *
 * Named exports only. Add your exports to your section.
 */

// ---- store contract suite, simulated clock, fakes (infrastructure section)

// The fakes and the simulated clock, also at `@orderflow/core/testing/fakes` (no vitest).
export type {
  BankCall,
  BankSimulator,
  BankSimulatorOptions,
  BankStep,
  FakeSignatureProvider,
  FakeSignatureProviderOptions,
  Movement,
  NotifyCall,
  NotifyStep,
  RaceFailed,
  RaceOptions,
  RaceTally,
  RecordedCall,
  RecordingNotifier,
  RecordingNotifierOptions,
  RegistrarCall,
  RegistrarSimulator,
  RegistrarSimulatorOptions,
  RegistrarStep,
  Script,
  ScriptOptions,
  SignatureCall,
  SignatureStep,
  SimulatedClock,
  StaticDirectory,
  StaticDirectoryEntry,
} from './fakes.js';
export {
  createBankSimulator,
  createFakeSignatureProvider,
  createRecordingNotifier,
  createRegistrarSimulator,
  createSimulatedClock,
  createStaticDirectory,
  raceOrders,
} from './fakes.js';
// ---- notifier and signature provider contract suites (adapters section)
export type {
  DeliveredNotification,
  NotifierContractOptions,
  NotifierHarness,
} from './notifierContract.js';
export { notifierContract } from './notifierContract.js';
export type { OrderStoreContractOptions } from './orderStoreContract.js';
export { orderStoreContract } from './orderStoreContract.js';
export type { RaceWorkers } from './raceWorkersIn.js';
export { raceWorkersIn } from './raceWorkersIn.js';
export type { SampleCommitOverrides } from './sampleCommit.js';
export {
  SAMPLE_AT,
  sampleAuditEntry,
  sampleCommit,
  sampleEffect,
  sampleOrder,
  sampleTask,
  sampleTimer,
} from './sampleCommit.js';
export type {
  SignatureProviderContractOptions,
  SignatureProviderHarness,
} from './signatureProviderContract.js';
export { signatureProviderContract } from './signatureProviderContract.js';
export type { RaceWorker, RaceWorkerRun } from './startRaceWorker.js';
export { startRaceWorker } from './startRaceWorker.js';
