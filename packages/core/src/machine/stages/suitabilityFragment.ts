/** 适当性匹配: match, or the mismatch path of Art. 19, or no sale for the lowest category. */
import type { StageOf } from '@orderflow/definitions';
import { cancelTransition, reduce, rules, stageTarget } from '../configParts.js';
import type { FragmentEnv, StateConfig } from '../StateConfig.js';

/**
 * Checked on entry: a match moves on; a lowest-category investor above the lowest level
 * (or a mismatch the product allows no override for) ends the order rejected; otherwise
 * it waits for `acknowledgeMismatch` (client-initiated, warning issued, confirmation signed).
 */
export const suitabilityFragment = ({
  definition,
  stage,
  next,
}: FragmentEnv<StageOf<'suitability'>>): StateConfig => {
  const override = definition.productRules.suitability.allowMismatchOverride !== false;
  const refuse = {
    target: stageTarget('rejected'),
    actions: [reduce('noteEnd', { reason: 'rejected', event: 'rejected' })],
  };
  return {
    initial: 'checking',
    on: cancelTransition(stage.id),
    states: {
      checking: {
        entry: [reduce('recordSuitability')],
        always: override
          ? [
              { guard: 'suitabilityRefused', ...refuse },
              { guard: 'suitabilityMatch', target: next },
              { target: 'awaitingAcknowledgement' },
            ]
          : [{ guard: 'suitabilityMatch', target: next }, refuse],
      },
      // Without an override (a product that allows none) a mismatch ends the order at once.
      ...(override
        ? {
            awaitingAcknowledgement: {
              on: {
                acknowledgeMismatch: {
                  guard: rules(['lowest-category', 'suitability'], { stageId: stage.id }),
                  target: next,
                  actions: [reduce('recordMismatchAck')],
                },
              },
            },
          }
        : {}),
    },
  };
};
