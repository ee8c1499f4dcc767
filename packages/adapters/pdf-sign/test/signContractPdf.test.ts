import { createHash } from 'node:crypto';
import type { SignatureRequest } from '@orderflow/core';
import {
  contractDocumentFrom,
  createTestCertificate,
  loadCjkFont,
  renderContractPdf,
  signContractPdf,
  verifySignedPdf,
} from '@orderflow/pdf-sign';
import * as E from 'fp-ts/lib/Either.js';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { pdfsig, pdftotext } from './poppler.js';

// Rendering and RSA signing take a few hundred ms each; a loaded CI machine needs room.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const SIGNED_AT = new Date('2026-03-02T06:30:00.000Z');

const request: SignatureRequest = {
  idempotencyKey: 'eff-sign-1',
  orderId: 'ord-2026-0001',
  contractId: 'ctr-0001',
  contractText: [
    '第一条 投资者认购稳健增利一号私募证券投资基金，认购金额为人民币壹佰万元整。',
    '第二条 本基金不保证本金不受损失，也不保证最低收益。投资者已阅读并理解风险揭示书。',
    'Article 3. The investor may withdraw within the 24-hour cooling-off period with a full refund.',
  ].join('\n'),
  signer: { id: 'inv-1', name: '张三' },
  data: { amount: '1000000.00', currency: 'CNY', productName: '稳健增利一号' },
};

let p12: Uint8Array;
let font: Uint8Array;
let unsigned: Uint8Array;

const sign = async (pdf: Uint8Array = unsigned, passphrase = 'test-pass') => {
  const signed = await signContractPdf(pdf, {
    p12,
    passphrase,
    signingTime: SIGNED_AT,
    reason: '合同签署 ctr-0001',
    location: '上海',
  });
  if (E.isLeft(signed)) throw new Error(signed.left.message);
  return signed.right;
};

/** Changes one digit of the first PDF date string, a byte the signature covers. */
const tamper = (pdf: Uint8Array): Uint8Array => {
  const copy = new Uint8Array(pdf);
  const at = Buffer.from(copy).indexOf('(D:2026');
  if (at < 0) throw new Error('no date to tamper with');
  copy[at + 6] = '7'.charCodeAt(0);
  return copy;
};

beforeAll(async () => {
  p12 = createTestCertificate({
    commonName: '张三',
    organization: '示例证券有限公司',
    passphrase: 'test-pass',
    notBefore: new Date('2026-01-01T00:00:00Z'),
  });
  const loaded = await loadCjkFont();
  if (E.isLeft(loaded)) throw new Error(loaded.left.message);
  font = loaded.right;
  const rendered = await renderContractPdf(contractDocumentFrom(request), {
    font,
    createdAt: SIGNED_AT,
  });
  if (E.isLeft(rendered)) throw new Error(rendered.left.message);
  unsigned = rendered.right;
});

describe('renderContractPdf', () => {
  it('renders Chinese text, and the hash of the drafted text, that poppler extracts back', async () => {
    const text = await pdftotext(unsigned);

    expect(text).toContain('第一条 投资者认购稳健增利一号私募证券投资基金');
    expect(text).toContain('签署人 Signer：张三 (inv-1)');
    expect(text).toContain('cooling-off period');
    expect(text.replace(/\s+/g, '')).toContain(
      createHash('sha256').update(request.contractText).digest('hex'),
    );
  });

  it('embeds only the glyphs it uses, so the PDF stays small', () => {
    expect(unsigned.byteLength).toBeLessThan(150_000);
  });

  it('produces the same bytes for the same contract and time', async () => {
    const again = await renderContractPdf(contractDocumentFrom(request), {
      font,
      createdAt: SIGNED_AT,
    });

    expect(E.isRight(again) && Buffer.from(again.right).equals(Buffer.from(unsigned))).toBe(true);
  });

  it('breaks a long contract over several pages', async () => {
    const long = { ...request, contractText: '投资者确认已充分了解产品风险。'.repeat(600) };
    const rendered = await renderContractPdf(contractDocumentFrom(long), {
      font,
      createdAt: SIGNED_AT,
    });
    if (E.isLeft(rendered)) throw new Error(rendered.left.message);

    const text = await pdftotext(rendered.right);

    expect(text).toMatch(/\b2 ?\/ ?[2-9]\b/);
  });
});

describe('signContractPdf and verifySignedPdf', () => {
  it('signs with the certificate and reports its subject, time and document hash', async () => {
    const signed = await sign();

    expect(signed.signerSubject).toBe('C=CN, O=示例证券有限公司, CN=张三');
    expect(signed.signedAt).toBe('2026-03-02T06:30:00.000Z');
    expect(signed.documentSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies a signed PDF: who signed, when, and that the bytes are intact', async () => {
    const signed = await sign();

    const report = verifySignedPdf(signed.pdf);

    expect(report).toEqual(
      E.right({
        signer: 'C=CN, O=示例证券有限公司, CN=张三',
        signedAt: '2026-03-02T06:30:00.000Z',
        intact: true,
        documentSha256: signed.documentSha256,
        problems: [],
      }),
    );
  });

  it('reports a PDF changed after signing as not intact', async () => {
    const signed = await sign();

    const report = verifySignedPdf(tamper(signed.pdf));

    expect(report).toMatchObject({ _tag: 'Right', right: { intact: false } });
    if (E.isRight(report)) expect(report.right.problems.join()).toMatch(/digest does not match/);
  });

  it('reports bytes appended after signing as not covered by the signature', async () => {
    const signed = await sign();
    const appended = Buffer.concat([Buffer.from(signed.pdf), Buffer.from('\n% appended\n')]);

    const report = verifySignedPdf(appended);

    expect(report).toMatchObject({ right: { intact: false } });
    if (E.isRight(report)) expect(report.right.problems.join()).toMatch(/whole file/);
  });

  it('refuses a PDF that carries no signature', () => {
    expect(verifySignedPdf(unsigned)).toMatchObject({ left: { reason: 'noSignature' } });
  });

  it('fails with CertificateInvalid on a wrong passphrase', async () => {
    const result = await signContractPdf(unsigned, {
      p12,
      passphrase: 'wrong',
      signingTime: SIGNED_AT,
      reason: 'x',
    });

    expect(result).toMatchObject({ left: { _tag: 'CertificateInvalid', retryable: false } });
  });

  it('refuses to sign outside the certificate validity', async () => {
    const result = await signContractPdf(unsigned, {
      p12,
      passphrase: 'test-pass',
      signingTime: new Date('2025-12-31T23:59:59Z'),
      reason: 'x',
    });

    expect(result).toMatchObject({ left: { _tag: 'CertificateInvalid', retryable: false } });
    if (E.isLeft(result)) expect(result.left.message).toMatch(/valid from/);
  });

  it('fails with FontUnavailable when the font file is missing', async () => {
    expect(await loadCjkFont('/nonexistent/font.ttf')).toMatchObject({
      left: { _tag: 'FontUnavailable', path: '/nonexistent/font.ttf' },
    });
  });
});

describe('pdfsig (poppler), a verifier we did not write', () => {
  it('accepts the signature of a signed contract', async () => {
    const signed = await sign();

    const { out } = await pdfsig(signed.pdf);

    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).toContain('Signer Certificate Common Name: 张三');
    expect(out).toMatch(/Signing Time: Mar 0?2 2026/);
    expect(out).toMatch(/Signature Type: adbe\.pkcs7\.detached/);
  });

  it('rejects the same contract changed after signing', async () => {
    const signed = await sign();

    const { out } = await pdfsig(tamper(signed.pdf));

    expect(out).not.toContain('Signature is Valid.');
    expect(out).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
  });
});
