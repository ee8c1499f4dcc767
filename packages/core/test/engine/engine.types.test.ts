import type { Command, Engine, EngineError, OrderView } from '@orderflow/core';
import { SYSTEM_ACTOR } from '@orderflow/core';
import type { Either } from 'fp-ts/lib/Either.js';
import { describe, expectTypeOf, it } from 'vitest';
import { orderInput } from '../support/harness.js';

const actor = { id: 'rm-1', roles: ['salesRep'] };

describe('the public engine types', () => {
  it('return Either<EngineError, A> from every fallible call', () => {
    expectTypeOf<Awaited<ReturnType<Engine['dispatch']>>>().toEqualTypeOf<
      Either<EngineError, OrderView>
    >();
    expectTypeOf<Awaited<ReturnType<Engine['open']>>>().toEqualTypeOf<
      Either<EngineError, OrderView>
    >();
    expectTypeOf<Extract<Command, { type: 'recordPayment' }>['amount']>().toEqualTypeOf<string>();
  });

  it('refuse misuse at compile time', () => {
    const misuse = async (engine: Engine) => {
      // @ts-expect-error an unknown command type
      await engine.dispatch('o-1', { type: 'approveAll' }, { actor });
      await engine.dispatch(
        'o-1',
        // @ts-expect-error amounts are decimal strings, never numbers
        { type: 'recordPayment', amount: 100, payerAccount: 'a', reference: 'r' },
        { actor },
      );
      // @ts-expect-error every command names its actor
      await engine.dispatch('o-1', { type: 'verifyEntry' }, {});
      // @ts-expect-error provider events are not commands an actor sends
      await engine.dispatch('o-1', { type: 'transferSettled', reference: 'r' }, { actor });
      // ...but the system actor sends them, through the same call
      await engine.dispatch(
        'o-1',
        { type: 'transferSettled', reference: 'r' },
        { actor: SYSTEM_ACTOR },
      );
      // @ts-expect-error a payload field the command does not have is missing its required ones
      await engine.dispatch('o-1', { type: 'confirmNeeds' }, { actor });
      const input = orderInput('public-fund-purchase');
      await engine.open(
        // @ts-expect-error the investor kind is individual or entity
        { ...input, investor: { ...input.investor, kind: 'company' } },
        { actor },
      );
      const view = await engine.get('o-1');
      // @ts-expect-error a view is an Either: check it before reading the order
      view.right.state;
    };
    expectTypeOf(misuse).toBeFunction();
  });
});
