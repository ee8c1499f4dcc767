/** Audio-video recording (双录) where required (DOMAIN §2, §3.9). */
import * as E from 'fp-ts/lib/Either.js';
import type { RuleGuard } from './RuleGuard.js';
import { refuse } from './refuse.js';
import { stageOf } from './stageOf.js';

/** `recording-required`: where the stage or product requires 双录, a recording reference is on file. */
export const recordingRequired: RuleGuard = ({ definition, context, event, params }) => {
  const stage = stageOf(definition, params.stageId);
  const required =
    (stage?.kind === 'signing' && stage.recordingRequired === true) ||
    definition.productRules.recordingRequired === true;
  const given = event.command.recordingRef;
  const recordingRef =
    typeof given === 'string' && given.length > 0
      ? given
      : (context.signature?.recordingRef ?? null);
  const facts = { recordingRequired: required, recordingRef };
  return required && recordingRef === null
    ? refuse('recording-required', 'this sale must be recorded (双录); no recording on file', facts)
    : E.right(facts);
};
