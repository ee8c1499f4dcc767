import { describe, expect, it } from 'vitest';
import { advanceTo } from '../support/drive.js';
import { expectRefused } from '../support/expectRefused.js';
import { createHarness, orderInput, people, right } from '../support/harness.js';

const effectsOf = async (h: ReturnType<typeof createHarness>, orderId: string) =>
  right(await h.store.effects(orderId), 'effects');

describe('cooling-off, return visit and money', () => {
  it('A08 a private fund signed at T0 and paid at T1 cools off until T1+24h; an early or sales-line return visit is refused', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('private-fund-subscription', { orderId: 'a08' }), {
        actor: people.rm1,
      }),
    );
    const signed = await advanceTo(h, 'a08', 'approval');
    const t0 = signed.context.signature?.signedAt;
    expect(t0).toBeDefined();
    await advanceTo(h, 'a08', 'payment');
    const t1 = h.clock.advance('PT2H');
    const paid = await h.ok('a08', people.ops, {
      type: 'recordPayment',
      amount: '1000000.00',
      payerAccount: '6222-0001',
      reference: 'pay-1',
    });
    expect(paid.state).toBe('coolingOff.running');
    expect(paid.context.coolingOff?.endsAt).toBe(new Date(t1 + 24 * 3600_000).toISOString());
    expect(Date.parse(paid.context.coolingOff?.endsAt ?? '')).toBeGreaterThan(Date.parse(t0 ?? ''));

    h.clock.advance('PT23H59M');
    await h.runDue();
    expect((await h.view('a08')).state).toBe('coolingOff.running');
    const early = await h.refused('a08', people.rv, {
      type: 'recordReturnVisit',
      outcome: 'confirmed',
      recordingRef: 'call-1',
    });
    await expectRefused(h, 'a08', early, 'cooling-off', paid.version);

    h.clock.advance('PT1M');
    await h.runDue();
    const visiting = await h.view('a08');
    expect(visiting.state).toBe('returnVisit.pending');
    const salesLine = { id: 'rv-2', roles: ['returnVisitAgent', 'salesRep'] };
    const bySales = await h.refused('a08', salesLine, {
      type: 'recordReturnVisit',
      outcome: 'confirmed',
      recordingRef: 'call-1',
    });
    await expectRefused(h, 'a08', bySales, 'role-line', visiting.version);
    const visited = await h.ok('a08', people.rv, {
      type: 'recordReturnVisit',
      outcome: 'confirmed',
      recordingRef: 'call-1',
    });
    expect(visited.state).toBe('fundRelease.ready');
  });

  it('A09 a withdrawal during cooling-off refunds in full to the original account and ends withdrawn and refunded', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('private-fund-subscription', { orderId: 'a09' }), {
        actor: people.rm1,
      }),
    );
    await advanceTo(h, 'a09', 'payment');
    await h.ok('a09', people.ops, {
      type: 'recordPayment',
      amount: '1000000.00',
      payerAccount: '6222-0001',
      reference: 'pay-1',
    });
    const withdrawn = await h.ok('a09', people.rv, {
      type: 'withdraw',
      evidenceRef: 'call-record-9',
    });
    expect(withdrawn.status).toBe('withdrawn');
    const refund = (await effectsOf(h, 'a09')).find((e) => e.kind === 'refund');
    expect(refund?.payload).toMatchObject({ amountMinor: 100000000, toAccount: '6222-0001' });
    await h.runDue();
    const done = await h.view('a09');
    expect(done.state).toBe('withdrawn.refunded');
    expect(h.bank.movements()).toEqual([
      expect.objectContaining({ kind: 'refund', amountMinor: 100000000, toAccount: '6222-0001' }),
    ]);
  });

  it('A10 releasing funds before every approval is in is refused', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('private-fund-subscription', { orderId: 'a10' }), {
        actor: people.rm1,
      }),
    );
    const at = await advanceTo(h, 'a10', 'approval');
    const error = await h.refused('a10', people.ops, { type: 'releaseFunds' });
    await expectRefused(h, 'a10', error, 'approvals-incomplete', at.version);
  });

  it('A10 releasing funds before the return visit succeeded is refused', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('private-fund-subscription', { orderId: 'a10b' }), {
        actor: people.rm1,
      }),
    );
    const at = await advanceTo(h, 'a10b', 'returnVisit');
    const error = await h.refused('a10b', people.ops, { type: 'releaseFunds' });
    await expectRefused(h, 'a10b', error, 'return-visit-required', at.version);
  });

  it('A11 an unknown transfer outcome waits for reconciliation, and retries under one key never move money twice', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('public-fund-purchase', { orderId: 'a11' }), {
        actor: people.rm1,
      }),
    );
    await advanceTo(h, 'a11', 'fundRelease');
    h.bank.queue('failRetryable', 'unknownSettled');
    await h.ok('a11', people.ops, { type: 'releaseFunds' });
    const transfer = (await effectsOf(h, 'a11')).find((e) => e.kind === 'instructTransfer');
    const key = transfer?.effectId ?? '';

    await h.runDue();
    expect((await h.view('a11')).state).toBe('fundRelease.transferring');
    h.clock.advance('PT1M');
    await h.runDue();
    const waiting = await h.view('a11');
    expect(waiting.state).toBe('fundRelease.reconciling');
    expect(waiting.context.release?.status).toBe('unknown');
    expect(h.bank.calls(key).map((c) => c.idempotencyKey)).toEqual([key, key]);
    expect(h.bank.movements()).toHaveLength(1);

    h.clock.advance('PT1H');
    await h.runDue();
    expect((await h.refused('a11', people.ops, { type: 'releaseFunds' }))._tag).toBe(
      'CommandNotAllowed',
    );
    expect(h.bank.calls(key)).toHaveLength(2);
    expect(h.bank.movements()).toHaveLength(1);

    const settled = await h.ok('a11', people.ops, {
      type: 'recordTransfer',
      outcome: 'settled',
      reference: h.bank.movements()[0]?.reference ?? '',
    });
    expect(settled.state).toBe('registrar.awaiting');
    expect(h.bank.movements()).toHaveLength(1);
  });

  it('A12 a public fund purchase is cancelled at 14:59 Shanghai on a trading day, and refused at 15:01 with the cut-off rule', async () => {
    const h = createHarness();
    for (const id of ['a12-early', 'a12-late']) {
      right(
        await h.engine.open(orderInput('public-fund-purchase', { orderId: id }), {
          actor: people.rm1,
        }),
      );
      await advanceTo(h, id, 'fundRelease');
    }
    h.clock.set('2026-03-02T06:59:00.000Z');
    const cancelled = await h.ok('a12-early', people.rm1, {
      type: 'cancel',
      reason: 'client changed mind',
    });
    expect(cancelled.status).toBe('cancelled');
    expect((await effectsOf(h, 'a12-early')).some((e) => e.kind === 'refund')).toBe(true);

    h.clock.set('2026-03-02T07:01:00.000Z');
    const { version } = await h.view('a12-late');
    const error = await h.refused('a12-late', people.rm1, { type: 'cancel', reason: 'too late' });
    await expectRefused(h, 'a12-late', error, 'cut-off', version);
    expect(error._tag === 'GuardFailed' && error.facts).toMatchObject({
      tradeDate: '2026-03-02',
      cutOff: '15:00',
      beforeCutOff: false,
    });
  });

  it('A13 a registrar confirming 60% leaves the order partially confirmed with a refund of the other 40%', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('public-fund-purchase', { orderId: 'a13' }), {
        actor: people.rm1,
      }),
    );
    await advanceTo(h, 'a13', 'registrar');
    h.registrar.queue({ partial: 0.6 });
    await h.runDue();
    const partial = await h.view('a13');
    expect(partial.context.confirmation).toMatchObject({
      result: 'partial',
      confirmedMinor: 60000000,
    });
    const refund = (await effectsOf(h, 'a13')).find((e) => e.kind === 'refund');
    expect(refund?.payload).toMatchObject({ amountMinor: 40000000, toAccount: '6222-0001' });
    await h.runDue();
    expect((await h.view('a13')).context.refunds).toEqual([
      expect.objectContaining({ amountMinor: 40000000, status: 'settled' }),
    ]);
  });
});
