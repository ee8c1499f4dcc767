/** 客户资质预审: documents submitted, then reviewed by a control role; an AML hit holds. */
import type { StageOf } from '@orderflow/definitions';
import { cancelTransition, reduce, rules, stageTarget } from '../configParts.js';
import type { FragmentEnv, StateConfig } from '../StateConfig.js';

/** `submitQualification` then `recordQualification` (`passed`, `failed`, `amlHit`). */
export const qualificationFragment = ({
  stage,
  next,
}: FragmentEnv<StageOf<'qualification'>>): StateConfig => {
  const p = { stageId: stage.id };
  const result = (r: string) => ({ type: 'qualificationResult', params: { result: r } });
  return {
    initial: 'submitting',
    on: cancelTransition(stage.id),
    states: {
      submitting: {
        on: {
          submitQualification: {
            guard: rules(['needs-confirmation'], p),
            target: 'reviewing',
            actions: [reduce('recordQualificationSubmitted')],
          },
        },
      },
      reviewing: {
        on: {
          recordQualification: [
            {
              guard: rules(['role-line'], p, [result('failed')]),
              target: stageTarget('rejected'),
              actions: [
                reduce('recordQualificationReview'),
                reduce('noteEnd', { reason: 'rejected' }),
              ],
            },
            {
              guard: rules(['role-line'], p),
              target: next,
              actions: [reduce('recordQualificationReview')],
            },
          ],
        },
      },
    },
  };
};
