/** 订单录入: maker enters, a different person verifies (maker-checker). */
import type { StageOf } from '@orderflow/definitions';
import { cancelTransition, reduce, rules } from '../configParts.js';
import type { FragmentEnv, StateConfig } from '../StateConfig.js';

/** `enterOrder` (and `amend`) by the maker; `verifyEntry` or `returnEntry` by another person. */
export const entryFragment = ({ stage, next }: FragmentEnv<StageOf<'entry'>>): StateConfig => {
  const p = { stageId: stage.id };
  return {
    initial: 'entering',
    on: cancelTransition(stage.id),
    states: {
      entering: {
        on: {
          enterOrder: {
            target: 'verifying',
            actions: [reduce('amendOrder'), reduce('recordEntry')],
          },
          amend: { actions: [reduce('amendOrder')] },
        },
      },
      verifying: {
        on: {
          verifyEntry: {
            guard: rules(['segregation-of-duties'], p),
            target: next,
            actions: [reduce('recordVerification')],
          },
          returnEntry: {
            guard: rules(['segregation-of-duties'], p),
            target: 'entering',
            actions: [reduce('recordEntryReturned')],
          },
        },
      },
    },
  };
};
