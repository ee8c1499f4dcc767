/**
 * @orderflow/esign-http — the remote e-signature provider protocol: envelopes over HTTP,
 * HMAC-signed and replay-protected callbacks mapped to engine events, and a simulator.
 */

// Re-exported for receivers that read these headers themselves (they live in core, shared
// with the other signed-callback adapter).
export { type HeaderSource, readHeader } from '@orderflow/core';
export type {
  HttpSignatureProvider,
  HttpSignatureProviderOptions,
} from './createHttpSignatureProvider.js';
export { createHttpSignatureProvider } from './createHttpSignatureProvider.js';
export { ESIGN_HEADERS } from './esignHeaders.js';
export type { CallbackOptions, SeenEvents } from './handleSignatureCallback.js';
export { handleSignatureCallback } from './handleSignatureCallback.js';
export {
  CallbackBody,
  CreateEnvelopeBody,
  EnvelopeCompleted,
  EnvelopeDeclined,
  EnvelopeExpired,
  EnvelopeStatus,
  EnvelopeView,
} from './protocol.js';
export type {
  SignatureCallbackEvent,
  SignatureCallbackRejected,
  SignatureEngineEvent,
} from './SignatureCallbackEvent.js';
export { signCallbackPayload } from './signCallbackPayload.js';
export type {
  SignatureProviderSimulator,
  SimulatedEnvelope,
  SimulatorOptions,
} from './startSignatureProviderSimulator.js';
export { startSignatureProviderSimulator } from './startSignatureProviderSimulator.js';
