/**
 * @orderflow/core/testing/fakes — the simulated clock and the fakes for what no machine can
 * have (a bank, a registrar, an e-signature provider, a mail server), without the contract
 * suites: programs such as demos import this and need no test runner installed.
 */

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
export type { RaceFailed, RaceOptions, RaceTally } from './raceOrders.js';
export { raceOrders } from './raceOrders.js';
export type { Script, ScriptOptions } from './Script.js';
