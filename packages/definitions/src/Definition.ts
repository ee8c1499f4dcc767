/** The loaded, validated form of a definition: what the engine compiles. */
import type { Either } from 'fp-ts/lib/Either.js';
import type { DefinitionSource, ProductKind } from './codecs/Definition.js';

/**
 * The names a FEEL condition may use (DESIGN §2): the order's amount (major units, as a
 * FEEL number), its currency and channel, the product, the investor and the acting roles.
 * A name outside this context is reported at load.
 */
export interface ConditionContext {
  readonly amount: number;
  readonly currency: string;
  readonly channel: string;
  readonly product: {
    readonly code: string;
    readonly name: string;
    readonly riskLevel: string;
    readonly category: string;
    readonly kind: ProductKind;
  };
  readonly investor: {
    readonly kind: 'individual' | 'entity';
    readonly classification: 'ordinary' | 'professional';
    readonly riskLevel: string;
    readonly lowestCategory: boolean;
  };
  readonly actor: { readonly roles: readonly string[] };
}

/** A condition could not be evaluated to a boolean on this order. */
export interface ConditionFailed {
  readonly _tag: 'ConditionFailed';
  readonly expression: string;
  readonly message: string;
}

/** A FEEL expression parsed once at load. */
export interface Condition {
  /** The expression text as written in the file. */
  readonly source: string;
  /** The context names it reads (e.g. `amount`, `product.riskLevel`). */
  readonly names: readonly string[];
  /** Evaluates it on an order; `null` or a non-boolean result is a `ConditionFailed`. */
  evaluate(context: ConditionContext): Either<ConditionFailed, boolean>;
}

/** A validated definition, ready to compile. Never half-loaded: either all of it or errors. */
export interface Definition extends DefinitionSource {
  /** `id@version`: what an order is pinned to. */
  readonly key: string;
  /** The file it was loaded from, when there was one. */
  readonly file?: string;
  /** Every FEEL `when` of the file (steps, groups, tasks), keyed by expression text. */
  readonly conditions: ReadonlyMap<string, Condition>;
}
