import { createEngine } from '@orderflow/core';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it, vi } from 'vitest';
import { advanceTo } from '../support/drive.js';
import { BUILTINS, createHarness, orderInput, people, right } from '../support/harness.js';

describe('timers fired by runDue', () => {
  it('expires an order whose signing link lapsed', async () => {
    const h = createHarness();
    h.signer.queue('pending');
    right(
      await h.engine.open(orderInput('private-fund-subscription', { orderId: 't1' }), {
        actor: people.rm1,
      }),
    );
    await advanceTo(h, 't1', 'signing');
    await h.ok('t1', people.rm1, { type: 'requestSignature' });
    await h.runDue();
    expect((await h.view('t1')).state).toBe('signing.awaiting');
    h.clock.advance('PT71H');
    await h.runDue();
    expect((await h.view('t1')).state).toBe('signing.awaiting');
    h.clock.advance('PT1H');
    await h.runDue();
    expect((await h.view('t1')).state).toBe('expired.closed');
  });

  it('expires an unpaid order at its payment deadline, with nothing to refund', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('public-fund-purchase', { orderId: 't2' }), {
        actor: people.rm1,
      }),
    );
    await advanceTo(h, 't2', 'payment');
    h.clock.advance('P1D');
    await h.runDue();
    const ended = await h.view('t2');
    expect(ended.state).toBe('expired');
    expect(ended.context.refunds).toEqual([]);
  });

  it('expires and refunds in full when the return visit deadline passes', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('private-fund-subscription', { orderId: 't3' }), {
        actor: people.rm1,
      }),
    );
    await advanceTo(h, 't3', 'returnVisit');
    await h.ok('t3', people.rv, { type: 'recordReturnVisit', outcome: 'unreachable' });
    expect((await h.view('t3')).context.returnVisit?.attempts).toBe(1);
    h.clock.advance('P5D');
    await h.runDue();
    expect((await h.view('t3')).state).toBe('expired.refunded');
    expect(h.bank.movements()).toEqual([
      expect.objectContaining({ kind: 'refund', toAccount: '6222-0001' }),
    ]);
  });

  it('escalates when the last allowed return-visit attempt fails, and keeps the money until the deadline', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('private-fund-subscription', { orderId: 't5' }), {
        actor: people.rm1,
      }),
    );
    await advanceTo(h, 't5', 'returnVisit');
    for (let i = 0; i < 3; i++) {
      await h.ok('t5', people.rv, { type: 'recordReturnVisit', outcome: 'unreachable' });
    }
    await h.runDue();
    const failed = h.notifier.calls().find((c) => c.input.event === 'returnVisitFailed');
    expect(failed?.input.recipients.map((r) => r.role)).toEqual([
      'returnVisitAgent',
      'headOfControl',
    ]);
    expect((await h.view('t5')).state).toBe('returnVisit.pending');
    expect(h.bank.movements()).toEqual([]);
  });

  it('alerts operations when the registrar is late, and waits', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('public-fund-purchase', { orderId: 't4' }), {
        actor: people.rm1,
      }),
    );
    await advanceTo(h, 't4', 'registrar');
    h.registrar.queue('pending', 'pending', 'pending', 'pending');
    await h.runDue();
    h.clock.set('2026-03-04T01:00:01.000Z'); // T+2 trading days, 09:00 Shanghai
    await h.runDue();
    await h.runDue();
    expect(h.notifier.calls().map((c) => c.input.event)).toContain('registrarLate');
    expect((await h.view('t4')).state).toBe('registrar.awaiting');
  });
});

describe('stale timers', () => {
  it('marks a timer the order no longer takes as fired, recording why, so it is not claimed again', async () => {
    const h = createHarness();
    // A store that loses timer cancellations, as a race with another process could.
    const store = {
      ...h.store,
      commit: (c: Parameters<typeof h.store.commit>[0]) =>
        h.store.commit({ ...c, cancelTimers: [] }),
    };
    const engine = createEngine({ definitions: [...BUILTINS.values()], store, clock: h.clock });
    right(
      await engine.open(orderInput('private-fund-subscription', { orderId: 's1' }), {
        actor: people.rm1,
      }),
    );
    await advanceTo(h, 's1', 'approval');
    right(await engine.dispatch('s1', { type: 'approve' }, { actor: people.sup }));
    h.clock.advance('PT9H');
    right(await engine.runDue());
    const trail = await h.audit('s1');
    expect(trail.at(-1)).toMatchObject({
      command: 'timerDiscarded',
      facts: expect.objectContaining({ reason: 'CommandNotAllowed' }),
    });
    const timers = right(await h.store.timers('s1'));
    expect(
      timers.find((t) => t.kind === 'approvalSla' && t.payload.stepId === 'supervisor')?.status,
    ).toBe('fired');
    h.clock.advance('PT1H');
    expect(right(await engine.runDue()).timersFired).toBe(0);
    expect((await h.audit('s1')).length).toBe(trail.length);
  });
});

describe('effects delivered after the commit', () => {
  it('lets operations release again after a definite transfer failure, under a new key', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('public-fund-purchase', { orderId: 'e1' }), {
        actor: people.rm1,
      }),
    );
    await advanceTo(h, 'e1', 'fundRelease');
    h.bank.queue('fail');
    await h.ok('e1', people.ops, { type: 'releaseFunds' });
    await h.runDue();
    expect((await h.view('e1')).state).toBe('fundRelease.failed');
    await h.ok('e1', people.ops, { type: 'releaseFunds' });
    await h.runDue();
    expect((await h.view('e1')).state).toBe('registrar.awaiting');
    const keys = new Set(h.bank.calls().map((c) => c.idempotencyKey));
    expect(keys.size).toBe(2);
    expect(h.bank.movements()).toHaveLength(1);
  });

  it('retries an unreachable gateway with backoff under the same key, then gives up into transferFailed', async () => {
    const h = createHarness({ maxAttempts: 3 });
    right(
      await h.engine.open(orderInput('public-fund-purchase', { orderId: 'e2' }), {
        actor: people.rm1,
      }),
    );
    await advanceTo(h, 'e2', 'fundRelease');
    h.bank.outage(true);
    await h.ok('e2', people.ops, { type: 'releaseFunds' });
    const first = right(await h.engine.runDue());
    expect(first).toMatchObject({ effectsRetried: 1 });
    expect(right(await h.engine.runDue())).toMatchObject({
      effectsRetried: 0,
      effectsDelivered: 0,
    });
    h.clock.advance('PT30S');
    expect(right(await h.engine.runDue())).toMatchObject({ effectsRetried: 1 });
    h.clock.advance('PT1M');
    expect(right(await h.engine.runDue())).toMatchObject({ effectsFailed: 1 });
    expect((await h.view('e2')).state).toBe('fundRelease.failed');
    await h.runDue();
    expect(h.notifier.calls().map((c) => c.input.event)).toContain('transferFailed');
    expect(new Set(h.bank.calls().map((c) => c.idempotencyKey)).size).toBe(1);
    expect(h.bank.movements()).toHaveLength(0);
  });

  it('records a provider outcome on the order even when a concurrent commit wins the first tries', async () => {
    const h = createHarness();
    let conflicts = 2;
    const store = {
      ...h.store,
      commit: async (c: Parameters<typeof h.store.commit>[0]) => {
        if (c.audit[0]?.command === 'transferSettled' && conflicts > 0) {
          conflicts--;
          return E.left({
            _tag: 'VersionConflict' as const,
            orderId: c.order.orderId,
            expectedVersion: c.expectedVersion,
            actualVersion: c.expectedVersion,
          });
        }
        return h.store.commit(c);
      },
    };
    const engine = createEngine({
      definitions: [...BUILTINS.values()],
      store,
      clock: h.clock,
      payments: h.bank,
    });
    right(
      await engine.open(orderInput('public-fund-purchase', { orderId: 'r1' }), {
        actor: people.rm1,
      }),
    );
    await advanceTo(h, 'r1', 'fundRelease');
    right(await engine.dispatch('r1', { type: 'releaseFunds' }, { actor: people.ops }));
    right(await engine.runDue());
    expect(conflicts).toBe(0);
    expect((await h.view('r1')).state).toBe('registrar.awaiting');
    expect(h.bank.movements()).toHaveLength(1);
  });

  it('notifies the roles a definition names for an event, through the notifier', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('public-fund-purchase', { orderId: 'e3' }), {
        actor: people.rm1,
      }),
    );
    await advanceTo(h, 'e3', 'payment');
    await h.runDue();
    const approved = h.notifier.calls().find((c) => c.input.event === 'approved');
    expect(approved?.input).toMatchObject({
      template: 'order-approved',
      recipients: [expect.objectContaining({ role: 'salesRep' })],
      data: expect.objectContaining({ orderId: 'e3', amount: '1000000.00' }),
    });
  });

  it('runs due work in the background until stopped', async () => {
    vi.useFakeTimers();
    try {
      const h = createHarness();
      right(
        await h.engine.open(orderInput('public-fund-purchase', { orderId: 'w1' }), {
          actor: people.rm1,
        }),
      );
      await advanceTo(h, 'w1', 'fundRelease');
      await h.ok('w1', people.ops, { type: 'releaseFunds' });
      const worker = h.engine.worker({ pollMs: 50 });
      await vi.advanceTimersByTimeAsync(200);
      await worker.stop();
      expect((await h.view('w1')).state).toBe('archive');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('other commands', () => {
  it('returns an entry to its maker, who enters it again', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('public-fund-purchase', { orderId: 'c1' }), {
        actor: people.rm1,
      }),
    );
    await advanceTo(h, 'c1', 'entry.verifying');
    const back = await h.ok('c1', people.ops, { type: 'returnEntry', reason: 'wrong channel' });
    expect(back.state).toBe('entry.entering');
    expect(back.context.entry.makerId).toBeNull();
  });

  it('delegates an approval step to one person, who alone may then take it', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('public-fund-purchase', { orderId: 'c2' }), {
        actor: people.rm1,
      }),
    );
    await advanceTo(h, 'c2', 'approval');
    const other = { id: 'sup-2', roles: ['salesSupervisor'] };
    await h.ok('c2', people.sup, { type: 'delegate', to: 'sup-2' });
    const tasks = right(await h.engine.tasks({ role: 'salesSupervisor' }));
    expect(tasks[0]?.actorId).toBe('sup-2');
    expect((await h.refused('c2', people.sup, { type: 'approve' }))._tag).toBe('Forbidden');
    expect((await h.ok('c2', other, { type: 'approve' })).state).toBe('payment.awaiting');
  });

  it('lets control put an order on hold, with a neutral client reason, and release it', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('public-fund-purchase', { orderId: 'c3' }), {
        actor: people.rm1,
      }),
    );
    const held = await h.ok('c3', people.risk, { type: 'hold', reason: 'screening alert' });
    expect(held.held).toBe(true);
    expect(held.allowedCommands).toEqual(['releaseHold']);
    const inbox = right(await h.engine.tasks({ role: 'riskOfficer' }));
    expect(inbox.map((t) => t.commands)).toEqual([['releaseHold']]);
    expect((await h.ok('c3', people.risk, { type: 'releaseHold', note: 'cleared' })).held).toBe(
      false,
    );
  });

  it('lists for each actor only the commands they may send now', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('public-fund-purchase', { orderId: 'c4' }), {
        actor: people.rm1,
      }),
    );
    await advanceTo(h, 'c4', 'entry.verifying');
    expect((await h.view('c4', people.ops)).allowedCommands).toEqual([
      'verifyEntry',
      'returnEntry',
    ]);
    expect((await h.view('c4', people.rm1)).allowedCommands).toEqual(['cancel']);
    expect((await h.view('c4')).allowedCommands).toEqual([]);
  });
});
