/** Business timers: rows in the store, so they survive restarts and any process can fire them. */
import type { JsonObject } from './Json.js';

/** The kinds of business timers (DOMAIN §4). */
export type TimerKind =
  | 'signingExpiry'
  | 'paymentDeadline'
  | 'coolingOffEnd'
  | 'returnVisitDeadline'
  | 'approvalSla'
  | 'registrarAlert'
  | 'taskSla';

/** A timer as the engine schedules it inside a commit. */
export interface NewTimer {
  /** Unique per order and purpose, e.g. `${orderId}:coolingOffEnd`; re-scheduling replaces. */
  readonly timerId: string;
  readonly orderId: string;
  readonly kind: TimerKind;
  readonly dueAt: string;
  readonly payload: JsonObject;
}

/** Timer state. */
export type TimerStatus = 'pending' | 'claimed' | 'fired' | 'cancelled';

/** A timer as stored. */
export interface StoredTimer extends NewTimer {
  readonly status: TimerStatus;
  readonly claimedBy: string | null;
  readonly leaseUntil: string | null;
}
