/** Decodes an optional whole-number request parameter (a query value or a header). */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { RequestInvalid } from './RequestError.js';

/** A non-negative whole number written in decimal digits, e.g. `"3"`. */
export const IntText = new t.Type<number, string, unknown>(
  'IntText',
  (u): u is number => typeof u === 'number' && Number.isSafeInteger(u) && u >= 0,
  (u, c) =>
    typeof u === 'string' && /^\d{1,15}$/.test(u) ? t.success(Number(u)) : t.failure(u, c),
  (n) => String(n),
);

/**
 * Decodes `text` with {@link IntText}: absent gives `undefined`; anything else that is not
 * a whole number at least `min` is `RequestInvalid` naming `path`.
 */
export function intParam(
  text: string | undefined,
  path: string,
  min = 0,
): E.Either<RequestInvalid, number | undefined> {
  if (text === undefined) return E.right(undefined);
  const decoded = IntText.decode(text.trim());
  if (E.isRight(decoded) && decoded.right >= min) return E.right(decoded.right);
  return E.left({
    _tag: 'RequestInvalid',
    problems: [{ path, message: `expected a whole number ≥ ${min}, got ${JSON.stringify(text)}` }],
  });
}
