import type { SignatureEvidence } from '@orderflow/core';
import {
  createFakeSignatureProvider,
  createRecordingNotifier,
  notifierContract,
  signatureProviderContract,
} from '@orderflow/core/testing';
import * as E from 'fp-ts/lib/Either.js';

notifierContract('the recording notifier', {
  setup: async () => {
    const notifier = createRecordingNotifier();
    return {
      notifier,
      delivered: async () =>
        notifier.delivered().map((n) => ({
          idempotencyKey: n.idempotencyKey,
          orderId: n.orderId,
          event: n.event,
          addresses: n.recipients.map((r) => r.address),
        })),
      close: async () => {},
    };
  },
  unreachable: async () => createRecordingNotifier({ otherwise: 'failRetryable' }),
});

for (const mode of ['sign', 'pending'] as const) {
  signatureProviderContract(`the fake signature provider (${mode})`, {
    setup: async () => {
      const provider = createFakeSignatureProvider({ otherwise: mode });
      /** The contract text behind an envelope, from what the provider was asked. */
      const textOf = (evidence: SignatureEvidence): string => {
        const call = provider.calls().find((c) => {
          if (E.isLeft(c.result)) return false;
          const outcome = c.result.right;
          const envelope =
            outcome._tag === 'Signed' ? outcome.evidence.envelopeId : outcome.envelopeId;
          return envelope === evidence.envelopeId;
        });
        if (call === undefined) throw new Error(`no request for ${evidence.envelopeId}`);
        return call.input.contractText;
      };
      return {
        provider,
        complete: async (envelopeId) => {
          const evidence = provider.complete(envelopeId);
          if (evidence === undefined) throw new Error(`unknown envelope ${envelopeId}`);
          return evidence;
        },
        document: async (evidence) => new TextEncoder().encode(textOf(evidence)),
        close: async () => {},
      };
    },
    unreachable: async () => createFakeSignatureProvider({ otherwise: 'failRetryable' }),
  });
}
