/**
 * The engine workload: one private-fund-subscription order from `open` to `archive`: open
 * + 19 commands by 8 people — sales, risk, operations, four approvers (finance included: the
 * amount is above its 5,000,000 threshold), the return-visit agent, and the system actor
 * for the signature, cooling-off, transfer and registrar events (as provider callbacks and
 * timers deliver them).
 */
import { createHash } from 'node:crypto';
import type { Actor, Command, OpenInput, SystemEvent } from '@orderflow/core';
import { SYSTEM_ACTOR } from '@orderflow/core';

/** The people of the workload, with the built-in's roles. */
export const PEOPLE = {
  sales: { id: 'rm-1', roles: ['salesRep'] },
  risk: { id: 'risk-1', roles: ['riskOfficer'] },
  ops: { id: 'ops-1', roles: ['operations'] },
  supervisor: { id: 'sup-1', roles: ['salesSupervisor'] },
  riskApprover: { id: 'risk-2', roles: ['riskOfficer'] },
  compliance: { id: 'comp-1', roles: ['complianceOfficer'] },
  finance: { id: 'fin-1', roles: ['financeOfficer'] },
  visitor: { id: 'rv-1', roles: ['returnVisitAgent'] },
} as const satisfies Record<string, Actor>;

/** The order amount: above the finance approval threshold, so all four levels approve. */
export const AMOUNT = '6000000.00';

/** Monday 2026-03-02, 10:00 in Shanghai: a trading day, before the cut-off. */
export const LIFECYCLE_START = '2026-03-02T02:00:00.000Z';

/** The cooling-off the built-in requires, plus a minute. */
export const COOLING_OFF_MS = 24 * 3_600_000 + 60_000;

/** The input that opens an order of the workload. */
export const openInput = (orderId: string): OpenInput => ({
  definition: 'private-fund-subscription',
  orderId,
  product: { code: 'PF001', name: '稳健成长私募一号', riskLevel: 'R3' },
  investor: {
    id: 'inv-1',
    name: '张三',
    kind: 'individual',
    classification: 'ordinary',
    riskLevel: 'C4',
    lowestCategory: false,
    assessedAt: '2026-01-15',
    ownAccounts: ['6222-0001'],
    qualificationProof: 'proof-1',
    financialAssets: '8000000.00',
  },
  amount: AMOUNT,
  channel: 'branch',
});

/** One step of the lifecycle: who sends what, and whether time passes first. */
export interface Step {
  readonly actor: Actor;
  /** A command, or a system event (sent as the system actor). */
  readonly command: Command | SystemEvent;
  /** Milliseconds the clock moves before the step. */
  readonly after?: number;
}

/** The contract text every order is drafted with. */
const CONTRACT_TEXT = '基金合同：投资有风险，过往业绩不代表未来表现。';

const evidence = {
  // The signed document is the drafted contract: the signature-evidence guard checks it.
  documentSha256: createHash('sha256').update(CONTRACT_TEXT, 'utf8').digest('hex'),
  signerIdentity: 'inv-1:id-card',
  signedAt: LIFECYCLE_START,
  envelopeId: 'env-1',
};

/** The steps after `open`, in order. */
export const LIFECYCLE_STEPS: readonly Step[] = [
  { actor: PEOPLE.sales, command: { type: 'confirmNeeds', documentId: 'needs-letter-1' } },
  {
    actor: PEOPLE.sales,
    command: { type: 'submitQualification', documents: ['id-card', 'funds-proof'] },
  },
  { actor: PEOPLE.risk, command: { type: 'recordQualification', result: 'passed' } },
  { actor: PEOPLE.sales, command: { type: 'enterOrder' } },
  { actor: PEOPLE.ops, command: { type: 'verifyEntry' } },
  {
    actor: PEOPLE.ops,
    command: {
      type: 'draftContract',
      contractId: 'c-1',
      amount: AMOUNT,
      text: CONTRACT_TEXT,
    },
  },
  { actor: PEOPLE.sales, command: { type: 'requestSignature' } },
  { actor: SYSTEM_ACTOR, command: { type: 'signatureCompleted', evidence } },
  { actor: PEOPLE.supervisor, command: { type: 'approve', step: 'supervisor' } },
  { actor: PEOPLE.riskApprover, command: { type: 'approve', step: 'risk' } },
  { actor: PEOPLE.compliance, command: { type: 'approve', step: 'compliance' } },
  { actor: PEOPLE.finance, command: { type: 'approve', step: 'finance' } },
  {
    actor: PEOPLE.ops,
    command: {
      type: 'recordPayment',
      amount: AMOUNT,
      payerAccount: '6222-0001',
      reference: 'pay-1',
    },
  },
  { actor: SYSTEM_ACTOR, command: { type: 'coolingOffElapsed' }, after: COOLING_OFF_MS },
  {
    actor: PEOPLE.visitor,
    command: { type: 'recordReturnVisit', outcome: 'confirmed', recordingRef: 'call-1' },
  },
  { actor: PEOPLE.ops, command: { type: 'releaseFunds' } },
  { actor: SYSTEM_ACTOR, command: { type: 'transferSettled', reference: 'tr-1' } },
  {
    actor: PEOPLE.ops,
    command: { type: 'recordConfirmation', outcome: 'confirmed', reference: 'reg-1' },
  },
  { actor: PEOPLE.ops, command: { type: 'archive' } },
];
