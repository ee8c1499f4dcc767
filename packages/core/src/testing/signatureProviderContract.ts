/**
 * The contract every `SignatureProvider` passes: local PDF signing, the remote HTTP
 * provider and the fake signer in core run this same suite.
 */
import { createHash } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  SignatureEvidence,
  SignatureProvider,
  SignatureRequest,
} from '../ports/SignatureProvider.js';

/** A signature provider wired to a live peer, and the means to finish what it started. */
export interface SignatureProviderHarness {
  readonly provider: SignatureProvider;
  /**
   * Drives a pending envelope to completion (the signer signs at the provider) and returns
   * the evidence the engine would receive. Required when the provider answers `Pending`.
   */
  complete?(envelopeId: string): Promise<SignatureEvidence>;
  /**
   * The signed document the evidence describes, as the provider keeps it (the backup the
   * law asks for); its SHA-256 must equal `evidence.documentSha256`.
   */
  document(evidence: SignatureEvidence): Promise<Uint8Array>;
  /** Stops the peer and frees its resources. */
  close(): Promise<void>;
}

/** How the contract suite builds the implementation under test. */
export interface SignatureProviderContractOptions {
  /** A fresh provider and peer for each test. */
  readonly setup: () => Promise<SignatureProviderHarness>;
  /**
   * A provider whose peer is down. When given, the suite checks that a request resolves to
   * a retryable `SignatureFailed` instead of rejecting.
   */
  readonly unreachable?: () => Promise<SignatureProvider>;
}

const sampleRequest = (key: string): SignatureRequest => ({
  idempotencyKey: `contract-sign-${key}`,
  orderId: `order-${key}`,
  contractId: `contract-${key}`,
  contractText: `基金合同 ${key}\n投资者认购金额：人民币 1,000,000.00 元。\nThe investor subscribes CNY 1,000,000.00.`,
  signer: { id: 'investor-1', name: '张三' },
  data: { orderId: `order-${key}`, amount: '1000000.00', currency: 'CNY' },
});

const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Registers the `SignatureProvider` contract suite under `describe(name)`.
 *
 * @example
 * signatureProviderContract('PdfSignatureProvider', { setup: async () => pdfHarness() });
 */
export function signatureProviderContract(
  name: string,
  options: SignatureProviderContractOptions,
): void {
  describe(`${name} (SignatureProvider contract)`, () => {
    const open: SignatureProviderHarness[] = [];
    const start = async (): Promise<SignatureProviderHarness> => {
      const harness = await options.setup();
      open.push(harness);
      return harness;
    };

    afterEach(async () => {
      await Promise.all(open.splice(0).map((h) => h.close()));
    });

    /** Evidence for a request: at once when signed, through the harness when pending. */
    const evidenceOf = async (
      h: SignatureProviderHarness,
      request: SignatureRequest,
    ): Promise<SignatureEvidence> => {
      const result = await h.provider.requestSignature(request);
      if (E.isLeft(result)) throw new Error(`request failed: ${result.left.message}`);
      const outcome = result.right;
      if (outcome._tag === 'Signed') return outcome.evidence;
      expect(outcome.envelopeId.length).toBeGreaterThan(0);
      if (h.complete === undefined) {
        throw new Error('the provider answered Pending but the harness has no complete()');
      }
      return h.complete(outcome.envelopeId);
    };

    it('yields complete evidence: document hash, signer identity and signing time', async () => {
      const h = await start();

      const evidence = await evidenceOf(h, sampleRequest('evidence'));

      expect(evidence.documentSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(evidence.signerIdentity.trim().length).toBeGreaterThan(0);
      expect(Number.isNaN(Date.parse(evidence.signedAt))).toBe(false);
      expect(evidence.envelopeId.length).toBeGreaterThan(0);
    });

    it('hashes the very document it signed', async () => {
      const h = await start();
      const evidence = await evidenceOf(h, sampleRequest('hash'));

      const bytes = await h.document(evidence);

      expect(sha256Hex(bytes)).toBe(evidence.documentSha256);
    });

    it('answers a repeated request with the same idempotency key with the same envelope', async () => {
      const h = await start();
      const request = sampleRequest('repeat');

      const first = await h.provider.requestSignature(request);
      const second = await h.provider.requestSignature(request);

      const envelope = (r: typeof first): string | undefined =>
        E.isRight(r)
          ? r.right._tag === 'Signed'
            ? r.right.evidence.envelopeId
            : r.right.envelopeId
          : undefined;
      expect(envelope(first)).toBeDefined();
      expect(envelope(second)).toBe(envelope(first));
    });

    it('opens a separate envelope for each contract', async () => {
      const h = await start();

      const a = await evidenceOf(h, sampleRequest('separate-a'));
      const b = await evidenceOf(h, sampleRequest('separate-b'));

      expect(a.envelopeId).not.toBe(b.envelopeId);
      expect(a.documentSha256).not.toBe(b.documentSha256);
    });

    const unreachable = options.unreachable;
    if (unreachable !== undefined) {
      it('resolves to a retryable failure when the peer is down', async () => {
        const provider = await unreachable();

        const result = await provider.requestSignature(sampleRequest('down'));

        expect(result).toMatchObject({ _tag: 'Left', left: { _tag: 'SignatureFailed' } });
        if (E.isLeft(result)) expect(result.left.retryable).toBe(true);
      });
    }
  });
}
