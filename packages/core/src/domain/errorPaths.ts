/** Where io-ts found each problem in a value, as dotted paths. */
import type * as t from 'io-ts';

/**
 * The dotted path of each io-ts error (`document.sha256`, `items.0.id`; `''` for the value
 * itself), in the order io-ts reported them.
 *
 * @example errorPaths(Codec.decode(body).left) // ['signer.identity']
 */
export const errorPaths = (errors: t.Errors): string[] =>
  errors.map((e) =>
    e.context
      .map((c) => c.key)
      .filter((k) => k !== '')
      .join('.'),
  );
