import { describe, expect, it } from 'vitest';
import { createHarness, orderInput, people, right } from '../support/harness.js';

describe('a public fund purchase', () => {
  it('runs from opening to archive on the memory store', async () => {
    const h = createHarness();
    const opened = right(
      await h.engine.open(orderInput('public-fund-purchase', { orderId: 'o-1' }), {
        actor: people.rm1,
      }),
    );
    expect(opened.state).toBe('needs');
    expect(opened.version).toBe(1);
    expect(opened.allowedCommands).toContain('confirmNeeds');

    await h.ok('o-1', people.rm1, { type: 'confirmNeeds', documentId: 'doc-needs-1' });
    await h.ok('o-1', people.rm1, { type: 'enterOrder' });
    const verified = await h.ok('o-1', people.ops, { type: 'verifyEntry' });
    expect(verified.state).toBe('approval.supervisor');
    const approved = await h.ok('o-1', people.sup, { type: 'approve' });
    expect(approved.state).toBe('payment.awaiting');
    expect(approved.context.approvals.approval?.complete).toBe(true);
    await h.ok('o-1', people.ops, {
      type: 'recordPayment',
      amount: '1000000.00',
      payerAccount: '6222-0001',
      reference: 'pay-1',
    });
    const releasing = await h.ok('o-1', people.ops, { type: 'releaseFunds' });
    expect(releasing.state).toBe('fundRelease.transferring');

    await h.runDue();
    expect(h.bank.movements()).toHaveLength(1);
    expect((await h.view('o-1')).state).toBe('registrar.awaiting');
    await h.runDue();
    const confirmed = await h.view('o-1');
    expect(confirmed.state).toBe('archive');
    expect(confirmed.context.confirmation?.result).toBe('confirmed');
    const done = await h.ok('o-1', people.ops, { type: 'archive' });
    expect(done.status).toBe('completed');
    expect(done.version).toBe(10);

    const trail = await h.audit('o-1');
    expect(trail.map((e) => e.command)).toEqual([
      'open',
      'confirmNeeds',
      'enterOrder',
      'verifyEntry',
      'approve',
      'recordPayment',
      'releaseFunds',
      'transferSettled',
      'confirmationReceived',
      'archive',
    ]);
    expect(trail.every((e) => e.outcome === 'accepted')).toBe(true);
    expect(right(await h.engine.verifyAudit('o-1')).valid).toBe(true);
  });
});
