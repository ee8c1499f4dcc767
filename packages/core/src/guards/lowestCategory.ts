/** The lowest-risk-tolerance category has no override (DOMAIN §2, §3.4). */
import * as E from 'fp-ts/lib/Either.js';
import { assessSuitability } from './assessSuitability.js';
import type { RuleGuard } from './RuleGuard.js';
import { refuse } from './refuse.js';

/** `lowest-category`: an investor of the lowest category never buys above the lowest product level. */
export const lowestCategory: RuleGuard = ({ definition, context }) => {
  const assessment = assessSuitability(definition, context);
  const facts = { ...assessment };
  return assessment.result === 'blocked'
    ? refuse(
        'lowest-category',
        'an investor of the lowest risk category may not buy above the lowest product level',
        facts,
      )
    : E.right(facts);
};
