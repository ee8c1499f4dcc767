/** Moves a test order forward with the usual next command, until it reaches a state. */
import type { Actor, Command, OrderView } from '@orderflow/core';
import type { Definition } from '@orderflow/definitions';
import type { createHarness } from './harness.js';
import { BUILTINS, people } from './harness.js';

type Harness = ReturnType<typeof createHarness>;

/** Who takes an approval step of a built-in definition, by role. */
export const APPROVER_BY_ROLE: Readonly<Record<string, Actor>> = {
  salesSupervisor: people.sup,
  riskOfficer: people.risk,
  complianceOfficer: people.comp,
  financeOfficer: people.fin,
  headOfControl: people.head,
  legalCounsel: people.legal,
  operations: people.ops2,
};

/** The contract text every test order is drafted with. */
export const CONTRACT_TEXT = '基金合同：投资有风险，过往业绩不代表未来表现。';

/** The usual next step in `state`: a command, or time passing and due work running. */
export async function nextStep(h: Harness, view: OrderView): Promise<void> {
  const id = view.orderId;
  const [top, sub] = view.state.split('.');
  const send = (actor: Actor, command: Command) => h.ok(id, actor, command);
  const amount = (view.context.amountMinor / 100).toFixed(2);
  if (view.held) {
    await send(people.risk, { type: 'releaseHold', note: 'cleared' });
    return;
  }
  switch (top) {
    case 'needs':
      await send(people.rm1, { type: 'confirmNeeds', documentId: 'needs-letter-1' });
      return;
    case 'qualification':
      if (sub === 'submitting') {
        await send(people.rm1, {
          type: 'submitQualification',
          documents: ['id-card', 'funds-proof'],
        });
      } else {
        await send(people.risk, { type: 'recordQualification', result: 'passed' });
      }
      return;
    case 'entry':
      if (sub === 'entering') await send(people.rm1, { type: 'enterOrder' });
      else await send(people.ops, { type: 'verifyEntry' });
      return;
    case 'suitability':
      await send(people.rm1, {
        type: 'acknowledgeMismatch',
        warningDocumentId: 'warning-1',
        confirmationDocumentId: 'confirmation-1',
        clientInitiated: true,
      });
      return;
    case 'contract':
      await send(people.ops, {
        type: 'draftContract',
        contractId: 'c-1',
        amount,
        text: CONTRACT_TEXT,
      });
      return;
    case 'signing':
      if (sub === 'ready')
        await send(people.rm1, { type: 'requestSignature', recordingRef: 'rec-1' });
      else await h.runDue();
      return;
    case 'approval': {
      const record = view.context.approvals[top ?? ''];
      const pending = record?.plan.find(
        (p) => p.required && !record.decisions.some((d) => d.stepId === p.stepId),
      );
      if (pending === undefined) throw new Error(`no pending step in ${view.state}`);
      const role = stepRole(view.definitionKey, top ?? '', pending.stepId);
      const actor = APPROVER_BY_ROLE[role] ?? people.sup;
      await send(actor, { type: 'approve', step: pending.stepId });
      return;
    }
    case 'payment':
      await send(people.ops, {
        type: 'recordPayment',
        amount,
        payerAccount: '6222-0001',
        reference: 'pay-1',
      });
      return;
    case 'coolingOff':
      h.clock.advance('PT24H');
      await h.runDue();
      return;
    case 'returnVisit':
      await send(people.rv, {
        type: 'recordReturnVisit',
        outcome: 'confirmed',
        recordingRef: 'call-1',
      });
      return;
    case 'fundRelease':
      if (sub === 'ready' || sub === 'failed') await send(people.ops, { type: 'releaseFunds' });
      else await h.runDue();
      return;
    case 'registrar':
      await h.runDue();
      return;
    case 'archive':
      await send(people.ops, { type: 'archive' });
      return;
    default:
      throw new Error(`no usual next step in ${view.state}`);
  }
}

/** The role of an approval step of a definition the harness knows. */
export function stepRole(definitionKey: string, stageId: string, stepId: string): string {
  const definition = [...BUILTINS.values(), ...extra].find((d) => d.key === definitionKey);
  const stage = definition?.stages.find((st) => st.id === stageId);
  if (stage?.kind !== 'approval') return '';
  for (const entry of stage.steps) {
    const steps = 'parallel' in entry ? entry.parallel.steps : [entry];
    const hit = steps.find((st) => st.id === stepId);
    if (hit !== undefined) return hit.role;
  }
  return '';
}

const extra: Definition[] = [];
/** Makes an inline definition's steps known to {@link advanceTo}. */
export const knowDefinition = (definition: Definition): void => {
  extra.push(definition);
};

/** Advances the order until its state starts with `target` (at most 40 steps). */
export async function advanceTo(h: Harness, orderId: string, target: string): Promise<OrderView> {
  for (let i = 0; i < 40; i++) {
    const view = await h.view(orderId);
    if (view.state === target || view.state.startsWith(`${target}.`)) return view;
    if (view.status !== 'active') throw new Error(`order ended ${view.state} before ${target}`);
    await nextStep(h, view);
  }
  throw new Error(`did not reach ${target}`);
}
