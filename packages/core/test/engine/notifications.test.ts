import { describe, expect, it } from 'vitest';
import { advanceTo } from '../support/drive.js';
import { createHarness, orderInput, people, right } from '../support/harness.js';

describe('notifications', () => {
  it('notifies once when a timer event is also a domain event (regression: coolingOffElapsed sent twice)', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('private-fund-subscription', { orderId: 'n1' }), {
        actor: people.rm1,
      }),
    );
    await advanceTo(h, 'n1', 'coolingOff');
    h.clock.advance('PT24H');
    await h.runDue();
    expect((await h.view('n1')).state).toBe('returnVisit.pending');
    const effects = right(await h.store.effects('n1'));
    const returnVisitDue = effects.filter(
      (e) => e.kind === 'notify' && e.payload.event === 'coolingOffElapsed',
    );
    expect(returnVisitDue).toHaveLength(1);
    expect(returnVisitDue[0]?.payload).toMatchObject({
      template: 'return-visit-due',
      roles: ['returnVisitAgent'],
    });
  });
});
