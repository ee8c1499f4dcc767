/** Types of the fake signature provider. */
import type { Either } from 'fp-ts/lib/Either.js';
import type { Clock } from '../ports/Clock.js';
import type {
  SignatureEvidence,
  SignatureFailed,
  SignatureOutcome,
  SignatureProvider,
  SignatureRequest,
} from '../ports/SignatureProvider.js';
import type { RecordedCall } from './RecordedCall.js';
import type { ScriptOptions } from './Script.js';

/**
 * What the fake provider does with one request: sign at once (evidence in the answer),
 * accept it as `Pending` (evidence later, through {@link FakeSignatureProvider.complete}),
 * or fail (`fail` for good, `failRetryable` for now).
 */
export type SignatureStep = 'sign' | 'pending' | 'fail' | 'failRetryable';

/** Settings of {@link createFakeSignatureProvider}. Unscripted requests are signed at once. */
export interface FakeSignatureProviderOptions extends ScriptOptions<SignatureStep> {
  /** Gives `signedAt`. Default: the system clock. */
  readonly clock?: Clock;
}

/** A recorded `requestSignature` call. */
export type SignatureCall = RecordedCall<
  SignatureRequest,
  Either<SignatureFailed, SignatureOutcome>
>;

/** A {@link SignatureProvider} that signs, defers or fails as scripted, with real evidence. */
export interface FakeSignatureProvider extends SignatureProvider {
  /**
   * Completes a pending envelope (the signer signed): returns its evidence, stamped now, or
   * `undefined` for an unknown envelope. Later requests with its key answer `Signed`.
   */
  complete(envelopeId: string): SignatureEvidence | undefined;
  /** Every call, in order; with `key`, only that key's. */
  calls(key?: string): readonly SignatureCall[];
  /** Scripts the next requests, whatever their key. */
  queue(...steps: readonly SignatureStep[]): void;
  /** Scripts the next requests with `key`. */
  queueFor(key: string, ...steps: readonly SignatureStep[]): void;
}
