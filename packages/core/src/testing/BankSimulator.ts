/** Types of the bank simulator. */
import type { Either } from 'fp-ts/lib/Either.js';
import type { Clock } from '../ports/Clock.js';
import type {
  GatewayUnavailable,
  PaymentGateway,
  TransferInstruction,
  TransferOutcome,
} from '../ports/PaymentGateway.js';
import type { RecordedCall } from './RecordedCall.js';
import type { ScriptOptions } from './Script.js';

/**
 * What the simulated bank does with one transfer call:
 * - `settle`: moves the money, answers `Settled`;
 * - `fail` / `failRetryable`: moves nothing, answers `Failed` (`retryable` false / true);
 * - `unknownSettled`: moves the money but the answer is lost: `Unknown` (status says `Settled`);
 * - `unknownLost`: the instruction is lost on the way: `Unknown`, nothing moved (status says nothing);
 * - `unavailable`: the gateway cannot be reached: `GatewayUnavailable`, nothing sent.
 */
export type BankStep =
  | 'settle'
  | 'fail'
  | 'failRetryable'
  | 'unknownSettled'
  | 'unknownLost'
  | 'unavailable';

/** Settings of {@link createBankSimulator}. Unscripted calls settle. */
export interface BankSimulatorOptions extends ScriptOptions<BankStep> {
  /** Stamps movements and calls. Default: the system clock. */
  readonly clock?: Clock;
}

/** Money the simulated bank really moved: one per idempotency key. */
export interface Movement extends TransferInstruction {
  readonly reference: string;
  readonly at: string;
}

/** A recorded `transfer` or `status` call. */
export type BankCall = RecordedCall<
  TransferInstruction | { readonly idempotencyKey: string },
  Either<GatewayUnavailable, TransferOutcome | undefined>
>;

/** A {@link PaymentGateway} that moves pretend money, scriptably, and shows what it did. */
export interface BankSimulator extends PaymentGateway {
  /** Money actually moved, in order (never two for one key). */
  movements(): readonly Movement[];
  /** Every `transfer` and `status` call, in order; with `key`, only that key's calls. */
  calls(key?: string): readonly BankCall[];
  /** Scripts the next transfer calls, whatever their key. */
  queue(...steps: readonly BankStep[]): void;
  /** Scripts the next transfer calls with `key`. */
  queueFor(key: string, ...steps: readonly BankStep[]): void;
  /** While on, every call (`transfer` and `status`) answers `GatewayUnavailable`. */
  outage(on: boolean): void;
}
