/** Types of the registrar simulator. */
import type { Either } from 'fp-ts/lib/Either.js';
import type { Clock } from '../ports/Clock.js';
import type {
  ConfirmationOutcome,
  ConfirmationRequest,
  Registrar,
  RegistrarUnavailable,
} from '../ports/Registrar.js';
import type { RecordedCall } from './RecordedCall.js';
import type { ScriptOptions } from './Script.js';

/**
 * What the simulated registrar does with one request: confirm all of it, confirm a share
 * (`{ partial: 0.6 }` confirms 60 %, rounded down to a minor unit), reject, answer
 * pending (ask again later), or be unreachable.
 */
export type RegistrarStep =
  | 'confirm'
  | { readonly partial: number }
  | 'reject'
  | 'pending'
  | 'unavailable';

/** Settings of {@link createRegistrarSimulator}. Unscripted requests are confirmed in full. */
export interface RegistrarSimulatorOptions extends ScriptOptions<RegistrarStep> {
  /** Net asset value per unit, a decimal string with up to 4 places. Default `1.0000`. */
  readonly nav?: string;
  /** Stamps recorded calls. Default: the system clock. */
  readonly clock?: Clock;
}

/** A recorded `requestConfirmation` call. */
export type RegistrarCall = RecordedCall<
  ConfirmationRequest,
  Either<RegistrarUnavailable, ConfirmationOutcome>
>;

/** A {@link Registrar} that confirms, partly confirms, rejects or delays as scripted. */
export interface RegistrarSimulator extends Registrar {
  /** Every call, in order; with `key`, only that key's. */
  calls(key?: string): readonly RegistrarCall[];
  /** Scripts the next requests, whatever their key. */
  queue(...steps: readonly RegistrarStep[]): void;
  /** Scripts the next requests with `key`. */
  queueFor(key: string, ...steps: readonly RegistrarStep[]): void;
}
