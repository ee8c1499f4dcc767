import { describe, expect, it } from 'vitest';
import { advanceTo, CONTRACT_TEXT } from '../support/drive.js';
import { expectRefused } from '../support/expectRefused.js';
import { createHarness, orderInput, people, right } from '../support/harness.js';

const evidence = (documentSha256: string) => ({
  documentSha256,
  signerIdentity: '张三 <inv-1>',
  signedAt: '2026-03-02T02:00:00.000Z',
  envelopeId: 'env-1',
});

describe('guards refuse with their rule, in the audit, without moving the version', () => {
  it('refuses a recorded signature whose document is not the drafted contract (signature-evidence)', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('private-fund-subscription', { orderId: 'g1' }), {
        actor: people.rm1,
      }),
    );
    const at = await advanceTo(h, 'g1', 'signing');
    const error = await h.refused('g1', people.rm1, {
      type: 'recordSignature',
      evidence: evidence('0'.repeat(64)),
    });
    await expectRefused(h, 'g1', error, 'signature-evidence', at.version);
  });

  it('refuses a bank wealth signature without a recording (recording-required)', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('bank-wealth-private', { orderId: 'g2' }), {
        actor: people.rm1,
      }),
    );
    const at = await advanceTo(h, 'g2', 'signing');
    const error = await h.refused('g2', people.rm1, { type: 'requestSignature' });
    await expectRefused(h, 'g2', error, 'recording-required', at.version);
  });

  it('refuses a payment whose amount is not the contract amount (amount-mismatch)', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('private-fund-subscription', { orderId: 'g3' }), {
        actor: people.rm1,
      }),
    );
    const at = await advanceTo(h, 'g3', 'payment');
    const error = await h.refused('g3', people.ops, {
      type: 'recordPayment',
      amount: '999999.99',
      payerAccount: '6222-0001',
      reference: 'p',
    });
    await expectRefused(h, 'g3', error, 'amount-mismatch', at.version);
    expect(error._tag === 'GuardFailed' && error.facts.against).toBe('contract');
  });

  it('refuses a mismatch override where the product allows none, ending the order rejected', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('bank-wealth-private', { orderId: 'g4', riskLevel: 'R5' }), {
        actor: people.rm1,
      }),
    );
    const ended = await advanceTo(h, 'g4', 'rejected').catch(async () => h.view('g4'));
    expect(ended.status).toBe('rejected');
  });

  it('accepts a recorded wet signature with complete evidence of the drafted contract', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('private-fund-subscription', { orderId: 'g5' }), {
        actor: people.rm1,
      }),
    );
    await advanceTo(h, 'g5', 'signing');
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha256').update(CONTRACT_TEXT, 'utf8').digest('hex');
    const signed = await h.ok('g5', people.rm1, {
      type: 'recordSignature',
      evidence: evidence(sha),
    });
    expect(signed.state).toBe('approval.supervisor');
    expect(signed.context.signature).toMatchObject({ documentSha256: sha, envelopeId: 'env-1' });
  });

  it('decodes commands at the edge and reports io-ts paths', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('public-fund-purchase', { orderId: 'g6' }), {
        actor: people.rm1,
      }),
    );
    const r = await h.engine.dispatch(
      'g6',
      { type: 'confirmNeeds', documentId: '' },
      { actor: people.rm1 },
    );
    expect(r).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'CommandInvalid', problems: [expect.objectContaining({ path: 'documentId' })] },
    });
    const bad = await h.engine.dispatch(
      'g6',
      { type: 'recordPayment', amount: '1.001', payerAccount: 'a', reference: 'r' } as never,
      { actor: people.ops },
    );
    expect(bad).toMatchObject({ left: { _tag: 'CommandInvalid', problems: [{ path: 'amount' }] } });
  });
});
