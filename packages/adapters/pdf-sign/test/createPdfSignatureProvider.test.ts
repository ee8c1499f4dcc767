import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock, SignatureRequest } from '@orderflow/core';
import { signatureProviderContract } from '@orderflow/core/testing';
import {
  createPdfSignatureProvider,
  createTestCertificate,
  verifySignedPdf,
} from '@orderflow/pdf-sign';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { pdfsig } from './poppler.js';

// Rendering and RSA signing take a few hundred ms each; a loaded CI machine needs room.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let now = Date.parse('2026-03-02T06:30:00Z');
const clock: Clock = { now: () => now };
let p12: Uint8Array;
const dirs: string[] = [];

const tempDir = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'orderflow-pdf-sign-'));
  dirs.push(dir);
  return dir;
};

beforeAll(() => {
  p12 = createTestCertificate({
    commonName: '示例证券有限公司',
    organization: '示例证券有限公司',
    notBefore: new Date('2026-01-01T00:00:00Z'),
  });
});

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

signatureProviderContract('createPdfSignatureProvider', {
  setup: async () => {
    const outputDir = await tempDir();
    return {
      provider: createPdfSignatureProvider({ p12, outputDir, clock }),
      document: async (evidence) => {
        if (evidence.documentRef === undefined) throw new Error('no documentRef');
        return new Uint8Array(await readFile(evidence.documentRef));
      },
      close: async () => undefined,
    };
  },
});

const request: SignatureRequest = {
  idempotencyKey: 'eff-sign-9',
  orderId: 'ord-9',
  contractId: 'ctr-9',
  contractText: '第一条 本合同自双方签署之日起生效。',
  signer: { id: 'inv-9', name: '李四' },
  data: { amount: '300000.00', currency: 'CNY' },
};

describe('createPdfSignatureProvider', () => {
  it('writes a signed PDF that pdfsig accepts and whose evidence matches the file', async () => {
    const outputDir = await tempDir();
    const provider = createPdfSignatureProvider({ p12, outputDir, clock });

    const result = await provider.requestSignature(request);

    if (E.isLeft(result) || result.right._tag !== 'Signed') throw new Error('not signed');
    const { evidence } = result.right;
    expect(evidence).toMatchObject({
      signerIdentity: 'C=CN, O=示例证券有限公司, CN=示例证券有限公司',
      signedAt: '2026-03-02T06:30:00.000Z',
    });
    const file = new Uint8Array(await readFile(evidence.documentRef ?? ''));
    expect(verifySignedPdf(file)).toMatchObject({
      right: { intact: true, documentSha256: evidence.documentSha256 },
    });
    expect((await pdfsig(file)).out).toContain('Signature Validation: Signature is Valid.');
  });

  it('returns the contract already signed when the same request comes again later', async () => {
    const outputDir = await tempDir();
    const provider = createPdfSignatureProvider({ p12, outputDir, clock });
    const first = await provider.requestSignature(request);
    now += 3_600_000;

    const second = await provider.requestSignature(request);

    expect(second).toEqual(first);
  });

  it('fails retryable when the signed file cannot be stored', async () => {
    const blocker = join(await tempDir(), 'not-a-directory');
    await writeFile(blocker, 'x');
    const provider = createPdfSignatureProvider({ p12, outputDir: join(blocker, 'signed'), clock });

    const result = await provider.requestSignature(request);

    expect(result).toMatchObject({ left: { _tag: 'SignatureFailed', retryable: true } });
  });

  it('fails not retryable when the font is missing', async () => {
    const provider = createPdfSignatureProvider({
      p12,
      outputDir: await tempDir(),
      clock,
      fontPath: '/nonexistent/cjk.ttf',
    });

    const result = await provider.requestSignature(request);

    expect(result).toMatchObject({ left: { retryable: false } });
    if (E.isLeft(result)) expect(result.left.message).toContain('fonts-droid-fallback');
  });
});
