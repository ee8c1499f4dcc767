/** Builds guard refusals. */
import * as E from 'fp-ts/lib/Either.js';
import type { JsonObject } from '../domain/Json.js';
import type { GuardRefusal } from './RuleGuard.js';

/** A left {@link GuardRefusal} for `rule`. */
export const refuse = (
  rule: string,
  message: string,
  facts: JsonObject,
): E.Either<GuardRefusal, never> => E.left({ rule, message, facts });
