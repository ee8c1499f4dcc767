/** 资金划转: fundraising account → custody account, once every approval and the visit are in. */
import type { StageOf } from '@orderflow/definitions';
import { cancelTransition, effect, notify, reduce, rules } from '../configParts.js';
import type { FragmentEnv, StateConfig } from '../StateConfig.js';

/**
 * `releaseFunds` instructs the transfer (an effect with a stable idempotency key). Its
 * outcome comes back as `transferSettled` (move on), `transferFailed` (may be released
 * again, as a new instruction) or `transferUnknown` (reconciliation: never resent blind;
 * `recordTransfer` by operations settles it).
 */
export const fundReleaseFragment = ({
  stage,
  next,
}: FragmentEnv<StageOf<'fundRelease'>>): StateConfig => {
  const p = { stageId: stage.id };
  const release = {
    guard: rules(['approvals-incomplete', 'return-visit-required'], p),
    target: 'transferring',
    actions: [
      reduce('recordRelease'),
      effect('instructTransfer', ({ context }) => ({
        amountMinor: context.payment?.amountMinor ?? context.amountMinor,
        currency: context.currency,
        fromAccount: `fundraising:${context.product.code}`,
        toAccount: `custody:${context.product.code}`,
        attempt: context.release?.attempt ?? 1,
      })),
    ],
  };
  const settled = {
    target: next,
    actions: [reduce('recordTransferOutcome', { status: 'settled' })],
  };
  const outcome = (result: string) => ({ type: 'transferOutcome', params: { result } });
  return {
    initial: 'ready',
    states: {
      ready: { on: { releaseFunds: release, ...cancelTransition(stage.id) } },
      transferring: {
        on: {
          transferSettled: settled,
          transferFailed: {
            target: 'failed',
            actions: [
              reduce('recordTransferOutcome', { status: 'failed' }),
              // Exhausted or definite failures escalate to people; nothing is resent on its own.
              notify('transferFailed', 'transfer-failed', () =>
                stage.escalateTo === undefined ? [stage.role] : [stage.role, stage.escalateTo],
              ),
            ],
          },
          transferUnknown: {
            target: 'reconciling',
            actions: [reduce('recordTransferOutcome', { status: 'unknown' })],
          },
        },
      },
      failed: { on: { releaseFunds: release, ...cancelTransition(stage.id) } },
      reconciling: {
        on: {
          transferSettled: settled,
          recordTransfer: [
            { guard: outcome('settled'), ...settled },
            {
              guard: outcome('failed'),
              target: 'failed',
              actions: [reduce('recordTransferOutcome', { status: 'failed' })],
            },
          ],
        },
      },
    },
  };
};
