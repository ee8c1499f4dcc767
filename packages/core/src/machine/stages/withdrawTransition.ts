/** The investor's withdrawal in cooling-off or before the return visit succeeded. */
import { reduce, refundEffect, stageTarget } from '../configParts.js';

/** `withdraw`: the order ends withdrawn, with a full refund to the original account. */
export const withdrawTransition = () => ({
  withdraw: {
    target: stageTarget('withdrawn'),
    actions: [
      reduce('noteEnd', { reason: 'withdrawn' }),
      reduce('addRefund', { reason: 'withdrawn', amount: 'full' }),
      refundEffect,
    ],
  },
});
