/** The open tasks of an order in its current state: what waits for whom, due when. */
import type { Definition } from '@orderflow/definitions';
import type { Task } from '../domain/Task.js';
import { stageOf } from '../guards/stageOf.js';
import type { OrderContext } from '../machine/OrderContext.js';
import { resolveStep } from './resolveStep.js';

const APPROVAL = ['approve', 'reject', 'returnForAmendment', 'delegate'];

/**
 * One task per role that may advance the order now (per open step in an approval chain,
 * with its SLA due time and escalation). A held order has a release task for control.
 */
export function openTasksOf(
  definition: Definition,
  context: OrderContext,
  path: string,
  at: string,
): Task[] {
  const [top = '', sub = ''] = path.split('.');
  const stage = stageOf(definition, top);
  // Built field by field (no spreads): every command lists its open tasks.
  const task = (
    role: string,
    commands: string[],
    extra?: {
      readonly taskId?: string;
      readonly stepId?: string;
      readonly actorId?: string | null;
      readonly dueAt?: string | null;
      readonly escalatedTo?: string | null;
    },
  ): Task => ({
    orderId: context.orderId,
    taskId: extra?.taskId ?? top,
    definitionKey: context.definitionKey,
    stageId: top,
    stepId: extra?.stepId ?? null,
    role,
    actorId: extra?.actorId ?? null,
    commands,
    createdAt: at,
    dueAt: extra?.dueAt ?? null,
    escalatedTo: extra?.escalatedTo ?? null,
  });
  const tasks: Task[] = [];
  if (context.held !== null) {
    for (const [role, spec] of Object.entries(definition.roles)) {
      if (spec.line === 'control')
        tasks.push(task(role, ['releaseHold'], { taskId: `${top}.hold:${role}` }));
    }
    return tasks;
  }
  if (stage === undefined) return tasks;
  switch (stage.kind) {
    case 'needsConfirmation':
      return [task(stage.role, ['confirmNeeds'])];
    case 'qualification':
      return sub === 'reviewing'
        ? [task(stage.reviewRole, ['recordQualification'])]
        : [task(stage.role, ['submitQualification'])];
    case 'entry':
      return sub === 'verifying'
        ? [task(stage.checkerRole, ['verifyEntry', 'returnEntry'])]
        : [task(stage.makerRole, ['enterOrder', 'amend'])];
    case 'suitability':
      return sub === 'awaitingAcknowledgement' ? [task(stage.role, ['acknowledgeMismatch'])] : [];
    case 'contract':
      return [task(stage.role, ['draftContract'])];
    case 'signing':
      return [
        task(
          stage.role,
          sub === 'ready' ? ['requestSignature', 'recordSignature'] : ['recordSignature'],
        ),
      ];
    case 'approval': {
      const entry = stage.steps.find((e) => ('parallel' in e ? e.parallel.id : e.id) === sub);
      if (entry === undefined) return tasks;
      const members = 'parallel' in entry ? entry.parallel.steps : [entry];
      for (const m of members) {
        const r = resolveStep(stage, sub, context, { id: '', roles: [] }, m.id);
        if (r._tag !== 'Step') continue;
        const key = `${stage.id}.${m.id}`;
        tasks.push(
          task(m.role, APPROVAL, {
            taskId: key,
            stepId: m.id,
            actorId: r.delegatedTo,
            dueAt: context.due[key] ?? null,
            escalatedTo: context.escalations[key]?.to ?? null,
          }),
        );
      }
      return tasks;
    }
    case 'payment':
      return [task(stage.role, ['recordPayment'])];
    case 'coolingOff':
      return [];
    case 'returnVisit':
      return [task(stage.role, ['recordReturnVisit', 'withdraw'])];
    case 'fundRelease':
      if (sub === 'transferring') return [];
      return [task(stage.role, sub === 'reconciling' ? ['recordTransfer'] : ['releaseFunds'])];
    case 'registrarConfirmation':
      return [task(stage.role, ['recordConfirmation'])];
    case 'archive':
      return [task(stage.role, ['archive'])];
    case 'task': {
      const key = `${stage.id}.task`;
      return [
        task(stage.role, ['completeTask'], {
          dueAt: context.due[key] ?? null,
          escalatedTo: context.escalations[key]?.to ?? null,
        }),
      ];
    }
  }
}
