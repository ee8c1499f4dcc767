/** Segregation of duties by person (DOMAIN §3.1–3.2). */
import * as E from 'fp-ts/lib/Either.js';
import type { RuleGuard } from './RuleGuard.js';
import { refuse } from './refuse.js';

/**
 * `segregation-of-duties`: the checker is not the maker; no approver is the order's owner
 * or maker; one person decides at most one approval step of a revision.
 */
export const segregationOfDuties: RuleGuard = ({ context, event, params }) => {
  const actorId = event.actor.id;
  const makerId = context.entry.makerId;
  if (event.type === 'verifyEntry' || event.type === 'returnEntry') {
    const facts = { actorId, makerId };
    return actorId === makerId
      ? refuse('segregation-of-duties', 'the checker must not be the maker of the entry', facts)
      : E.right(facts);
  }
  const step =
    typeof event.command.step === 'string' ? event.command.step : (params.stepId ?? null);
  const facts = { actorId, ownerId: context.ownerId, makerId, step };
  if (actorId === context.ownerId) {
    return refuse('segregation-of-duties', 'the order owner must not approve', facts);
  }
  if (actorId === makerId) {
    return refuse('segregation-of-duties', 'the maker of the entry must not approve', facts);
  }
  const earlier = Object.values(context.approvals)
    .flatMap((a) => a.decisions)
    .find((d) => d.actorId === actorId && d.stepId !== step);
  if (earlier !== undefined) {
    return refuse('segregation-of-duties', 'one person decides at most one approval step', {
      ...facts,
      earlierStep: earlier.stepId,
    });
  }
  return E.right(facts);
};
