/** 冷静期: from the configured start for the configured duration; withdrawal refunds in full. */
import type { StageOf } from '@orderflow/definitions';
import { cancelTimer, reduce, scheduleTimer } from '../configParts.js';
import type { FragmentEnv, StateConfig } from '../StateConfig.js';
import { withdrawTransition } from './withdrawTransition.js';

/**
 * On entry the end is computed (`startsAfter: signed | signedAndPaid`, `duration`) and a
 * timer set; `coolingOffElapsed` at or after the end moves on (at once if it already
 * passed). `withdraw` ends the order withdrawn with a full refund.
 */
export const coolingOffFragment = ({
  stage,
  next,
}: FragmentEnv<StageOf<'coolingOff'>>): StateConfig => {
  const timerKey = `coolingOff:${stage.id}`;
  return {
    initial: 'running',
    entry: [
      reduce('startCoolingOff'),
      scheduleTimer('coolingOffEnd', timerKey, ({ context }) => context.coolingOff?.endsAt ?? null),
    ],
    exit: [cancelTimer(timerKey)],
    states: {
      running: {
        always: {
          guard: 'coolingOffEnded',
          target: next,
          actions: [reduce('noteCoolingOffElapsed')],
        },
        on: {
          coolingOffElapsed: {
            guard: 'coolingOffEnded',
            target: next,
            actions: [reduce('noteCoolingOffElapsed')],
          },
          ...withdrawTransition(),
        },
      },
    },
  };
};
