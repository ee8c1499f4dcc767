/** Whether a parallel approval group has what its policy asks for. */
import type { ParallelGroup } from '@orderflow/definitions';
import type { ApprovalRecord } from './OrderContext.js';

/**
 * `all`: every required member step approved; `any`: one; `quorum`: approvals by `quorum`
 * distinct people (at most the number of required members). `extra` counts a decision not
 * yet recorded (the one being taken).
 */
export function groupComplete(
  group: ParallelGroup,
  record: ApprovalRecord,
  extra?: { readonly stepId: string; readonly actorId: string },
): boolean {
  const required = record.plan
    .filter((p) => p.groupId === group.id && p.required)
    .map((p) => p.stepId);
  const approved = record.decisions
    .filter((d) => d.decision === 'approved' && required.includes(d.stepId))
    .map((d) => ({ stepId: d.stepId, actorId: d.actorId }));
  if (extra !== undefined && required.includes(extra.stepId)) approved.push(extra);
  const steps = new Set(approved.map((a) => a.stepId));
  const people = new Set(approved.map((a) => a.actorId));
  switch (group.policy) {
    case 'all':
      return required.every((s) => steps.has(s));
    case 'any':
      return required.length === 0 || steps.size >= 1;
    case 'quorum':
      return people.size >= Math.min(group.quorum ?? required.length, required.length);
  }
}
