/** One more try for a request that raced its own twin under the same idempotency key. */
import type { EngineError } from '@orderflow/core';
import * as E from 'fp-ts/lib/Either.js';

/**
 * Runs `attempt`, and once more when it carries an idempotency key and lost a race: a
 * client's retry that overlaps its first attempt either loses the commit
 * (`VersionConflict`) or loads the order after the first attempt moved it
 * (`CommandNotAllowed`). The winner stored its response under the key in the same
 * transaction as its commit, so the second attempt returns that response; without a twin it
 * answers as before, from the order's state now.
 */
export async function settleRace<A>(
  idempotencyKey: string | undefined,
  attempt: () => Promise<E.Either<EngineError, A>>,
): Promise<E.Either<EngineError, A>> {
  const first = await attempt();
  if (idempotencyKey === undefined || E.isRight(first)) return first;
  const raced = first.left._tag === 'VersionConflict' || first.left._tag === 'CommandNotAllowed';
  return raced ? attempt() : first;
}
