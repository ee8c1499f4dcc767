import { createHash } from 'node:crypto';
import type { SignatureRequest } from '@orderflow/core';
import { createFakeSignatureProvider, createSimulatedClock } from '@orderflow/core/testing';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';

const contractText = '基金认购合同\n认购金额：1000000.00 元\n';
const request = (key: string): SignatureRequest => ({
  idempotencyKey: key,
  orderId: 'order-1',
  contractId: 'contract-1-v1',
  contractText,
  signer: { id: 'inv-1', name: '张三' },
  data: {},
});
const sha256 = createHash('sha256').update(contractText, 'utf8').digest('hex');

describe('fake signature provider', () => {
  it('signs at once with evidence: contract hash, signer identity, time from its clock', async () => {
    const clock = createSimulatedClock('2026-01-05T02:00:00.000Z');
    const signer = createFakeSignatureProvider({ clock });
    expect(await signer.requestSignature(request('k1'))).toEqual(
      E.right({
        _tag: 'Signed',
        evidence: {
          documentSha256: sha256,
          signerIdentity: '张三 <inv-1>',
          signedAt: '2026-01-05T02:00:00.000Z',
          envelopeId: 'env-000001',
          documentRef: 'fake-esign://env-000001/contract-1-v1',
        },
      }),
    );
  });

  it('answers the same evidence for a repeated key, opening no second envelope', async () => {
    const clock = createSimulatedClock('2026-01-05T02:00:00.000Z');
    const signer = createFakeSignatureProvider({ clock });
    const first = await signer.requestSignature(request('k1'));
    clock.advance('PT1H');
    expect(await signer.requestSignature(request('k1'))).toEqual(first);
    expect(await signer.requestSignature(request('k2'))).toMatchObject(
      E.right({ evidence: { envelopeId: 'env-000002', signedAt: '2026-01-05T03:00:00.000Z' } }),
    );
    expect(signer.calls('k1')).toHaveLength(2);
  });

  it('answers pending, then completes the envelope with evidence when the signer signs', async () => {
    const clock = createSimulatedClock('2026-01-05T02:00:00.000Z');
    const signer = createFakeSignatureProvider({ clock, script: ['pending'] });
    expect(await signer.requestSignature(request('k1'))).toEqual(
      E.right({ _tag: 'Pending', envelopeId: 'env-000001' }),
    );
    expect(await signer.requestSignature(request('k1'))).toEqual(
      E.right({ _tag: 'Pending', envelopeId: 'env-000001' }),
    );
    clock.advance('PT2H');
    const evidence = signer.complete('env-000001');
    expect(evidence).toMatchObject({
      documentSha256: sha256,
      signedAt: '2026-01-05T04:00:00.000Z',
      envelopeId: 'env-000001',
    });
    expect(await signer.requestSignature(request('k1'))).toEqual(
      E.right({ _tag: 'Signed', evidence }),
    );
    expect(signer.complete('env-000001')).toEqual(evidence);
    expect(signer.complete('no-such-envelope')).toBeUndefined();
  });

  it('fails for good or for now as scripted; only a retryable failure can be retried', async () => {
    const signer = createFakeSignatureProvider({ byKey: { k1: 'fail', k2: 'failRetryable' } });
    const failed = await signer.requestSignature(request('k1'));
    expect(failed).toEqual(
      E.left({
        _tag: 'SignatureFailed',
        message: 'signer identity could not be verified',
        retryable: false,
      }),
    );
    expect(await signer.requestSignature(request('k1'))).toEqual(failed);
    expect(await signer.requestSignature(request('k2'))).toMatchObject(E.left({ retryable: true }));
    expect(await signer.requestSignature(request('k2'))).toMatchObject(E.right({ _tag: 'Signed' }));
  });
});
