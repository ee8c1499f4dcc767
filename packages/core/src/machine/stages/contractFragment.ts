/** 合同制定: drafted from the confirmed order; amount tied out, text linted. */
import type { StageOf } from '@orderflow/definitions';
import { cancelTransition, reduce, rules } from '../configParts.js';
import type { FragmentEnv, StateConfig } from '../StateConfig.js';

/** `draftContract` passes suitability, qualified investor, minimum amount, amount and wording rules. */
export const contractFragment = ({
  stage,
  next,
}: FragmentEnv<StageOf<'contract'>>): StateConfig => ({
  initial: 'drafting',
  on: cancelTransition(stage.id),
  states: {
    drafting: {
      on: {
        draftContract: {
          guard: rules(
            [
              'suitability',
              'qualified-investor',
              'minimum-amount',
              'amount-mismatch',
              'guaranteed-return',
            ],
            { stageId: stage.id },
          ),
          target: next,
          actions: [reduce('recordContract')],
        },
      },
    },
  },
});
