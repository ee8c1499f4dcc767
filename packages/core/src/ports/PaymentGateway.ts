/** Money movement: transfers to custody and refunds, by idempotency key. */
import type { Either } from 'fp-ts/lib/Either.js';

/** A transfer or refund instruction. The same key never moves money twice. */
export interface TransferInstruction {
  readonly idempotencyKey: string;
  readonly orderId: string;
  readonly kind: 'release' | 'refund';
  /** Integer minor units. */
  readonly amountMinor: number;
  readonly currency: string;
  readonly fromAccount: string;
  readonly toAccount: string;
}

/** What the bank said. `Unknown` (a timeout) must go to reconciliation, never be resent blind. */
export type TransferOutcome =
  | { readonly _tag: 'Settled'; readonly reference: string }
  | { readonly _tag: 'Failed'; readonly reason: string; readonly retryable: boolean }
  | { readonly _tag: 'Unknown'; readonly reason: string };

/** The gateway could not be reached at all (nothing was sent). */
export interface GatewayUnavailable {
  readonly _tag: 'GatewayUnavailable';
  readonly message: string;
  readonly retryable: true;
}

/** Moves money. */
export interface PaymentGateway {
  transfer(instruction: TransferInstruction): Promise<Either<GatewayUnavailable, TransferOutcome>>;
  /** Asks what became of an instruction (reconciliation). */
  status(idempotencyKey: string): Promise<Either<GatewayUnavailable, TransferOutcome | undefined>>;
}
