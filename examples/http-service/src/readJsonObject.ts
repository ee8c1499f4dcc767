/** Reads a request body that must be one JSON object. */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { MalformedJson, RequestInvalid } from './RequestError.js';

/**
 * Parses the body as JSON and checks it is an object (not an array, a string or null).
 * Text that is not JSON is `MalformedJson`; other JSON is `RequestInvalid`. The fields
 * themselves are decoded later, by the engine's io-ts codecs.
 */
export async function readJsonObject(
  request: Request,
): Promise<E.Either<MalformedJson | RequestInvalid, Readonly<Record<string, unknown>>>> {
  const text = await request.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return E.left({
      _tag: 'MalformedJson',
      message: error instanceof Error ? error.message : 'the body is not JSON',
    });
  }
  if (!t.UnknownRecord.is(parsed)) {
    return E.left({
      _tag: 'RequestInvalid',
      problems: [{ path: 'body', message: 'expected a JSON object' }],
    });
  }
  return E.right(parsed);
}
