import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { advanceTo } from '../support/drive.js';
import { createHarness, orderInput, people, right } from '../support/harness.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('the drafted contract text', () => {
  it('goes to the signer, and once signed leaves the order row, its hash and the audit entry staying', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('private-fund-subscription', { orderId: 'ct1' }), {
        actor: people.rm1,
      }),
    );
    const drafting = await advanceTo(h, 'ct1', 'contract');
    // A real fund contract runs to tens of pages.
    const text = `基金合同：投资有风险，过往业绩不代表未来表现。${'第一条 当事人的权利与义务。'.repeat(5_000)}`;
    await h.ok('ct1', people.ops, {
      type: 'draftContract',
      contractId: 'c-long',
      amount: (drafting.context.amountMinor / 100).toFixed(2),
      text,
    });
    const drafted = await h.view('ct1');
    expect(drafted.context.contract?.text).toBe(text);
    expect(drafted.context.contract?.textSha256).toBe(sha256(text));

    await h.ok('ct1', people.rm1, { type: 'requestSignature', recordingRef: 'rec-1' });
    const requests = right(await h.store.effects('ct1')).filter(
      (e) => e.kind === 'requestSignature',
    );
    expect(requests.map((e) => (e.payload as { contractText?: string }).contractText)).toEqual([
      text,
    ]);
    await h.runDue();

    const signed = await h.view('ct1');
    expect(signed.state).toBe('approval.supervisor');
    expect(signed.context.contract).toMatchObject({
      contractId: 'c-long',
      textSha256: sha256(text),
      text: null,
    });
    const row = right(await h.store.load('ct1'));
    expect(JSON.stringify(row).length).toBeLessThan(8_000);
    const history = right(await h.engine.history('ct1'));
    const drafts = history.filter((e) => e.command === 'draftContract');
    expect(drafts.map((e) => (e.payload as { text?: string }).text)).toEqual([text]);
  });
});
