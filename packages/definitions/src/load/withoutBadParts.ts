/**
 * Removes from a definition the parts its codec refused, where that is safe: an unknown
 * key, or the nearest optional key above a bad value. What remains can still be checked by
 * the semantic rules, so that one bad value does not hide the other problems of a file.
 */
import type * as t from 'io-ts';
import { DefinitionCodec } from '../codecs/Definition.js';
import type { PathSegment, Problem } from '../validate/Problem.js';

/** The definition without its bad parts, and the paths removed. */
export interface Trimmed {
  readonly value: unknown;
  readonly removed: readonly (readonly PathSegment[])[];
}

interface CodecShape {
  readonly required?: t.Props;
  readonly optional?: t.Props;
  readonly pick?: (u: unknown) => { readonly codec: t.Mixed } | { readonly key: string | null };
  readonly type?: t.Mixed;
  readonly codomain?: t.Mixed;
  readonly _tag?: string;
}

/**
 * Returns the definition without the parts named by `problems`, or `undefined` when a
 * problem sits on a required part that cannot be removed (a missing key, a bad required
 * value): then the semantic rules would only repeat the codec's complaint.
 */
export function withoutBadParts(value: unknown, problems: readonly Problem[]): Trimmed | undefined {
  let copy: unknown;
  try {
    copy = structuredClone(value);
  } catch {
    return undefined; // an object holding functions or the like: nothing safe to check
  }
  const removed: PathSegment[][] = [];
  for (const problem of problems) {
    const cut =
      problem.rule === 'unknown-key' ? [...problem.path] : optionalAncestor(copy, problem.path);
    if (cut === undefined || problem.rule === 'missing-key') return undefined;
    const parent = cut
      .slice(0, -1)
      .reduce<unknown>((o, k) => (o as Record<PropertyKey, unknown>)?.[k], copy);
    const key = cut[cut.length - 1];
    if (typeof parent === 'object' && parent !== null && key !== undefined) {
      delete (parent as Record<PropertyKey, unknown>)[key];
    }
    removed.push(cut);
  }
  return { value: copy, removed };
}

/** The deepest prefix of `path` that ends on an optional key of a closed record. */
function optionalAncestor(root: unknown, path: readonly PathSegment[]): PathSegment[] | undefined {
  let codec: t.Mixed = DefinitionCodec;
  let node: unknown = root;
  let found: PathSegment[] | undefined;
  for (const [i, segment] of path.entries()) {
    let shape = codec as unknown as CodecShape;
    while (shape.pick !== undefined) {
      const chosen = shape.pick(node);
      if (!('codec' in chosen)) return found;
      codec = chosen.codec;
      shape = codec as unknown as CodecShape;
    }
    if (shape.required !== undefined && shape.optional !== undefined) {
      const key = String(segment);
      const next = shape.required[key] ?? shape.optional[key];
      if (next === undefined) return found;
      if (Object.hasOwn(shape.optional, key)) found = path.slice(0, i + 1);
      codec = next;
    } else if (shape._tag === 'ArrayType' && shape.type !== undefined) {
      codec = shape.type;
    } else if (shape._tag === 'DictionaryType' && shape.codomain !== undefined) {
      codec = shape.codomain;
    } else {
      return found;
    }
    node =
      typeof node === 'object' && node !== null
        ? (node as Record<PropertyKey, unknown>)[segment]
        : undefined;
  }
  return found;
}
