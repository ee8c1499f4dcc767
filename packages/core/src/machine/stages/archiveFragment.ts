/** 归档: the order and its evidence are archived; the order completes. */
import type { StageOf } from '@orderflow/definitions';
import { reduce } from '../configParts.js';
import type { FragmentEnv, StateConfig } from '../StateConfig.js';

/** `archive` completes the order. */
export const archiveFragment = ({ next }: FragmentEnv<StageOf<'archive'>>): StateConfig => ({
  on: {
    archive: {
      target: next,
      actions: [reduce('noteEnd', { reason: 'archived', event: 'archived' })],
    },
  },
});
