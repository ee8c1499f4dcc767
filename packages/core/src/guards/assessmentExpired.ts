/** A risk assessment is valid on the signing date (DOMAIN §2, §3.3). */
import { addDuration } from '@orderflow/definitions';
import * as E from 'fp-ts/lib/Either.js';
import type { RuleGuard } from './RuleGuard.js';
import { refuse } from './refuse.js';

/** `assessment-expired`: the investor's risk assessment is still valid now (the signing date). */
export const assessmentExpired: RuleGuard = ({ definition, context, event }) => {
  const validity = definition.productRules.suitability.assessmentValidity;
  const assessed = Date.parse(`${context.investor.assessedAt}T00:00:00Z`);
  const validUntil = new Date(addDuration(assessed, validity)).toISOString();
  const facts = {
    assessedAt: context.investor.assessedAt,
    validity,
    validUntil,
    signingAt: event.at,
  };
  return event.now >= Date.parse(validUntil)
    ? refuse(
        'assessment-expired',
        'the risk assessment has expired; reassess before signing',
        facts,
      )
    : E.right(facts);
};
