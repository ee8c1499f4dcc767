/**
 * The context updates of the order machine, each a named reducer over an immer draft.
 * They become named `assign` actions in `setup()`, so a machine reads as a list of them.
 */
import { addDuration } from '@orderflow/definitions';
import type { Draft } from 'immer';
import { assessSuitability } from '../guards/assessSuitability.js';
import { stageOf } from '../guards/stageOf.js';
import { conditionContextOf } from './conditionContextOf.js';
import { freshRevision } from './freshRevision.js';
import type { MachineEnv } from './MachineEnv.js';
import { NEUTRAL_HOLD_REASON } from './NEUTRAL_HOLD_REASON.js';
import type { OrderContext } from './OrderContext.js';
import type { OrderEvent } from './OrderEvent.js';
import { planApproval } from './planApproval.js';
import { sha256Hex } from './sha256Hex.js';

/** Parameters a reducer may be given in the machine config. */
export interface ReducerParams {
  readonly stageId?: string;
  readonly key?: string;
  readonly duration?: string;
  readonly to?: string;
  readonly decision?: 'approved' | 'rejected' | 'returned';
  readonly status?: 'settled' | 'failed' | 'unknown';
  readonly reason?: string;
  readonly amount?: 'full' | 'unconfirmed';
  readonly event?: string;
}

/** A context update. */
export type Reducer = (
  draft: Draft<OrderContext>,
  event: OrderEvent,
  params: ReducerParams,
  env: MachineEnv,
) => void;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const iso = (ms: number): string => new Date(ms).toISOString();

const emit = (d: Draft<OrderContext>, name: string): void => {
  const events = Array.isArray(d.notes.events) ? (d.notes.events as string[]) : [];
  d.notes.events = [...events, name];
};

const holdBy = (d: Draft<OrderContext>, e: OrderEvent, rule: string, reason: string): void => {
  d.held = { rule, reason, clientReason: NEUTRAL_HOLD_REASON, by: e.actor.id, at: e.at };
  emit(d, 'held');
};

/** Every reducer, by the action name the machine uses. */
export const ORDER_REDUCERS: Readonly<Record<string, Reducer>> = {
  recordNeeds: (d, e) => {
    d.needs = { documentId: str(e.command.documentId) ?? '', by: e.actor.id, at: e.at };
  },
  recordQualificationSubmitted: (d, e) => {
    const docs = Array.isArray(e.command.documents) ? (e.command.documents as string[]) : [];
    d.qualification = {
      documents: docs,
      submittedBy: e.actor.id,
      result: 'pending',
      reviewedBy: null,
    };
  },
  recordQualificationReview: (d, e) => {
    const result = e.command.result as 'passed' | 'failed' | 'amlHit';
    if (d.qualification !== null) {
      d.qualification.result = result;
      d.qualification.reviewedBy = e.actor.id;
    }
    if (result === 'amlHit') {
      holdBy(d, e, 'aml-hold', str(e.command.note) ?? 'AML or sanctions screening hit');
    }
  },
  recordEntry: (d, e) => {
    d.entry = { makerId: e.actor.id, checkerId: null, enteredAt: e.at, verifiedAt: null };
  },
  recordVerification: (d, e) => {
    d.entry.checkerId = e.actor.id;
    d.entry.verifiedAt = e.at;
  },
  recordEntryReturned: (d, e) => {
    d.notes.returnReason = str(e.command.reason);
    d.entry = { makerId: null, checkerId: null, enteredAt: null, verifiedAt: null };
  },
  amendOrder: (d, e) => {
    if (typeof e.command.amountMinor === 'number') {
      d.notes.amountBefore = d.amountMinor;
      d.amountMinor = e.command.amountMinor;
    }
    const channel = str(e.command.channel);
    if (channel !== null) d.channel = channel;
  },
  recordSuitability: (d, _e, _p, env) => {
    const a = assessSuitability(env.definition, d as OrderContext);
    d.suitability = {
      result: a.result,
      investorLevel: a.investorLevel,
      productLevel: a.productLevel,
      acknowledgement: null,
    };
    d.notes.suitability = { ...a };
    if (a.result === 'blocked') d.notes.rule = 'lowest-category';
  },
  recordMismatchAck: (d, e) => {
    if (d.suitability === null) return;
    d.suitability.acknowledgement = {
      warningDocumentId: str(e.command.warningDocumentId) ?? '',
      confirmationDocumentId: str(e.command.confirmationDocumentId) ?? '',
      clientInitiated: true,
      by: e.actor.id,
      at: e.at,
    };
  },
  recordContract: (d, e) => {
    const text = str(e.command.text) ?? '';
    d.contract = {
      contractId: str(e.command.contractId) ?? '',
      amountMinor: num(e.command.amountMinor),
      textSha256: sha256Hex(text),
      text,
      by: e.actor.id,
      at: e.at,
    };
  },
  recordSignatureRequest: (d, e) => {
    d.signature = {
      requestedAt: e.at,
      recordingRef: str(e.command.recordingRef),
      documentSha256: null,
      signerIdentity: null,
      signedAt: null,
      envelopeId: null,
    };
  },
  recordSignature: (d, e) => {
    const ev = (e.command.evidence ?? {}) as Record<string, unknown>;
    d.signature = {
      requestedAt: d.signature?.requestedAt ?? null,
      recordingRef: str(e.command.recordingRef) ?? d.signature?.recordingRef ?? null,
      documentSha256: str(ev.documentSha256),
      signerIdentity: str(ev.signerIdentity),
      signedAt: str(ev.signedAt) ?? e.at,
      envelopeId: str(ev.envelopeId),
    };
    // Signed: only the hash is needed from here on (see OrderContext.contract.text).
    if (d.contract !== null) d.contract.text = null;
    emit(d, 'signed');
  },
  planApproval: (d, e, p, env) => {
    const stage = stageOf(env.definition, p.stageId);
    if (stage?.kind !== 'approval') return;
    const ctx = conditionContextOf(env.definition, d as OrderContext, e.actor);
    const { plan, facts } = planApproval(env.definition, stage, ctx);
    d.approvals[stage.id] = { plan: [...plan], decisions: [], complete: false };
    d.notes[`approvalPlan:${stage.id}`] = facts;
  },
  recordDecision: (d, e, p) => {
    const record = p.stageId === undefined ? undefined : d.approvals[p.stageId];
    if (record === undefined || p.stageId === undefined) return;
    record.decisions.push({
      stageId: p.stageId,
      stepId: str(e.command.step) ?? '',
      actorId: e.actor.id,
      role: e.role ?? '',
      decision: p.decision ?? 'approved',
      at: e.at,
    });
    if (p.decision === 'rejected') emit(d, 'rejected');
  },
  completeApproval: (d, _e, p) => {
    const record = p.stageId === undefined ? undefined : d.approvals[p.stageId];
    if (record !== undefined) record.complete = true;
    emit(d, 'approved');
  },
  startRevision: (d, e) => {
    const { revision, amountMinor, entry, suitability, contract, signature, approvals } = d;
    d.revisions.push({
      revision,
      amountMinor,
      entry,
      suitability,
      contract,
      signature,
      approvals,
      returnedBy: e.actor.id,
      reason: str(e.command.reason) ?? '',
      returnedAt: e.at,
    });
    Object.assign(d, freshRevision(revision + 1, amountMinor));
    d.due = {};
    d.escalations = {};
    d.delegations = {};
    d.notes.newRevision = revision + 1;
    emit(d, 'returnedForAmendment');
  },
  recordPayment: (d, e, _p, env) => {
    d.payment = {
      amountMinor: num(e.command.amountMinor),
      payerAccount: str(e.command.payerAccount) ?? '',
      reference: str(e.command.reference) ?? '',
      paidAt: e.at,
    };
    d.tradeDate = env.calendar.tradeDate(e.now);
    emit(d, 'paid');
  },
  holdForPayer: (d, e) => {
    holdBy(d, e, 'payer-account', 'payment from an account that is not the investor’s own');
    d.notes.rule = 'payer-account';
  },
  setHold: (d, e) => {
    holdBy(d, e, 'aml-hold', str(e.command.reason) ?? 'held by control');
  },
  clearHold: (d) => {
    d.notes.releasedHold = d.held === null ? null : { ...d.held };
    d.held = null;
  },
  startCoolingOff: (d, e, _p, env) => {
    const rules = env.definition.productRules.coolingOff;
    if (rules === undefined) return;
    const signed = Date.parse(d.signature?.signedAt ?? e.at);
    const paid = Date.parse(d.payment?.paidAt ?? e.at);
    const start = rules.startsAfter === 'signed' ? signed : Math.max(signed, paid);
    d.coolingOff = { startsAt: iso(start), endsAt: iso(addDuration(start, rules.duration)) };
    d.notes.coolingOff = {
      ...d.coolingOff,
      startsAfter: rules.startsAfter,
      duration: rules.duration,
    };
  },
  noteCoolingOffElapsed: (d) => {
    emit(d, 'coolingOffElapsed');
  },
  startReturnVisit: (d) => {
    d.returnVisit = { attempts: 0, succeededAt: null, by: null, recordingRef: null };
  },
  recordReturnVisit: (d, e) => {
    const rv = d.returnVisit ?? { attempts: 0, succeededAt: null, by: null, recordingRef: null };
    rv.attempts += 1;
    if (e.command.outcome === 'confirmed') {
      rv.succeededAt = e.at;
      rv.by = e.actor.id;
      rv.recordingRef = str(e.command.recordingRef);
    }
    d.returnVisit = rv;
  },
  recordRelease: (d) => {
    d.release = { attempt: (d.release?.attempt ?? 0) + 1, status: 'instructed', reference: null };
  },
  recordTransferOutcome: (d, e, p) => {
    if (d.release === null) return;
    d.release.status = p.status ?? 'settled';
    d.release.reference = str(e.command.reference) ?? d.release.reference;
    if (p.status === 'settled') emit(d, 'fundsReleased');
  },
  recordConfirmation: (d, e) => {
    const confirmed = e.command.outcome === 'rejected' ? 0 : num(e.command.confirmedMinor);
    const paid = d.payment?.amountMinor ?? d.amountMinor;
    d.confirmation = {
      result: confirmed === 0 ? 'rejected' : confirmed < paid ? 'partial' : 'confirmed',
      confirmedMinor: confirmed,
      units: str(e.command.units),
      reference: str(e.command.reference) ?? '',
    };
    emit(d, 'confirmed');
  },
  addRefund: (d, e, p) => {
    const paid = d.payment?.amountMinor ?? 0;
    const amountMinor =
      p.amount === 'unconfirmed' ? paid - (d.confirmation?.confirmedMinor ?? 0) : paid;
    if (amountMinor <= 0) return;
    d.refunds.push({
      reason: p.reason ?? str(e.command.reason) ?? e.type,
      amountMinor,
      toAccount: d.payment?.payerAccount ?? '',
      status: 'instructed',
    });
    emit(d, 'refundInstructed');
  },
  recordRefundOutcome: (d, _e, p) => {
    const pending = d.refunds.findLast((r) => r.status === 'instructed' || r.status === 'unknown');
    if (pending !== undefined) pending.status = p.status ?? 'settled';
  },
  markDue: (d, e, p) => {
    if (p.key === undefined || p.duration === undefined) return;
    d.due[p.key] = iso(addDuration(e.now, p.duration));
  },
  recordEscalation: (d, e, p) => {
    if (p.key === undefined) return;
    d.escalations[p.key] = { to: p.to ?? '', at: e.at };
    d.notes.escalation = { key: p.key, to: p.to ?? null, due: d.due[p.key] ?? null };
    emit(d, 'slaBreached');
  },
  recordDelegation: (d, e, p) => {
    const step = str(e.command.step);
    const to = str(e.command.to);
    if (p.stageId === undefined || step === null || to === null) return;
    d.delegations[`${p.stageId}.${step}`] = to;
  },
  recordTaskResult: (d, e, p) => {
    if (p.stageId === undefined) return;
    d.taskResults[p.stageId] = (e.command.fields ?? {}) as Record<string, string>;
  },
  noteEnd: (d, e, p) => {
    d.notes.end = { reason: p.reason ?? e.type, detail: str(e.command.reason) };
    emit(d, p.event ?? p.reason ?? e.type);
  },
};
