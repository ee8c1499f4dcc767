/**
 * @orderflow/core/testing — contract suites every adapter runs, a simulated clock, and
 * fakes for the providers no test machine can have (a bank, a registrar).
 *
 * Named exports only. Add your exports to your section.
 */

// ---- store contract suite, simulated clock, fakes (infrastructure section)

export { createSimulatedClock } from '../clock/createSimulatedClock.js';
export type { SimulatedClock } from '../clock/SimulatedClock.js';
export type {
  BankCall,
  BankSimulator,
  BankSimulatorOptions,
  BankStep,
  Movement,
} from './BankSimulator.js';
export { createBankSimulator } from './createBankSimulator.js';
export { createFakeSignatureProvider } from './createFakeSignatureProvider.js';
export { createRecordingNotifier } from './createRecordingNotifier.js';
export { createRegistrarSimulator } from './createRegistrarSimulator.js';
export type { StaticDirectory, StaticDirectoryEntry } from './createStaticDirectory.js';
export { createStaticDirectory } from './createStaticDirectory.js';
export type {
  FakeSignatureProvider,
  FakeSignatureProviderOptions,
  SignatureCall,
  SignatureStep,
} from './FakeSignatureProvider.js';
// ---- notifier and signature provider contract suites (adapters section)
export type {
  DeliveredNotification,
  NotifierContractOptions,
  NotifierHarness,
} from './notifierContract.js';
export { notifierContract } from './notifierContract.js';
export type { OrderStoreContractOptions } from './orderStoreContract.js';
export { orderStoreContract } from './orderStoreContract.js';
export type { RecordedCall } from './RecordedCall.js';
export type {
  NotifyCall,
  NotifyStep,
  RecordingNotifier,
  RecordingNotifierOptions,
} from './RecordingNotifier.js';
export type {
  RegistrarCall,
  RegistrarSimulator,
  RegistrarSimulatorOptions,
  RegistrarStep,
} from './RegistrarSimulator.js';
export type { Script, ScriptOptions } from './Script.js';
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
