/** io-ts errors as `{ path, message }` problems. */
import type * as t from 'io-ts';

/** Turns io-ts errors into problems with a dotted path (`evidence.signedAt`). */
export const problemsOf = (errors: t.Errors): { path: string; message: string }[] =>
  errors.map((e) => {
    const path = e.context
      .map((c) => c.key)
      .filter((k) => k !== '' && !/^\d+$/.test(k))
      .join('.');
    const actual = e.value === undefined ? 'nothing' : JSON.stringify(e.value);
    return {
      path,
      message: e.message ?? `expected ${e.context.at(-1)?.type.name ?? 'a value'}, got ${actual}`,
    };
  });
