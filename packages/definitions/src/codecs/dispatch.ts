/**
 * A union codec that picks its member from the input before validating, so a failure is
 * reported against that one member (a bad `stages[3].role` is not drowned in fourteen
 * alternatives) and an input no member claims gets one clear message.
 */
import * as t from 'io-ts';

/** How {@link dispatch} chose: the member to validate with, or why none applies. */
export type Pick<C extends t.Mixed> =
  | { readonly codec: C }
  | { readonly key: string | null; readonly expected: string; readonly typeName: string };

/** The codec type produced by {@link dispatch}; `members` lists the alternatives, `pick` chooses. */
export type DispatchCodec<CS extends readonly [t.Mixed, t.Mixed, ...t.Mixed[]]> = t.Type<
  t.TypeOf<CS[number]>,
  t.OutputOf<CS[number]>,
  unknown
> & { readonly members: CS; readonly pick: (u: unknown) => Pick<CS[number]> };

/**
 * Builds a union codec from `members` and a `pick` function that chooses the member for an
 * input. When `pick` finds none, the failure is placed on `key` (e.g. `kind`) with a message
 * that lists what was expected; `typeName` names that failure for the loader's rule ids.
 *
 * @example
 * const Stage = dispatch('Stage', [A, B], (u) => (isA(u) ? { codec: A } : { codec: B }));
 */
export function dispatch<CS extends readonly [t.Mixed, t.Mixed, ...t.Mixed[]]>(
  name: string,
  members: CS,
  pick: (u: unknown) => Pick<CS[number]>,
): DispatchCodec<CS> {
  const codec = new t.Type<t.TypeOf<CS[number]>, t.OutputOf<CS[number]>, unknown>(
    name,
    (u): u is t.TypeOf<CS[number]> => members.some((m) => m.is(u)),
    (u, c) => {
      const chosen = pick(u);
      if ('codec' in chosen) return chosen.codec.validate(u, c);
      const actual =
        chosen.key !== null && typeof u === 'object' && u !== null
          ? (u as Record<string, unknown>)[chosen.key]
          : u;
      const context =
        chosen.key === null
          ? c
          : [
              ...c,
              {
                key: chosen.key,
                type: new t.Type(chosen.typeName, t.never.is, t.never.validate, t.never.encode),
                actual,
              },
            ];
      return t.failures([
        {
          value: actual,
          context,
          message: `expected ${chosen.expected}, got ${actual === undefined ? 'nothing' : JSON.stringify(actual)}`,
        },
      ]);
    },
    (a) => {
      const member = members.find((m) => m.is(a));
      if (member === undefined)
        throw new TypeError(`${name}: cannot encode a value no member accepts`);
      return member.encode(a);
    },
  );
  return Object.assign(codec, { members, pick });
}
