/** 需求确认: the client's needs-confirmation letter, recorded by the stage role. */
import type { StageOf } from '@orderflow/definitions';
import { cancelTransition, reduce } from '../configParts.js';
import type { FragmentEnv, StateConfig } from '../StateConfig.js';

/** `confirmNeeds` (document id of the signed letter) moves on. */
export const needsConfirmationFragment = ({
  stage,
  next,
}: FragmentEnv<StageOf<'needsConfirmation'>>): StateConfig => ({
  on: {
    confirmNeeds: { target: next, actions: [reduce('recordNeeds')] },
    ...cancelTransition(stage.id),
  },
});
