import { SYSTEM_ACTOR } from '@orderflow/core';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { advanceTo } from '../support/drive.js';
import { createHarness, orderInput, people, right } from '../support/harness.js';

describe('a signature the investor declines at the provider', () => {
  it('cancels the order, cancels the signing timer, and nothing is refunded when nothing was paid', async () => {
    const h = createHarness();
    h.signer.queue('pending');
    right(
      await h.engine.open(orderInput('private-fund-subscription', { orderId: 'd1' }), {
        actor: people.rm1,
      }),
    );
    await advanceTo(h, 'd1', 'signing');
    await h.ok('d1', people.rm1, { type: 'requestSignature' });
    await h.runDue();
    expect((await h.view('d1')).state).toBe('signing.awaiting');

    const declined = await h.engine.dispatch(
      'd1',
      { type: 'signatureDeclined', reason: 'investor declined' },
      { actor: SYSTEM_ACTOR },
    );
    expect(E.isRight(declined) && declined.right.status).toBe('cancelled');
    const view = await h.view('d1');
    expect(view.state.startsWith('cancelled')).toBe(true);
    expect(view.context.refunds).toEqual([]);
    const timers = right(await h.store.timers('d1'));
    expect(timers.filter((t) => t.kind === 'signingExpiry').map((t) => t.status)).toEqual([
      'cancelled',
    ]);
  });

  it('is refused from anyone but the system actor', async () => {
    const h = createHarness();
    h.signer.queue('pending');
    right(
      await h.engine.open(orderInput('private-fund-subscription', { orderId: 'd2' }), {
        actor: people.rm1,
      }),
    );
    await advanceTo(h, 'd2', 'signing');
    await h.ok('d2', people.rm1, { type: 'requestSignature' });
    await h.runDue();
    const r = await h.engine.dispatch(
      'd2',
      { type: 'signatureDeclined' },
      // @ts-expect-error provider events are not commands an actor sends
      { actor: people.rm1 },
    );
    expect(E.isLeft(r)).toBe(true);
    expect((await h.view('d2')).state).toBe('signing.awaiting');
  });
});
