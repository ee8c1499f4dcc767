import { describe, expect, it } from 'vitest';
import { advanceTo, CONTRACT_TEXT } from '../support/drive.js';
import { expectRefused } from '../support/expectRefused.js';
import { createHarness, orderInput, people, right } from '../support/harness.js';

describe('suitability, qualification and the contract', () => {
  it('A03 a C3 ordinary investor buying R4 is blocked until the warning and the confirmation are recorded, client-initiated', async () => {
    const h = createHarness();
    right(
      await h.engine.open(
        orderInput('private-fund-subscription', { orderId: 'a03', riskLevel: 'R4' }),
        {
          actor: people.rm1,
        },
      ),
    );
    const waiting = await advanceTo(h, 'a03', 'suitability');
    expect(waiting.state).toBe('suitability.awaitingAcknowledgement');
    expect(waiting.context.suitability?.result).toBe('mismatch');

    const early = await h.refused('a03', people.ops, {
      type: 'draftContract',
      contractId: 'c-1',
      amount: '1000000.00',
      text: CONTRACT_TEXT,
    });
    await expectRefused(h, 'a03', early, 'suitability', waiting.version);

    const recommended = await h.refused('a03', people.rm1, {
      type: 'acknowledgeMismatch',
      warningDocumentId: 'warning-1',
      confirmationDocumentId: 'confirmation-1',
      clientInitiated: false,
    });
    await expectRefused(h, 'a03', recommended, 'suitability', waiting.version);

    const ack = await h.ok('a03', people.rm1, {
      type: 'acknowledgeMismatch',
      warningDocumentId: 'warning-1',
      confirmationDocumentId: 'confirmation-1',
      clientInitiated: true,
    });
    expect(ack.state).toBe('contract.drafting');
    expect(ack.context.suitability?.acknowledgement).toMatchObject({
      clientInitiated: true,
      warningDocumentId: 'warning-1',
      confirmationDocumentId: 'confirmation-1',
    });
    const entry = (await h.audit('a03')).at(-1);
    expect(entry?.facts.suitability).toMatchObject({ clientInitiated: true, result: 'mismatch' });
  });

  it('A04 a lowest-category investor buying above R1 is rejected, with no override path', async () => {
    const h = createHarness();
    right(
      await h.engine.open(
        orderInput('public-fund-purchase', {
          orderId: 'a04',
          riskLevel: 'R2',
          investor: { riskLevel: 'C1', lowestCategory: true },
        }),
        { actor: people.rm1 },
      ),
    );
    await h.ok('a04', people.rm1, { type: 'confirmNeeds', documentId: 'needs-1' });
    await h.ok('a04', people.rm1, { type: 'enterOrder' });
    const ended = await h.ok('a04', people.ops, { type: 'verifyEntry' });
    expect(ended.status).toBe('rejected');
    const entry = (await h.audit('a04')).at(-1);
    expect(entry?.facts.rule).toBe('lowest-category');
    expect(entry?.facts.suitability).toMatchObject({ result: 'blocked', lowestCategory: true });
    const override = await h.refused('a04', people.rm1, {
      type: 'acknowledgeMismatch',
      warningDocumentId: 'w',
      confirmationDocumentId: 'c',
      clientInitiated: true,
    });
    expect(override._tag).toBe('CommandNotAllowed');
    expect((await h.view('a04', people.rm1)).allowedCommands).toEqual([]);
  });

  it('A05 a bank wealth order with a 13-month-old risk assessment is refused at signing', async () => {
    const h = createHarness();
    right(
      await h.engine.open(
        orderInput('bank-wealth-private', {
          orderId: 'a05',
          investor: { assessedAt: '2025-02-01' },
        }),
        { actor: people.rm1 },
      ),
    );
    const at = await advanceTo(h, 'a05', 'signing');
    const error = await h.refused('a05', people.rm1, {
      type: 'requestSignature',
      recordingRef: 'rec-1',
    });
    await expectRefused(h, 'a05', error, 'assessment-expired', at.version);
    expect(error._tag === 'GuardFailed' && error.facts).toMatchObject({
      assessedAt: '2025-02-01',
      validity: 'P1Y',
    });
  });

  it('A06 a private fund at ¥800,000 is refused at the contract for the minimum amount', async () => {
    const h = createHarness();
    right(
      await h.engine.open(
        orderInput('private-fund-subscription', { orderId: 'a06', amount: '800000.00' }),
        {
          actor: people.rm1,
        },
      ),
    );
    const at = await advanceTo(h, 'a06', 'contract');
    const error = await h.refused('a06', people.ops, {
      type: 'draftContract',
      contractId: 'c-1',
      amount: '800000.00',
      text: CONTRACT_TEXT,
    });
    await expectRefused(h, 'a06', error, 'minimum-amount', at.version);
  });

  it('A06 a private fund without qualified-investor proof is refused at the contract', async () => {
    const h = createHarness();
    const input = orderInput('private-fund-subscription', { orderId: 'a06b' });
    const { qualificationProof: _proof, ...investor } = input.investor;
    right(await h.engine.open({ ...input, investor }, { actor: people.rm1 }));
    const at = await advanceTo(h, 'a06b', 'contract');
    const error = await h.refused('a06b', people.ops, {
      type: 'draftContract',
      contractId: 'c-1',
      amount: '1000000.00',
      text: CONTRACT_TEXT,
    });
    await expectRefused(h, 'a06b', error, 'qualified-investor', at.version);
  });

  it('A07 a contract amount other than the order amount is refused, and the error shows both amounts', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('private-fund-subscription', { orderId: 'a07' }), {
        actor: people.rm1,
      }),
    );
    const at = await advanceTo(h, 'a07', 'contract');
    const error = await h.refused('a07', people.ops, {
      type: 'draftContract',
      contractId: 'c-1',
      amount: '1200000.00',
      text: CONTRACT_TEXT,
    });
    await expectRefused(h, 'a07', error, 'amount-mismatch', at.version);
    if (error._tag !== 'GuardFailed') return;
    expect(error.facts).toMatchObject({ expected: '1000000.00', actual: '1200000.00' });
    expect(error.message).toContain('1200000.00');
    expect(error.message).toContain('1000000.00');
  });

  it.each([['本产品保本保收益，年化8%'], ['This plan offers a Guaranteed Return of 8% a year']])(
    'A23 a contract text promising guaranteed returns is refused: %s',
    async (text) => {
      const h = createHarness();
      right(
        await h.engine.open(orderInput('private-fund-subscription', { orderId: 'a23' }), {
          actor: people.rm1,
        }),
      );
      const at = await advanceTo(h, 'a23', 'contract');
      const error = await h.refused('a23', people.ops, {
        type: 'draftContract',
        contractId: 'c-1',
        amount: '1000000.00',
        text,
      });
      await expectRefused(h, 'a23', error, 'guaranteed-return', at.version);
    },
  );

  it('A24 qualification before the needs confirmation is signed is refused', async () => {
    const h = createHarness();
    const opened = right(
      await h.engine.open(orderInput('private-fund-subscription', { orderId: 'a24' }), {
        actor: people.rm1,
      }),
    );
    const error = await h.refused('a24', people.rm1, {
      type: 'submitQualification',
      documents: ['id-card'],
    });
    await expectRefused(h, 'a24', error, 'needs-confirmation', opened.version);
    await h.ok('a24', people.rm1, { type: 'confirmNeeds', documentId: 'needs-1' });
    expect(
      (await h.ok('a24', people.rm1, { type: 'submitQualification', documents: ['id-card'] }))
        .state,
    ).toBe('qualification.reviewing');
  });
});
