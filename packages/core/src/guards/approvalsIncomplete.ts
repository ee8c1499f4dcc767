/** Funds move only after every approval (DOMAIN §3.11). */
import * as E from 'fp-ts/lib/Either.js';
import type { RuleGuard } from './RuleGuard.js';
import { refuse } from './refuse.js';

/** `approvals-incomplete`: every approval stage of the definition is complete in this revision. */
export const approvalsIncomplete: RuleGuard = ({ definition, context }) => {
  const stages = definition.stages.filter((s) => s.kind === 'approval').map((s) => s.id);
  const incomplete = stages.filter((id) => context.approvals[id]?.complete !== true);
  const facts = { approvalStages: stages, incomplete };
  return incomplete.length > 0
    ? refuse('approvals-incomplete', 'not every approval is in', facts)
    : E.right(facts);
};
