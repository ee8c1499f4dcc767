/**
 * A closed record codec: like `t.intersection([t.type(required), t.partial(optional)])`,
 * but a key that is not declared is an error (with the nearest declared key as a
 * suggestion) instead of being silently dropped. A typo such as `stagse` must never pass.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { suggestKey } from '../suggestKey.js';

/** The codec type produced by {@link struct}. */
export type StructCodec<R extends t.Props, O extends t.Props> = t.Type<
  t.TypeOf<t.TypeC<R>> & t.TypeOf<t.PartialC<O>>,
  t.OutputOf<t.TypeC<R>> & t.OutputOf<t.PartialC<O>>,
  unknown
> & { readonly required: R; readonly optional: O };

/** The message prefix io-ts errors carry for an undeclared key (read by the loader). */
export const UNKNOWN_KEY = 'unknown key';

/**
 * Builds a closed record codec from its required and optional properties.
 *
 * @example
 * const Role = struct('Role', { line: Line }, { name: t.string });
 */
export function struct<R extends t.Props, O extends t.Props = Record<never, never>>(
  name: string,
  required: R,
  optional: O = {} as O,
): StructCodec<R, O> {
  const req = t.type(required);
  const opt = t.partial(optional);
  const known = [...Object.keys(required), ...Object.keys(optional)];
  const codec = new t.Type<
    t.TypeOf<t.TypeC<R>> & t.TypeOf<t.PartialC<O>>,
    t.OutputOf<t.TypeC<R>> & t.OutputOf<t.PartialC<O>>,
    unknown
  >(
    name,
    (u): u is t.TypeOf<t.TypeC<R>> & t.TypeOf<t.PartialC<O>> =>
      req.is(u) && opt.is(u) && Object.keys(u as object).every((k) => known.includes(k)),
    (u, c) => {
      if (typeof u !== 'object' || u === null || Array.isArray(u))
        return t.failure(
          u,
          c,
          `expected an object (${name}), got ${JSON.stringify(u) ?? 'nothing'}`,
        );
      const errors: t.Errors = [];
      const a = req.validate(u, c);
      if (E.isLeft(a)) errors.push(...a.left);
      const b = opt.validate(u, c);
      if (E.isLeft(b)) errors.push(...b.left);
      for (const key of Object.keys(u)) {
        if (known.includes(key)) continue;
        const hint = suggestKey(key, known);
        errors.push({
          value: (u as Record<string, unknown>)[key],
          context: [...c, { key, type: t.never, actual: (u as Record<string, unknown>)[key] }],
          message: `${UNKNOWN_KEY} "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of ${known.join(', ')}`,
        });
      }
      if (errors.length > 0) return t.failures(errors);
      const out: Record<string, unknown> = {};
      for (const k of known) {
        const v =
          E.isRight(a) && k in required ? (a.right as Record<string, unknown>)[k] : undefined;
        const w =
          E.isRight(b) && k in optional ? (b.right as Record<string, unknown>)[k] : undefined;
        const value = k in required ? v : w;
        if (value !== undefined) out[k] = value;
      }
      return t.success(out as t.TypeOf<t.TypeC<R>> & t.TypeOf<t.PartialC<O>>);
    },
    (a) => {
      const out: Record<string, unknown> = {};
      for (const [k, codec] of Object.entries({ ...required, ...optional })) {
        const v = (a as Record<string, unknown>)[k];
        if (v !== undefined) out[k] = (codec as t.Mixed).encode(v);
      }
      return out as t.OutputOf<t.TypeC<R>> & t.OutputOf<t.PartialC<O>>;
    },
  );
  return Object.assign(codec, { required, optional });
}
