/**
 * A fake e-signature provider for tests: evidence with the real sha256 of the contract
 * text, the signer's identity and the time from a Clock (电子签名法 Art. 13–14), or a
 * pending envelope, or a failure — idempotent by key.
 */
import { createHash } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { type Clock, systemClock } from '../ports/Clock.js';
import type {
  SignatureEvidence,
  SignatureFailed,
  SignatureOutcome,
  SignatureRequest,
} from '../ports/SignatureProvider.js';
import type {
  FakeSignatureProvider,
  FakeSignatureProviderOptions,
  SignatureCall,
} from './FakeSignatureProvider.js';
import { createScript } from './Script.js';

/**
 * Creates a {@link FakeSignatureProvider}. Per idempotency key, `Signed`, `Pending` (the
 * same envelope) and a permanent failure are final: asking again returns the same answer
 * and opens no second envelope. A retryable failure is not: the next request takes the
 * next scripted step.
 *
 * @example
 * const signer = createFakeSignatureProvider({ clock, script: ['pending'] });
 * const pending = await signer.requestSignature(request); // right({ _tag: 'Pending', envelopeId })
 * const evidence = signer.complete(envelopeId);           // documentSha256, signerIdentity, signedAt
 */
export const createFakeSignatureProvider = (
  options: FakeSignatureProviderOptions = {},
): FakeSignatureProvider => {
  const clock: Clock = options.clock ?? systemClock;
  const script = createScript(options, 'sign');
  const finals = new Map<string, E.Either<SignatureFailed, SignatureOutcome>>();
  const envelopes = new Map<string, { key: string; request: SignatureRequest }>();
  const recorded: SignatureCall[] = [];
  let envelopeCount = 0;

  const evidenceFor = (request: SignatureRequest, envelopeId: string): SignatureEvidence => ({
    documentSha256: createHash('sha256').update(request.contractText, 'utf8').digest('hex'),
    signerIdentity: `${request.signer.name} <${request.signer.id}>`,
    signedAt: new Date(clock.now()).toISOString(),
    envelopeId,
    documentRef: `fake-esign://${envelopeId}/${request.contractId}`,
  });

  const answer = (request: SignatureRequest): E.Either<SignatureFailed, SignatureOutcome> => {
    const key = request.idempotencyKey;
    const final = finals.get(key);
    if (final !== undefined) return final;
    const step = script.next(key);
    if (step === 'failRetryable') {
      return E.left({
        _tag: 'SignatureFailed',
        message: 'signature service busy',
        retryable: true,
      });
    }
    let result: E.Either<SignatureFailed, SignatureOutcome>;
    if (step === 'fail') {
      result = E.left({
        _tag: 'SignatureFailed',
        message: 'signer identity could not be verified',
        retryable: false,
      });
    } else {
      envelopeCount += 1;
      const envelopeId = `env-${String(envelopeCount).padStart(6, '0')}`;
      envelopes.set(envelopeId, { key, request });
      result = E.right(
        step === 'pending'
          ? { _tag: 'Pending', envelopeId }
          : { _tag: 'Signed', evidence: evidenceFor(request, envelopeId) },
      );
    }
    finals.set(key, result);
    return result;
  };

  return {
    requestSignature: async (request) => {
      const result = answer(request);
      recorded.push({
        method: 'requestSignature',
        idempotencyKey: request.idempotencyKey,
        at: new Date(clock.now()).toISOString(),
        input: request,
        result,
      });
      return result;
    },
    complete: (envelopeId) => {
      const envelope = envelopes.get(envelopeId);
      if (envelope === undefined) return undefined;
      const current = finals.get(envelope.key);
      if (current !== undefined && E.isRight(current) && current.right._tag === 'Signed') {
        return current.right.evidence;
      }
      const evidence = evidenceFor(envelope.request, envelopeId);
      finals.set(envelope.key, E.right({ _tag: 'Signed', evidence }));
      return evidence;
    },
    calls: (key) => recorded.filter((call) => key === undefined || call.idempotencyKey === key),
    queue: script.queue,
    queueFor: script.queueFor,
  };
};
