/** The `If-Match` header as the order version a command expects. */
import type * as E from 'fp-ts/lib/Either.js';
import { intParam } from './intParam.js';
import type { RequestInvalid } from './RequestError.js';

/**
 * Reads `If-Match: <version>`; the ETag forms `"3"` and `W/"3"` that this service sends
 * are accepted too. Absent gives `undefined` (no version check).
 */
export function expectedVersionFrom(
  header: string | undefined,
): E.Either<RequestInvalid, number | undefined> {
  const bare = header
    ?.trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1');
  return intParam(bare, 'header.If-Match', 1);
}
