import { type Actor, type Command, type OrderView, RULE_GUARDS } from '@orderflow/core';
import * as fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { CONTRACT_TEXT, nextStep } from '../support/drive.js';
import { builtin, createHarness, orderInput, people } from '../support/harness.js';

const ACTORS: readonly Actor[] = [
  ...Object.values(people),
  { id: 'rm-1', roles: ['salesRep', 'salesSupervisor', 'operations'] },
  { id: 'dual-1', roles: ['operations', 'riskOfficer', 'complianceOfficer'] },
  { id: 'dual-2', roles: ['salesRep', 'returnVisitAgent', 'riskOfficer'] },
];

const COMMANDS: readonly Command[] = [
  { type: 'confirmNeeds', documentId: 'needs-1' },
  { type: 'submitQualification', documents: ['id'] },
  { type: 'recordQualification', result: 'passed' },
  { type: 'recordQualification', result: 'amlHit' },
  { type: 'enterOrder' },
  { type: 'verifyEntry' },
  { type: 'returnEntry', reason: 'r' },
  {
    type: 'acknowledgeMismatch',
    warningDocumentId: 'w',
    confirmationDocumentId: 'c',
    clientInitiated: true,
  },
  { type: 'draftContract', contractId: 'c-1', amount: '1000000.00', text: CONTRACT_TEXT },
  { type: 'draftContract', contractId: 'c-2', amount: '900000.00', text: '保本保收益' },
  { type: 'requestSignature', recordingRef: 'rec' },
  { type: 'approve' },
  { type: 'reject', reason: 'no' },
  { type: 'returnForAmendment', reason: 'fix' },
  { type: 'recordPayment', amount: '1000000.00', payerAccount: '6222-0001', reference: 'p' },
  { type: 'recordPayment', amount: '1000000.00', payerAccount: 'other', reference: 'p' },
  { type: 'withdraw', evidenceRef: 'e' },
  { type: 'recordReturnVisit', outcome: 'confirmed', recordingRef: 'call' },
  { type: 'releaseFunds' },
  { type: 'recordTransfer', outcome: 'settled', reference: 'r' },
  {
    type: 'recordConfirmation',
    outcome: 'confirmed',
    confirmedAmount: '1000000.00',
    reference: 'x',
  },
  { type: 'cancel', reason: 'c' },
  { type: 'hold', reason: 'h' },
  { type: 'releaseHold', note: 'n' },
  { type: 'archive' },
];

type Step =
  | { readonly kind: 'usual' }
  | { readonly kind: 'command'; readonly actor: number; readonly command: number }
  | { readonly kind: 'time'; readonly by: string };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 7, arbitrary: fc.constant({ kind: 'usual' as const }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('command' as const),
      actor: fc.nat(ACTORS.length - 1),
      command: fc.nat(COMMANDS.length - 1),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('time' as const),
      by: fc.constantFrom('PT1H', 'PT9H', 'P1D'),
    }),
  },
);

/** The invariants every reachable order keeps. */
function checkInvariants(view: OrderView, definitionId: string): void {
  const c = view.context;
  for (const rev of [c, ...c.revisions]) {
    if (rev.entry.makerId !== null && rev.entry.checkerId !== null) {
      expect(rev.entry.checkerId).not.toBe(rev.entry.makerId);
    }
    const deciders = Object.values(rev.approvals).flatMap((a) =>
      a.decisions.filter((d) => d.decision === 'approved').map((d) => d.actorId),
    );
    expect(new Set(deciders).size).toBe(deciders.length);
    expect(deciders).not.toContain(c.ownerId);
    if (rev.entry.makerId !== null) expect(deciders).not.toContain(rev.entry.makerId);
  }
  if (c.release !== null) {
    const definition = builtin(definitionId);
    const input = {
      definition,
      calendar: { isTradingDay: () => true } as never,
      context: c,
      event: {
        type: 'releaseFunds',
        command: {},
        actor: { id: 'x', roles: [] },
        role: null,
        at: '',
        now: 0,
      },
      params: {},
    };
    expect(E.isRight(RULE_GUARDS['approvals-incomplete'](input))).toBe(true);
    expect(E.isRight(RULE_GUARDS['return-visit-required'](input))).toBe(true);
  }
}

describe('random command sequences by random actors', () => {
  it.each(['public-fund-purchase', 'private-fund-subscription'])(
    'keep every invariant on %s',
    async (definitionId) => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 70 }), async (steps) => {
          const h = createHarness();
          const opened = await h.engine.open(orderInput(definitionId, { orderId: 'p' }), {
            actor: people.rm1,
          });
          if (E.isLeft(opened)) throw new Error('open failed');
          for (const s of steps) {
            const before = await h.view('p');
            if (s.kind === 'usual') {
              await nextStep(h, before).catch(() => undefined);
            } else if (s.kind === 'time') {
              h.clock.advance(s.by);
              await h.runDue();
            } else {
              const actor = ACTORS[s.actor] as Actor;
              const command = COMMANDS[s.command] as Command;
              const r = await h.engine.dispatch('p', command, { actor });
              const after = await h.view('p');
              if (E.isRight(r)) {
                expect(after.version).toBe(before.version + 1);
              } else {
                expect(after.version).toBe(before.version);
                expect(after.context).toEqual(before.context);
              }
            }
            const now = await h.view('p');
            checkInvariants(now, definitionId);
            const audit = await h.engine.verifyAudit('p');
            expect(E.isRight(audit) && audit.right.valid).toBe(true);
            const trail = await h.audit('p');
            expect(trail.filter((e) => e.outcome === 'accepted').length).toBe(now.version);
          }
        }),
        { numRuns: 40 },
      );
    },
    120_000,
  );
});
