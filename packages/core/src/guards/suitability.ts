/** Suitability and the mismatch path of Art. 19 (DOMAIN §3.4). */
import * as E from 'fp-ts/lib/Either.js';
import { assessSuitability } from './assessSuitability.js';
import type { RuleGuard } from './RuleGuard.js';
import { refuse } from './refuse.js';

/**
 * `suitability`: the product matches the investor, or the mismatch was acknowledged:
 * client-initiated, special risk warning issued, investor's confirmation signed, and the
 * definition allows the override. On `acknowledgeMismatch` it checks the acknowledgement
 * itself; on later commands, that the order passed suitability.
 */
export const suitability: RuleGuard = ({ definition, context, event }) => {
  const assessment = assessSuitability(definition, context);
  const facts = { ...assessment };
  if (event.type === 'acknowledgeMismatch') {
    const c = event.command;
    const ackFacts = {
      ...facts,
      clientInitiated: c.clientInitiated === true,
      warningDocumentId: typeof c.warningDocumentId === 'string' ? c.warningDocumentId : null,
      confirmationDocumentId:
        typeof c.confirmationDocumentId === 'string' ? c.confirmationDocumentId : null,
      allowMismatchOverride: definition.productRules.suitability.allowMismatchOverride !== false,
    };
    if (!ackFacts.allowMismatchOverride) {
      return refuse('suitability', 'this product allows no mismatch override', ackFacts);
    }
    if (!ackFacts.clientInitiated) {
      return refuse(
        'suitability',
        'a mismatched sale must be client-initiated; the firm must not recommend it',
        ackFacts,
      );
    }
    return E.right(ackFacts);
  }
  if (!definition.stages.some((st) => st.kind === 'suitability')) return E.right(facts);
  const s = context.suitability;
  const passed = s !== null && (s.result === 'match' || s.acknowledgement !== null);
  return passed
    ? E.right({ ...facts, acknowledged: s.acknowledgement !== null })
    : refuse(
        'suitability',
        'the product does not match the investor; the mismatch warning and the investor confirmation are required',
        { ...facts, acknowledged: false },
      );
};
