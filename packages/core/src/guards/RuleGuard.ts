/** The shape of every business-rule guard of DOMAIN §3. */
import type { Definition } from '@orderflow/definitions';
import type { Either } from 'fp-ts/lib/Either.js';
import type { JsonObject } from '../domain/Json.js';
import type { OrderContext } from '../machine/OrderContext.js';
import type { OrderEvent } from '../machine/OrderEvent.js';
import type { Calendar } from '../ports/Calendar.js';

/** Where in the definition a guard is asked: the stage, and the approval step if any. */
export interface GuardParams {
  readonly stageId?: string;
  readonly stepId?: string;
}

/** Everything a guard may read. Guards are pure: same input, same answer. */
export interface GuardInput {
  readonly definition: Definition;
  readonly calendar: Calendar;
  readonly context: OrderContext;
  readonly event: OrderEvent;
  readonly params: GuardParams;
}

/** A refusal: the stable rule id, a message, and the facts that failed. */
export interface GuardRefusal {
  readonly rule: string;
  readonly message: string;
  readonly facts: JsonObject;
}

/** A guard: the facts it checked when it passes, or why it refuses. */
export type RuleGuard = (input: GuardInput) => Either<GuardRefusal, JsonObject>;
