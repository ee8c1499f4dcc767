/** 合同签署: e-signature with a link that expires, or a signature recorded with its evidence. */
import { addDuration, type StageOf } from '@orderflow/definitions';
import {
  cancelTimer,
  cancelTransition,
  effect,
  reduce,
  refundEffect,
  rules,
  scheduleTimer,
  stageTarget,
} from '../configParts.js';
import type { FragmentEnv, StateConfig } from '../StateConfig.js';

/**
 * `requestSignature` sends the contract to the signer (and starts the expiry timer);
 * `signatureCompleted` (from the provider) or `recordSignature` (evidence recorded by
 * staff) moves on; `signatureExpired` ends the order expired; `signatureDeclined` (the
 * investor declined at the provider) cancels it, refunding anything already paid.
 */
export const signingFragment = ({ stage, next }: FragmentEnv<StageOf<'signing'>>): StateConfig => {
  const p = { stageId: stage.id };
  const timerKey = `signing:${stage.id}`;
  const record = {
    guard: rules(['assessment-expired', 'signature-evidence', 'recording-required'], p),
    target: next,
    actions: [reduce('recordSignature')],
  };
  const expiresAfter = stage.expiresAfter;
  return {
    initial: 'ready',
    on: cancelTransition(stage.id),
    exit: [cancelTimer(timerKey)],
    states: {
      ready: {
        on: {
          requestSignature: {
            guard: rules(['assessment-expired', 'recording-required'], p),
            target: 'awaiting',
            actions: [
              reduce('recordSignatureRequest'),
              effect('requestSignature', ({ context }) => ({
                contractId:
                  context.contract?.contractId ?? `${context.orderId}-r${context.revision}`,
                contractText: context.contract?.text ?? '',
                signer: { id: context.investor.id, name: context.investor.name },
                revision: context.revision,
              })),
              ...(expiresAfter === undefined
                ? []
                : [
                    scheduleTimer('signingExpiry', timerKey, ({ event }) =>
                      new Date(addDuration(event.now, expiresAfter)).toISOString(),
                    ),
                  ]),
            ],
          },
          recordSignature: record,
        },
      },
      awaiting: {
        on: {
          signatureCompleted: {
            // The assessment must still be valid when the investor actually signs.
            guard: rules(['assessment-expired', 'signature-evidence', 'recording-required'], p),
            target: next,
            actions: [reduce('recordSignature')],
          },
          recordSignature: record,
          signatureDeclined: {
            target: stageTarget('cancelled'),
            actions: [
              reduce('noteEnd', { reason: 'signatureDeclined' }),
              reduce('addRefund', { reason: 'signatureDeclined', amount: 'full' }),
              refundEffect,
            ],
          },
          ...(expiresAfter === undefined
            ? {}
            : {
                signatureExpired: {
                  target: stageTarget('expired'),
                  actions: [reduce('noteEnd', { reason: 'signingExpired', event: 'expired' })],
                },
              }),
        },
      },
    },
  };
};
