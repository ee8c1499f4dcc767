/** The names a FEEL condition may read: the shape of {@link ConditionContext}. */
import type { ConditionContext } from '../Definition.js';

/** A name tree: a leaf (`null`) or an object of named members. */
export type NameShape = null | { readonly [member: string]: NameShape };

/** Every name a condition may use, and the members of each (DESIGN §2). */
export const CONDITION_NAMES: { readonly [name: string]: NameShape } = {
  amount: null,
  currency: null,
  channel: null,
  product: { code: null, name: null, riskLevel: null, category: null, kind: null },
  investor: { kind: null, classification: null, riskLevel: null, lowestCategory: null },
  actor: { roles: null },
};

/** A context with every name filled in, used to try an expression once at load. */
export const SAMPLE_CONTEXT: ConditionContext = {
  amount: 1000000,
  currency: 'CNY',
  channel: 'branch',
  product: { code: 'P1', name: 'Sample', riskLevel: 'R3', category: 'mixed', kind: 'privateFund' },
  investor: {
    kind: 'individual',
    classification: 'ordinary',
    riskLevel: 'C3',
    lowestCategory: false,
  },
  actor: { roles: ['salesRep'] },
};

/** Every dotted name of {@link CONDITION_NAMES} (`product.riskLevel`, …), for suggestions. */
export const CONDITION_PATHS: readonly string[] = Object.entries(CONDITION_NAMES).flatMap(
  ([name, shape]) =>
    shape === null ? [name] : [name, ...Object.keys(shape).map((m) => `${name}.${m}`)],
);
