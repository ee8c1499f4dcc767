import type { SignatureCallbackRejected, SignatureEngineEvent } from '@orderflow/esign-http';
import { describe, expectTypeOf, it } from 'vitest';

describe('SignatureEngineEvent types', () => {
  it('carries evidence only on signatureCompleted', () => {
    const evidenceOf = (e: SignatureEngineEvent) =>
      e.type === 'signatureCompleted' ? e.evidence.documentSha256 : null;
    const declined: SignatureEngineEvent = { type: 'signatureDeclined', reason: 'no' };
    // @ts-expect-error an expiry has no evidence
    const expired: SignatureEngineEvent = { type: 'signatureExpired', evidence: {} };

    expectTypeOf(evidenceOf).returns.toEqualTypeOf<string | null>();
    expectTypeOf(declined).toExtend<SignatureEngineEvent>();
    expectTypeOf(expired).toExtend<SignatureEngineEvent>();
  });

  it('names the header only on a missingHeader rejection', () => {
    const header = (r: SignatureCallbackRejected) =>
      r.reason === 'missingHeader' ? r.header : null;
    // @ts-expect-error a bad signature names no header
    const wrong = (r: Extract<SignatureCallbackRejected, { reason: 'badSignature' }>) => r.header;

    expectTypeOf(header).returns.toEqualTypeOf<string | null>();
    expectTypeOf(wrong).toBeFunction();
  });
});
