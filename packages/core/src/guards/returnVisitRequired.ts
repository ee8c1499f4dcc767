/** Funds move only after a successful return visit (DOMAIN §3.11). */
import * as E from 'fp-ts/lib/Either.js';
import type { RuleGuard } from './RuleGuard.js';
import { refuse } from './refuse.js';

/** `return-visit-required`: where the definition has a return visit, it has succeeded. */
export const returnVisitRequired: RuleGuard = ({ definition, context }) => {
  const required = definition.stages.some((s) => s.kind === 'returnVisit');
  const succeededAt = context.returnVisit?.succeededAt ?? null;
  const facts = { returnVisitRequired: required, succeededAt };
  return required && succeededAt === null
    ? refuse('return-visit-required', 'the return visit has not succeeded', facts)
    : E.right(facts);
};
