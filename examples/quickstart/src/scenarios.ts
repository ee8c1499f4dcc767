/**
 * One order per built-in definition, each along a realistic path with several people.
 * Each scenario returns the order id and the state it must end in.
 */
import type { OpenInput } from '@orderflow/core';
import type { RegistrarSimulator } from '@orderflow/core/testing/fakes';
import type { Script } from './createScript.js';
import { people } from './people.js';

/** A scenario of the demo. */
export interface Scenario {
  readonly title: string;
  readonly definition: string;
  readonly orderId: string;
  /** Drives the order; resolves to its id. The registrar is a simulator (no machine has a real one). */
  run(script: Script, registrar: RegistrarSimulator): Promise<string>;
  /** The state the order must be in at the end. */
  readonly finalState: string;
}

const investor = (overrides: Partial<OpenInput['investor']> = {}): OpenInput['investor'] => ({
  id: 'INV-0001',
  name: '张三',
  kind: 'individual',
  classification: 'ordinary',
  riskLevel: 'C3',
  lowestCategory: false,
  assessedAt: '2026-01-15',
  ownAccounts: ['6222020200001234'],
  ...overrides,
});

const CONTRACT =
  '基金合同：投资有风险，基金的过往业绩并不预示其未来表现，投资人应认真阅读风险揭示书。';

const payment = (amount: string) =>
  ({
    type: 'recordPayment',
    amount,
    payerAccount: '6222020200001234',
    reference: 'BANK-REF-1',
  }) as const;

/** The four scenarios, in the order the demo runs them. */
export const scenarios: readonly Scenario[] = [
  {
    title:
      'Public fund purchase: suitability mismatch the investor insists on; a maker tries to check their own entry',
    definition: 'public-fund-purchase',
    orderId: 'PUB-0001',
    finalState: 'completed',
    async run(s) {
      const id = await s.open(people.wang, {
        definition: 'public-fund-purchase',
        orderId: this.orderId,
        product: { code: '000001', name: '科技成长混合', riskLevel: 'R4' },
        investor: investor(),
        amount: '200000.00',
        channel: 'branch',
      });
      await s.ok(id, people.wang, { type: 'confirmNeeds', documentId: 'NEEDS-0001' });
      await s.ok(id, people.he, { type: 'enterOrder' }, 'entry.verifying');
      await s.refused(id, people.he, { type: 'verifyEntry' }, 'segregation-of-duties');
      await s.ok(id, people.wu, { type: 'verifyEntry' }, 'suitability.awaitingAcknowledgement');
      await s.refused(id, people.chen, { type: 'approve' }, 'CommandNotAllowed');
      await s.ok(id, people.wang, {
        type: 'acknowledgeMismatch',
        warningDocumentId: 'WARN-0001',
        confirmationDocumentId: 'CONF-0001',
        clientInitiated: true,
      });
      await s.ok(id, people.chen, { type: 'approve' });
      await s.ok(id, people.zhao, { type: 'approve' }, 'payment.awaiting');
      await s.ok(id, people.wu, payment('200000.00'));
      await s.ok(id, people.wu, { type: 'releaseFunds' });
      await s.settle();
      await s.ok(id, people.xu, { type: 'archive' });
      return id;
    },
  },
  {
    title:
      'Private fund subscription: compliance returns it for amendment; parallel approvals; cooling-off, return visit, fund release, registrar',
    definition: 'private-fund-subscription',
    orderId: 'PRI-0001',
    finalState: 'completed',
    async run(s) {
      const id = await s.open(people.li, {
        definition: 'private-fund-subscription',
        orderId: this.orderId,
        product: { code: 'SX1234', name: '私募成长一号', riskLevel: 'R4' },
        investor: investor({
          id: 'INV-0002',
          name: '李四',
          riskLevel: 'C4',
          qualificationProof: 'ASSET-PROOF-0002',
          financialAssets: '8000000.00',
          ownAccounts: ['6222020200001234'],
        }),
        amount: '6000000.00',
        channel: 'branch',
      });
      await s.ok(id, people.li, { type: 'confirmNeeds', documentId: 'NEEDS-0002' });
      await s.ok(id, people.li, {
        type: 'submitQualification',
        documents: ['ID-0002', 'ASSET-PROOF-0002'],
      });
      await s.ok(id, people.zhao, { type: 'recordQualification', result: 'passed' });
      await s.ok(id, people.li, { type: 'enterOrder' });
      await s.ok(id, people.wu, { type: 'verifyEntry' }, 'contract.drafting');
      await s.ok(id, people.wu, {
        type: 'draftContract',
        contractId: 'CT-0002-1',
        amount: '6000000.00',
        text: CONTRACT,
      });
      await s.ok(id, people.li, { type: 'requestSignature' });
      await s.settle();
      await s.expectState(id, 'approval.supervisor');
      await s.refused(id, people.li, { type: 'approve' }, 'Forbidden');
      await s.ok(id, people.chen, { type: 'approve' }, 'approval.control');
      await s.ok(id, people.zhao, { type: 'approve', step: 'risk' });
      await s.ok(
        id,
        people.zhou,
        {
          type: 'returnForAmendment',
          reason: '需求确认书金额与订单不一致 — the needs letter says 5,000,000',
        },
        'entry.entering',
      );
      await s.ok(id, people.li, { type: 'amend', amount: '5000000.00' });
      await s.ok(id, people.li, { type: 'enterOrder' });
      await s.ok(id, people.xu, { type: 'verifyEntry' }, 'contract.drafting');
      await s.ok(id, people.wu, {
        type: 'draftContract',
        contractId: 'CT-0002-2',
        amount: '5000000.00',
        text: CONTRACT,
      });
      await s.ok(id, people.li, { type: 'requestSignature' });
      await s.settle();
      await s.ok(id, people.chen, { type: 'approve' });
      await s.ok(id, people.ma, { type: 'approve', step: 'risk' });
      await s.refused(
        id,
        people.ma,
        { type: 'approve', step: 'compliance' },
        'segregation-of-duties',
      );
      await s.ok(id, people.zhou, { type: 'approve', step: 'compliance' }, 'approval.finance');
      await s.ok(id, people.sun, { type: 'approve' }, 'payment.awaiting');
      await s.ok(id, people.wu, payment('5000000.00'), 'coolingOff.running');
      await s.refused(
        id,
        people.zheng,
        { type: 'recordReturnVisit', outcome: 'confirmed', recordingRef: 'CALL-EARLY' },
        'cooling-off',
      );
      await s.wait('PT24H');
      await s.expectState(id, 'returnVisit.pending');
      await s.refused(
        id,
        people.li,
        { type: 'recordReturnVisit', outcome: 'confirmed', recordingRef: 'CALL-SALES' },
        'Forbidden',
      );
      await s.ok(
        id,
        people.zheng,
        { type: 'recordReturnVisit', outcome: 'confirmed', recordingRef: 'CALL-0002' },
        'fundRelease.ready',
      );
      await s.ok(id, people.wu, { type: 'releaseFunds' });
      await s.settle();
      await s.ok(id, people.xu, { type: 'archive' });
      return id;
    },
  },
  {
    title:
      'Bank private wealth: 双录 recorded at signing; the investor withdraws in cooling-off and is refunded',
    definition: 'bank-wealth-private',
    orderId: 'BWP-0001',
    finalState: 'withdrawn.refunded',
    async run(s) {
      const id = await s.open(people.wang, {
        definition: 'bank-wealth-private',
        orderId: this.orderId,
        product: { code: 'WM2026', name: '私行尊享理财', riskLevel: 'R3' },
        investor: investor({
          id: 'INV-0003',
          name: '王五',
          qualificationProof: 'ASSET-PROOF-0003',
          financialAssets: '6000000.00',
        }),
        amount: '1000000.00',
        channel: 'branch',
      });
      await s.ok(id, people.wang, { type: 'confirmNeeds', documentId: 'NEEDS-0003' });
      await s.ok(id, people.wang, { type: 'submitQualification', documents: ['ID-0003'] });
      await s.ok(id, people.zhao, { type: 'recordQualification', result: 'passed' });
      await s.ok(id, people.wang, { type: 'enterOrder' });
      await s.ok(id, people.xu, { type: 'verifyEntry' });
      await s.ok(id, people.wu, {
        type: 'draftContract',
        contractId: 'CT-0003',
        amount: '1000000.00',
        text: CONTRACT,
      });
      await s.refused(id, people.wang, { type: 'requestSignature' }, 'recording-required');
      await s.ok(id, people.wang, { type: 'requestSignature', recordingRef: 'VIDEO-0003' });
      await s.settle();
      await s.ok(id, people.chen, { type: 'approve' });
      await s.ok(id, people.zhao, { type: 'approve' });
      await s.ok(id, people.zhou, { type: 'approve' }, 'payment.awaiting');
      await s.ok(id, people.wu, payment('1000000.00'), 'coolingOff.running');
      await s.ok(id, people.zheng, {
        type: 'withdraw',
        evidenceRef: 'CALL-WITHDRAW-0003',
        reason: '客户冷静期内撤回',
      });
      await s.settle();
      return id;
    },
  },
  {
    title:
      'Asset-management plan: decision-table approvals; the registrar confirms 60% and the rest is refunded',
    definition: 'asset-management-plan',
    orderId: 'AMP-0001',
    finalState: 'completed',
    async run(s, registrar) {
      const id = await s.open(people.li, {
        definition: 'asset-management-plan',
        orderId: this.orderId,
        product: {
          code: 'AMP-EQ-07',
          name: '权益精选资管计划',
          riskLevel: 'R3',
          category: 'equity',
        },
        investor: investor({
          id: 'INV-0004',
          name: '赵六',
          qualificationProof: 'ASSET-PROOF-0004',
          financialAssets: '6000000.00',
        }),
        amount: '1200000.00',
        channel: 'online',
      });
      await s.ok(id, people.li, { type: 'confirmNeeds', documentId: 'NEEDS-0004' });
      await s.ok(id, people.li, { type: 'submitQualification', documents: ['ID-0004'] });
      await s.ok(id, people.zhao, { type: 'recordQualification', result: 'passed' });
      await s.ok(id, people.li, { type: 'enterOrder' });
      await s.ok(id, people.wu, { type: 'verifyEntry' });
      await s.refused(
        id,
        people.wu,
        {
          type: 'draftContract',
          contractId: 'CT-0004',
          amount: '1200000.00',
          text: `${CONTRACT} 本产品保本保收益。`,
        },
        'guaranteed-return',
      );
      await s.ok(id, people.wu, {
        type: 'draftContract',
        contractId: 'CT-0004',
        amount: '1200000.00',
        text: CONTRACT,
      });
      await s.ok(id, people.li, { type: 'requestSignature' });
      await s.settle();
      await s.ok(id, people.chen, { type: 'approve' });
      await s.ok(id, people.zhou, { type: 'approve', step: 'compliance' });
      await s.ok(id, people.zhao, { type: 'approve', step: 'risk' }, 'payment.awaiting');
      await s.ok(id, people.xu, payment('1200000.00'));
      await s.wait('PT24H');
      await s.ok(id, people.zheng, {
        type: 'recordReturnVisit',
        outcome: 'confirmed',
        recordingRef: 'CALL-0004',
      });
      await s.ok(id, people.wu, { type: 'releaseFunds' });
      registrar.queue({ partial: 0.6 });
      await s.settle();
      await s.ok(id, people.xu, { type: 'archive' });
      return id;
    },
  },
  {
    title:
      'Still in flight: a private fund order waits for its supervisor past the SLA (escalated, never auto-approved)',
    definition: 'private-fund-subscription',
    orderId: 'PRI-0002',
    finalState: 'approval.supervisor',
    async run(s) {
      const id = await s.open(people.wang, {
        definition: 'private-fund-subscription',
        orderId: this.orderId,
        product: { code: 'SX5678', name: '私募稳健二号', riskLevel: 'R3' },
        investor: investor({
          id: 'INV-0005',
          name: '孙七',
          qualificationProof: 'INCOME-PROOF-0005',
          averageIncome: '800000.00',
        }),
        amount: '1500000.00',
        channel: 'branch',
      });
      await s.ok(id, people.wang, { type: 'confirmNeeds', documentId: 'NEEDS-0005' });
      await s.ok(id, people.wang, {
        type: 'submitQualification',
        documents: ['ID-0005', 'INCOME-PROOF-0005'],
      });
      await s.ok(id, people.zhao, { type: 'recordQualification', result: 'passed' });
      await s.ok(id, people.wang, { type: 'enterOrder' });
      await s.ok(id, people.wu, { type: 'verifyEntry' });
      await s.ok(id, people.wu, {
        type: 'draftContract',
        contractId: 'CT-0005',
        amount: '1500000.00',
        text: CONTRACT,
      });
      await s.ok(id, people.wang, { type: 'requestSignature' });
      await s.settle();
      await s.wait('PT9H');
      return id;
    },
  },
];
