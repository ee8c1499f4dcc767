/** The registrar (登记机构) confirms units, usually T+1 trading days. */
import type { Either } from 'fp-ts/lib/Either.js';

/** A confirmation request for one accepted order. */
export interface ConfirmationRequest {
  readonly idempotencyKey: string;
  readonly orderId: string;
  readonly productCode: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly tradeDate: string;
}

/** The registrar's answer. A partial confirmation gives the confirmed amount; the rest is refunded. */
export type ConfirmationOutcome =
  | {
      readonly _tag: 'Confirmed';
      readonly confirmedMinor: number;
      readonly units: string;
      readonly reference: string;
    }
  | { readonly _tag: 'Rejected'; readonly reason: string }
  | { readonly _tag: 'Pending' };

/** The registrar could not be reached. */
export interface RegistrarUnavailable {
  readonly _tag: 'RegistrarUnavailable';
  readonly message: string;
  readonly retryable: true;
}

/** Confirms orders with the registrar. */
export interface Registrar {
  requestConfirmation(
    request: ConfirmationRequest,
  ): Promise<Either<RegistrarUnavailable, ConfirmationOutcome>>;
}
