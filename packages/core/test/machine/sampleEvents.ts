/** Sample events for exploring a compiled machine: every command and system event, with plausible payloads. */
import { createHash } from 'node:crypto';
import type { OrderContext, OrderEvent } from '@orderflow/core';

const BASE = Date.parse('2026-03-02T02:00:00.000Z');
const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The events to try in a snapshot with `context` (actors are distinct people per command). */
export function sampleEvents(context: OrderContext): OrderEvent[] {
  const events: OrderEvent[] = [];
  const add = (
    type: string,
    command: Record<string, unknown> = {},
    now = BASE,
    actorId = `p-${type}`,
  ) =>
    events.push({
      type,
      command,
      actor: { id: actorId, roles: [] },
      role: null,
      at: new Date(now).toISOString(),
      now,
    });
  const amountMinor = context.contract?.amountMinor ?? context.amountMinor;
  const evidence = {
    documentSha256: sha(context.contract?.text ?? ''),
    signerIdentity: 'investor',
    signedAt: new Date(BASE).toISOString(),
    envelopeId: 'env',
  };
  add('open');
  add('confirmNeeds', { documentId: 'd' });
  add('submitQualification', { documents: ['id'] });
  for (const result of ['passed', 'failed', 'amlHit']) add('recordQualification', { result });
  add('enterOrder', {}, BASE, 'maker');
  add('verifyEntry', {}, BASE, 'checker');
  add('returnEntry', { reason: 'r' }, BASE, 'checker');
  add('acknowledgeMismatch', {
    warningDocumentId: 'w',
    confirmationDocumentId: 'c',
    clientInitiated: true,
  });
  add('draftContract', { contractId: 'c', amountMinor, text: 'contract' });
  add('requestSignature', { recordingRef: 'rec' });
  add('recordSignature', { evidence, recordingRef: 'rec' });
  add('signatureCompleted', { evidence });
  add('signatureExpired');
  for (const record of Object.values(context.approvals)) {
    const pending = record.plan.filter(
      (p) => p.required && !record.decisions.some((d) => d.stepId === p.stepId),
    );
    for (const p of pending) {
      add('approve', { step: p.stepId }, BASE, `approver-${p.stepId}`);
      add('reject', { step: p.stepId, reason: 'no' }, BASE, `approver-${p.stepId}`);
      add('returnForAmendment', { step: p.stepId, reason: 'fix' }, BASE, `approver-${p.stepId}`);
    }
  }
  for (const payerAccount of [context.investor.ownAccounts[0] ?? '', 'someone-else']) {
    add('recordPayment', { amountMinor, payerAccount, reference: 'p' });
  }
  add('paymentDeadlinePassed');
  const endsAt = context.coolingOff === null ? BASE : Date.parse(context.coolingOff.endsAt);
  add('coolingOffElapsed', {}, endsAt);
  add('withdraw', { evidenceRef: 'e' }, BASE, 'visitor');
  for (const outcome of ['confirmed', 'unreachable']) {
    add('recordReturnVisit', { outcome, recordingRef: 'call' }, endsAt + 1, 'visitor');
  }
  add('returnVisitDeadlinePassed');
  add('releaseFunds');
  add('transferSettled', { reference: 'r' });
  add('transferFailed', { reason: 'no' });
  add('transferUnknown', { reason: 'timeout' });
  for (const outcome of ['settled', 'failed']) add('recordTransfer', { outcome, reference: 'r' });
  const paid = context.payment?.amountMinor ?? context.amountMinor;
  add('confirmationReceived', { outcome: 'confirmed', confirmedMinor: paid, reference: 'x' });
  add('confirmationReceived', {
    outcome: 'confirmed',
    confirmedMinor: Math.floor(paid / 2),
    reference: 'x',
  });
  add('confirmationReceived', { outcome: 'rejected', reference: 'x' });
  add('registrarLate');
  add('refundSettled', { reference: 'r' });
  add('cancel', { reason: 'c' }, BASE, context.ownerId);
  add('hold', { reason: 'h' });
  add('releaseHold', { note: 'n' });
  add('archive');
  add('completeTask', { fields: {} });
  for (const key of Object.keys(context.due)) add('slaBreached', { key: `sla:${key}` });
  return events;
}
