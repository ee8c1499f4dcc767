import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { advanceTo } from '../support/drive.js';
import { createHarness, orderInput, people, right } from '../support/harness.js';

describe('opening orders', () => {
  it('pins an order to the definition id@version it opened on', async () => {
    const h = createHarness();
    const view = right(
      await h.engine.open(orderInput('private-fund-subscription@1', { orderId: 'o1' }), {
        actor: people.rm1,
      }),
    );
    expect(view.definitionKey).toBe('private-fund-subscription@1');
    expect(view.context.ownerId).toBe('rm-1');
    expect(view.context.amountMinor).toBe(100000000);
  });

  it('refuses an unknown definition and an input that fails its codec, with the path', async () => {
    const h = createHarness();
    expect(await h.engine.open(orderInput('no-such-product'), { actor: people.rm1 })).toEqual(
      E.left({ _tag: 'DefinitionNotFound', definitionKey: 'no-such-product' }),
    );
    const bad = { ...orderInput('public-fund-purchase'), amount: '1,000,000' };
    expect(await h.engine.open(bad, { actor: people.rm1 })).toMatchObject({
      left: { _tag: 'CommandInvalid', problems: [expect.objectContaining({ path: 'amount' })] },
    });
  });

  it('opens once per idempotency key', async () => {
    const h = createHarness();
    const first = right(
      await h.engine.open(orderInput('public-fund-purchase'), {
        actor: people.rm1,
        idempotencyKey: 'k',
      }),
    );
    const again = right(
      await h.engine.open(orderInput('public-fund-purchase'), {
        actor: people.rm1,
        idempotencyKey: 'k',
      }),
    );
    expect(again.orderId).toBe(first.orderId);
  });

  it('keeps a completed private fund order under 4 KB as stored', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('private-fund-subscription', { orderId: 'big' }), {
        actor: people.rm1,
      }),
    );
    await advanceTo(h, 'big', 'completed');
    const row = right(await h.store.load('big'));
    expect(JSON.stringify(row).length).toBeLessThanOrEqual(4096);
  });

  it('reports a missing order', async () => {
    const h = createHarness();
    expect(await h.engine.get('nope')).toEqual(E.left({ _tag: 'OrderNotFound', orderId: 'nope' }));
    expect(await h.engine.history('nope')).toEqual(
      E.left({ _tag: 'OrderNotFound', orderId: 'nope' }),
    );
  });
});
