import {
  type AuditEntry,
  createEngine,
  NEUTRAL_HOLD_REASON,
  type OrderStore,
} from '@orderflow/core';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { advanceTo } from '../support/drive.js';
import { expectRefused } from '../support/expectRefused.js';
import { BUILTINS, createHarness, orderInput, people, right } from '../support/harness.js';

describe('amendment, audit, SLA, idempotency, concurrency and holds', () => {
  it('A14 compliance returns the order for amendment: v2 re-runs maker-checker, contract, signature and approvals; v1 stays readable and unchanged', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('private-fund-subscription', { orderId: 'a14' }), {
        actor: people.rm1,
      }),
    );
    await advanceTo(h, 'a14', 'approval');
    await h.ok('a14', people.sup, { type: 'approve' });
    const returned = await h.ok('a14', people.comp, {
      type: 'returnForAmendment',
      reason: 'the client asked for a larger amount',
    });
    expect(returned.state).toBe('entry.entering');
    expect(returned.revision).toBe(2);
    expect(returned.context.signature).toBeNull();
    expect(returned.context.contract).toBeNull();
    expect(returned.context.approvals).toEqual({});
    const v1 = right(await h.engine.get('a14', { revision: 1 }));
    expect(v1.revision).toBe(1);
    expect(v1.context.contract?.contractId).toBe('c-1');
    expect(v1.context.signature?.documentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(v1.context.approvals.approval?.decisions.map((d) => d.decision)).toEqual([
      'approved',
      'returned',
    ]);

    await h.ok('a14', people.rm1, { type: 'amend', amount: '1200000.00' });
    const states: string[] = [];
    for (const stage of ['entry.verifying', 'contract', 'signing', 'approval', 'payment']) {
      states.push((await advanceTo(h, 'a14', stage)).state);
    }
    expect(states).toEqual([
      'entry.verifying',
      'contract.drafting',
      'signing.ready',
      'approval.supervisor',
      'payment.awaiting',
    ]);
    const v2 = await h.view('a14');
    expect(v2.context.amountMinor).toBe(120000000);
    expect(v2.context.contract?.amountMinor).toBe(120000000);
    expect(v2.context.signature?.envelopeId).not.toBe(v1.context.signature?.envelopeId);
    expect(v2.context.approvals.approval?.decisions.map((d) => d.stepId)).toEqual([
      'supervisor',
      'risk',
      'compliance',
    ]);
    const frozen = (c: typeof v1.context) => ({
      amountMinor: c.amountMinor,
      entry: c.entry,
      suitability: c.suitability,
      contract: c.contract,
      signature: c.signature,
      approvals: c.approvals,
    });
    expect(frozen(right(await h.engine.get('a14', { revision: 1 })).context)).toEqual(
      frozen(v1.context),
    );
    expect(v1.context.amountMinor).toBe(100000000);
  });

  it('A15 the audit chain of a long order verifies, and altering one stored entry is detected at exactly that entry', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('private-fund-subscription', { orderId: 'a15' }), {
        actor: people.rm1,
      }),
    );
    await h.refused('a15', people.rm1, { type: 'submitQualification', documents: ['x'] });
    await advanceTo(h, 'a15', 'completed');
    const trail = await h.audit('a15');
    expect(trail.length).toBeGreaterThanOrEqual(20);
    expect(right(await h.engine.verifyAudit('a15'))).toMatchObject({
      valid: true,
      entries: trail.length,
    });

    const altered = 11;
    const tampered: OrderStore = {
      ...h.store,
      history: async (orderId) =>
        E.map((entries: readonly AuditEntry[]) =>
          entries.map((e, i) => (i === altered ? { ...e, actorId: 'someone-else' } : e)),
        )(await h.store.history(orderId)),
    };
    const reader = createEngine({ definitions: [...BUILTINS.values()], store: tampered });
    const verdict = right(await reader.verifyAudit('a15'));
    expect(verdict.valid).toBe(false);
    expect(verdict.brokenAt).toMatchObject({ index: altered, seq: altered + 1 });
  });

  it('A16 an approval SLA breach escalates to escalateTo, shows the task overdue, and approves nothing', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('private-fund-subscription', { orderId: 'a16' }), {
        actor: people.rm1,
      }),
    );
    const at = await advanceTo(h, 'a16', 'approval');
    expect(at.context.due['approval.supervisor']).toBeDefined();
    h.clock.advance('PT8H1M');
    await h.runDue();
    await h.runDue();
    const after = await h.view('a16');
    expect(after.state).toBe('approval.supervisor');
    expect(after.context.approvals.approval?.decisions).toEqual([]);
    expect(after.context.escalations['approval.supervisor']?.to).toBe('salesDirector');
    const sent = h.notifier.calls().map((c) => c.input);
    expect(sent).toContainEqual(
      expect.objectContaining({
        event: 'slaBreached',
        recipients: [expect.objectContaining({ role: 'salesDirector' })],
      }),
    );
    const inbox = right(await h.engine.tasks({ actor: people.sup }));
    expect(inbox).toEqual([
      expect.objectContaining({
        stepId: 'supervisor',
        overdue: true,
        escalatedTo: 'salesDirector',
      }),
    ]);
  });

  it('A19 the same command sent twice with one idempotency key changes the order once and returns the same result', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('public-fund-purchase', { orderId: 'a19' }), {
        actor: people.rm1,
      }),
    );
    const send = () =>
      h.engine.dispatch(
        'a19',
        { type: 'confirmNeeds', documentId: 'needs-1' },
        { actor: people.rm1, idempotencyKey: 'k-1' },
      );
    const first = right(await send());
    const second = right(await send());
    expect(second).toEqual(first);
    expect(first.version).toBe(2);
    expect((await h.view('a19')).version).toBe(2);
    expect((await h.audit('a19')).filter((e) => e.command === 'confirmNeeds')).toHaveLength(1);
  });

  it('A19 retries racing their first attempt under one idempotency key all get its one response', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('public-fund-purchase', { orderId: 'a19r' }), {
        actor: people.rm1,
      }),
    );
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        h.engine.dispatch(
          'a19r',
          { type: 'confirmNeeds', documentId: 'needs-1' },
          { actor: people.rm1, idempotencyKey: 'k-race' },
        ),
      ),
    );
    const views = results.map((r) => right(r));
    expect(new Set(views.map((v) => v.version))).toEqual(new Set([2]));
    expect((await h.view('a19r')).version).toBe(2);
    expect((await h.audit('a19r')).filter((e) => e.command === 'confirmNeeds')).toHaveLength(1);
  });

  it('A19 open retries racing under one idempotency key all get the one order they opened', async () => {
    const h = createHarness();
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        h.engine.open(orderInput('public-fund-purchase', { orderId: 'a19o' }), {
          actor: people.rm1,
          idempotencyKey: 'open-race',
        }),
      ),
    );
    const views = results.map((r) => right(r));
    expect(new Set(views.map((v) => `${v.orderId}@${v.version}`))).toEqual(new Set(['a19o@1']));
    expect(await h.audit('a19o')).toHaveLength(1);
  });

  it('A19 an open under a new key for an order id already taken is a VersionConflict, not the other order', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('public-fund-purchase', { orderId: 'a19t' }), {
        actor: people.rm1,
        idempotencyKey: 'first',
      }),
    );
    const second = await h.engine.open(orderInput('public-fund-purchase', { orderId: 'a19t' }), {
      actor: people.rm1,
      idempotencyKey: 'second',
    });
    expect(second).toEqual(E.left(expect.objectContaining({ _tag: 'VersionConflict' })));
  });

  it('A20 two commands on the same expected version: one commits, the other gets VersionConflict', async () => {
    const h = createHarness();
    const opened = right(
      await h.engine.open(orderInput('public-fund-purchase', { orderId: 'a20' }), {
        actor: people.rm1,
      }),
    );
    const command = { type: 'confirmNeeds', documentId: 'needs-1' } as const;
    const options = { actor: people.rm1, expectedVersion: opened.version };
    const [a, b] = await Promise.all([
      h.engine.dispatch('a20', command, options),
      h.engine.dispatch('a20', command, options),
    ]);
    const results = [a, b];
    expect(results.filter(E.isRight)).toHaveLength(1);
    expect(results.filter(E.isLeft).map((r) => r.left)).toEqual([
      expect.objectContaining({ _tag: 'VersionConflict', expectedVersion: 1 }),
    ]);
    const late = await h.engine.dispatch('a20', { type: 'enterOrder' }, options);
    expect(late).toEqual(
      E.left(expect.objectContaining({ _tag: 'VersionConflict', actualVersion: 2 })),
    );
  });

  it('A21 an AML hit holds the order with a neutral reason, and a control role releases the hold', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('private-fund-subscription', { orderId: 'a21' }), {
        actor: people.rm1,
      }),
    );
    await advanceTo(h, 'a21', 'qualification.reviewing');
    const held = await h.ok('a21', people.risk, {
      type: 'recordQualification',
      result: 'amlHit',
      note: 'sanctions list match',
    });
    expect(held.held).toBe(true);
    expect(held.context.held?.clientReason).toBe(NEUTRAL_HOLD_REASON);
    expect(held.context.held?.clientReason).not.toMatch(/AML|洗钱|sanction|制裁/i);
    const blocked = await h.refused('a21', people.rm1, { type: 'enterOrder' });
    await expectRefused(h, 'a21', blocked, 'aml-hold', held.version);
    expect((await h.refused('a21', people.rm1, { type: 'releaseHold', note: 'ok' }))._tag).toBe(
      'Forbidden',
    );
    const salesControl = { id: 'x-1', roles: ['riskOfficer', 'salesRep'] };
    await expectRefused(
      h,
      'a21',
      await h.refused('a21', salesControl, { type: 'releaseHold', note: 'cleared' }),
      'role-line',
      held.version,
    );
    const released = await h.ok('a21', people.head, {
      type: 'releaseHold',
      note: 'false positive, cleared',
    });
    expect(released.held).toBe(false);
    expect(released.state).toBe('entry.entering');
  });

  it('A22 a payment from an account that is not the investor’s own holds the order', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('public-fund-purchase', { orderId: 'a22' }), {
        actor: people.rm1,
      }),
    );
    await advanceTo(h, 'a22', 'payment');
    const paid = await h.ok('a22', people.ops, {
      type: 'recordPayment',
      amount: '1000000.00',
      payerAccount: '9999-0000',
      reference: 'pay-x',
    });
    expect(paid.held).toBe(true);
    expect(paid.context.held?.rule).toBe('payer-account');
    const entry = (await h.audit('a22')).at(-1);
    expect(entry?.facts['payer-account']).toMatchObject({
      passed: false,
      payerAccount: '9999-0000',
    });
    const release = await h.refused('a22', people.ops, { type: 'releaseFunds' });
    await expectRefused(h, 'a22', release, 'aml-hold', paid.version);
  });
});
