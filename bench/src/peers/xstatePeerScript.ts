/**
 * The events of one private-fund lifecycle for the hand-written xstate peer: 19 events by
 * 9 actors (20 steps with the start, as the engine's open + 19 commands), the same steps the engine workload sends.
 */
import type { PeerActor, PeerEvent, PeerInput } from './xstateLifecycleMachine.js';

const actor = (id: string, ...roles: string[]): PeerActor => ({ id, roles });

/** The people of the peer workload, with the roles of the private-fund built-in. */
export const PEER_ACTORS = {
  sales: actor('u-sales', 'salesRep'),
  risk: actor('u-risk', 'riskOfficer'),
  operations: actor('u-ops', 'operations'),
  supervisor: actor('u-supervisor', 'salesSupervisor'),
  riskApprover: actor('u-risk-2', 'riskOfficer'),
  compliance: actor('u-compliance', 'complianceOfficer'),
  finance: actor('u-finance', 'financeOfficer'),
  visitor: actor('u-visitor', 'returnVisitAgent'),
  system: actor('system', 'system'),
} as const;

/** The amount of the benchmark order: large enough for all four approval levels. */
export const PEER_AMOUNT = '6000000.00';

/** The events of one lifecycle, in order, stamped at `at`. */
export const xstatePeerScript = (at: string): readonly PeerEvent[] => {
  const a = PEER_ACTORS;
  const ev = (
    type: PeerEvent['type'],
    by: PeerActor,
    data: Readonly<Record<string, string>> = {},
  ): PeerEvent => ({ type, actor: by, at, data });
  return [
    ev('confirmNeeds', a.sales),
    ev('submitQualification', a.sales, { assets: '5000000.00' }),
    ev('recordQualification', a.risk, { result: 'qualified' }),
    ev('enterOrder', a.sales),
    ev('verifyEntry', a.operations),
    ev('draftContract', a.operations, { amount: PEER_AMOUNT }),
    ev('requestSignature', a.sales),
    ev('signatureCompleted', a.system, { documentHash: 'ab'.repeat(32) }),
    ev('approve', a.supervisor, { step: 'supervisor' }),
    ev('approve', a.riskApprover, { step: 'risk' }),
    ev('approve', a.compliance, { step: 'compliance' }),
    ev('approve', a.finance, { step: 'finance' }),
    ev('recordPayment', a.operations, { amount: PEER_AMOUNT }),
    ev('coolingOffElapsed', a.system),
    ev('recordReturnVisit', a.visitor, { outcome: 'confirmed' }),
    ev('releaseFunds', a.operations),
    ev('transferSettled', a.system),
    ev('recordConfirmation', a.operations, { units: PEER_AMOUNT }),
    ev('archive', a.operations),
  ];
};

/** The input of one peer order: the workload's amount, owner and risk levels (C4 investor, R3 product). */
export const peerInput = (orderId: string, at: string): PeerInput => ({
  orderId,
  amountMinor: 600_000_000,
  ownerId: PEER_ACTORS.sales.id,
  investorLevel: 4,
  productLevel: 3,
  at,
});
