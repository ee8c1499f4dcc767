import type {
  AmountInvalid,
  Definition,
  DefinitionError,
  RuleId,
  Stage,
  StageOf,
} from '@orderflow/definitions';
import { type BUILTIN_IDS, loadBuiltin, parseAmount } from '@orderflow/definitions';
import type * as E from 'fp-ts/lib/Either.js';
import { describe, expect, expectTypeOf, it } from 'vitest';

describe('public types', () => {
  it('narrows a stage by its kind', () => {
    expectTypeOf<StageOf<'approval'>['steps']>().toBeArray();
    expectTypeOf<StageOf<'entry'>>().toHaveProperty('makerRole');
    // @ts-expect-error a cooling-off stage has no role
    expectTypeOf<StageOf<'coolingOff'>['role']>().toBeString();
    // @ts-expect-error not a stage kind
    expectTypeOf<StageOf<'refund'>>().toBeNever();
    expectTypeOf<Stage['kind']>().toEqualTypeOf<StageOf<Stage['kind']>['kind']>();
  });

  it('types rule ids, so a misspelt one does not compile', () => {
    const rule: RuleId = 'stage-order';
    // @ts-expect-error not a rule id
    const wrong: RuleId = 'stage-ordre';
    expect([rule, wrong]).toHaveLength(2);
    expectTypeOf<DefinitionError['rule']>().toEqualTypeOf<RuleId>();
  });

  it('accepts only built-in ids in loadBuiltin', () => {
    expectTypeOf(loadBuiltin).parameter(0).toEqualTypeOf<(typeof BUILTIN_IDS)[number]>();
    // @ts-expect-error not a built-in id
    expect(() => loadBuiltin('no-such-definition')).not.toThrow();
    expectTypeOf(loadBuiltin('public-fund-purchase')).toEqualTypeOf<
      E.Either<readonly DefinitionError[], Definition>
    >();
  });

  it('returns amounts as a tagged error or a number', () => {
    expectTypeOf(parseAmount('1.00', 'CNY')).toEqualTypeOf<E.Either<AmountInvalid, number>>();
  });
});
