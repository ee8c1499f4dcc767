import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock, SignatureRequest } from '@orderflow/core';
import { signatureProviderContract } from '@orderflow/core/testing';
import {
  createHttpSignatureProvider,
  type HttpSignatureProvider,
  handleSignatureCallback,
  type SignatureProviderSimulator,
  signCallbackPayload,
  startSignatureProviderSimulator,
} from '@orderflow/esign-http';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach, describe, expect, it } from 'vitest';
import { type CallbackReceiver, startCallbackReceiver } from './startCallbackReceiver.js';

const API_KEY = 'sim-api-key';
const SECRET = 'sim-callback-secret';

interface World {
  readonly clock: Clock & { advance(ms: number): void };
  readonly simulator: SignatureProviderSimulator;
  readonly receiver: CallbackReceiver;
  readonly provider: HttpSignatureProvider;
  close(): Promise<void>;
}

const manualClock = (start: string): World['clock'] => {
  let now = Date.parse(start);
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
  };
};

/** Simulator, client and the app's callback endpoint, wired together over 127.0.0.1. */
const startWorld = async (apiKey = API_KEY): Promise<World> => {
  const clock = manualClock('2026-03-02T06:30:00Z');
  const simulator = await startSignatureProviderSimulator({
    apiKey: API_KEY,
    callbackSecret: SECRET,
    clock,
  });
  let provider: HttpSignatureProvider | undefined;
  const receiver = await startCallbackReceiver(() => {
    if (provider === undefined) throw new Error('provider not ready');
    return provider;
  });
  provider = createHttpSignatureProvider({
    baseUrl: simulator.url,
    apiKey,
    callbackSecret: SECRET,
    callbackUrl: receiver.url,
    clock,
  });
  return {
    clock,
    simulator,
    receiver,
    provider,
    close: async () => {
      await simulator.close();
      await receiver.close();
    },
  };
};

const post = async (url: string, body?: unknown): Promise<Response> =>
  fetch(url, { method: 'POST', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

signatureProviderContract('createHttpSignatureProvider', {
  setup: async () => {
    const world = await startWorld();
    return {
      provider: world.provider,
      complete: async (envelopeId) => {
        await post(`${world.simulator.url}/envelopes/${envelopeId}/sign`);
        const done = world.receiver.accepted().find((a) => a.envelopeId === envelopeId);
        if (done?.event.type !== 'signatureCompleted') throw new Error('no completion callback');
        return done.event.evidence;
      },
      document: async (evidence) => {
        const doc = await world.provider.fetchSignedDocument(evidence.envelopeId);
        if (E.isLeft(doc)) throw new Error(doc.left.message);
        return doc.right;
      },
      close: () => world.close(),
    };
  },
  unreachable: async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return createHttpSignatureProvider({
      baseUrl: `http://127.0.0.1:${port}`,
      apiKey: API_KEY,
      callbackSecret: SECRET,
      clock: manualClock('2026-03-02T06:30:00Z'),
    });
  },
});

const request: SignatureRequest = {
  idempotencyKey: 'eff-esign-1',
  orderId: 'ord-7',
  contractId: 'ctr-7',
  contractText: '私募基金合同\n投资者：王五\n认购金额：人民币 1,000,000.00 元',
  signer: { id: 'inv-7', name: '王五' },
  data: {},
};

describe('createHttpSignatureProvider with the provider simulator', () => {
  const worlds: World[] = [];
  const world = async (apiKey?: string): Promise<World> => {
    const w = await startWorld(apiKey);
    worlds.push(w);
    return w;
  };
  afterEach(async () => {
    await Promise.all(worlds.splice(0).map((w) => w.close()));
  });

  const open = async (w: World): Promise<string> => {
    const result = await w.provider.requestSignature(request);
    if (E.isLeft(result) || result.right._tag !== 'Pending') throw new Error('not pending');
    return result.right.envelopeId;
  };

  it('opens an envelope with the contract text and a 72-hour expiry, and answers Pending', async () => {
    const w = await world();

    const envelopeId = await open(w);

    const envelope = w.simulator.envelope(envelopeId);
    expect(envelope?.status).toBe('sent');
    expect(envelope?.idempotencyKey).toBe('eff-esign-1');
    expect(Buffer.from(envelope?.request.document.base64 ?? '', 'base64').toString('utf8')).toBe(
      request.contractText,
    );
    expect(envelope?.request.expiresAt).toBe('2026-03-05T06:30:00.000Z');
  });

  it('maps a completed envelope to signatureCompleted with evidence of the signed document', async () => {
    const w = await world();
    const envelopeId = await open(w);

    await post(`${w.simulator.url}/envelopes/${envelopeId}/sign`);

    const [event] = w.receiver.accepted();
    expect(event).toMatchObject({
      orderId: 'ord-7',
      contractId: 'ctr-7',
      envelopeId,
      event: {
        type: 'signatureCompleted',
        evidence: {
          envelopeId,
          signedAt: '2026-03-02T06:30:00.000Z',
          signerIdentity: '王五 (inv-7); verified by simulator',
          documentSha256: createHash('sha256').update(request.contractText).digest('hex'),
        },
      },
    });
  });

  it('maps a declined envelope to signatureDeclined with the reason', async () => {
    const w = await world();
    const envelopeId = await open(w);

    await post(`${w.simulator.url}/envelopes/${envelopeId}/decline`, { reason: '金额有误' });

    expect(w.receiver.accepted().map((a) => a.event)).toEqual([
      { type: 'signatureDeclined', reason: '金额有误' },
    ]);
  });

  it('maps an envelope left unsigned past its expiry to signatureExpired', async () => {
    const w = await world();
    const envelopeId = await open(w);
    w.clock.advance(71 * 3_600_000);
    expect(await w.simulator.expireDue()).toEqual([]);

    w.clock.advance(3_600_000);
    const expired = await w.simulator.expireDue();

    expect(expired).toEqual([envelopeId]);
    expect(w.receiver.accepted().map((a) => a.event)).toEqual([{ type: 'signatureExpired' }]);
  });

  it('handles a redelivered callback once and acknowledges the replay', async () => {
    const w = await world();
    const envelopeId = await open(w);
    await post(`${w.simulator.url}/envelopes/${envelopeId}/sign`);

    const redelivered = await post(`${w.simulator.url}/envelopes/${envelopeId}/redeliver`);

    expect(((await redelivered.json()) as { callbackStatus: number }).callbackStatus).toBe(200);
    expect(
      w.receiver.received.map((r) => (E.isLeft(r.result) ? r.result.left.reason : 'ok')),
    ).toEqual(['ok', 'replayed']);
    expect(w.receiver.accepted()).toHaveLength(1);
  });

  it('downloads the signed document and refuses one whose hash differs from the evidence', async () => {
    const w = await world();
    const envelopeId = await open(w);
    await post(`${w.simulator.url}/envelopes/${envelopeId}/sign`);
    const [event] = w.receiver.accepted();
    if (event?.event.type !== 'signatureCompleted') throw new Error('not completed');

    const good = await w.provider.fetchSignedDocument(
      envelopeId,
      event.event.evidence.documentSha256,
    );
    const bad = await w.provider.fetchSignedDocument(envelopeId, '0'.repeat(64));

    expect(E.isRight(good) && Buffer.from(good.right).toString('utf8')).toBe(request.contractText);
    expect(bad).toMatchObject({ left: { retryable: false } });
  });

  it('fails not retryable when the provider refuses the API key', async () => {
    const w = await world('wrong-key');

    const result = await w.provider.requestSignature(request);

    expect(result).toMatchObject({ left: { _tag: 'SignatureFailed', retryable: false } });
    if (E.isLeft(result)) expect(result.left.message).toContain('HTTP 401');
  });

  it('times out a provider that starts its answer and never finishes it', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(201, { 'Content-Type': 'application/json' });
      res.write('{"envelopeId":');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const provider = createHttpSignatureProvider({
        baseUrl: `http://127.0.0.1:${port}`,
        apiKey: API_KEY,
        callbackSecret: SECRET,
        clock: manualClock('2026-03-02T06:30:00Z'),
        timeoutMs: 100,
      });

      const result = await provider.requestSignature(request);

      expect(result).toMatchObject({ left: { retryable: true } });
      if (E.isLeft(result)) expect(result.left.message).toContain('timed out after 100 ms');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('fails retryable when the provider answers 503', async () => {
    const server = createServer((_req, res) => {
      res.statusCode = 503;
      res.end('maintenance');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const provider = createHttpSignatureProvider({
        baseUrl: `http://127.0.0.1:${port}`,
        apiKey: API_KEY,
        callbackSecret: SECRET,
        clock: manualClock('2026-03-02T06:30:00Z'),
      });

      expect(await provider.requestSignature(request)).toMatchObject({ left: { retryable: true } });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('handleSignatureCallback', () => {
  const NOW = Date.parse('2026-03-02T06:30:00Z');
  const body = JSON.stringify({
    eventId: 'evt-1',
    type: 'envelope.declined',
    envelopeId: 'env-1',
    orderId: 'ord-1',
    contractId: 'ctr-1',
    occurredAt: '2026-03-02T06:29:59.000Z',
    reason: 'changed my mind',
  });
  const headersFor = (payload: string, at = NOW, secret = SECRET) => ({
    'x-esign-signature': signCallbackPayload(secret, Math.floor(at / 1000), payload),
    'x-esign-timestamp': String(Math.floor(at / 1000)),
    'x-esign-event-id': 'evt-1',
  });

  it('accepts a signed, fresh, first-seen callback and remembers its event id', () => {
    const seen = new Set<string>();

    const result = handleSignatureCallback(SECRET, headersFor(body), body, { now: NOW, seen });

    expect(result).toMatchObject({
      right: { eventId: 'evt-1', event: { type: 'signatureDeclined' } },
    });
    expect(seen.has('evt-1')).toBe(true);
  });

  it('rejects a callback signed with another secret', () => {
    const result = handleSignatureCallback(SECRET, headersFor(body, NOW, 'other'), body, {
      now: NOW,
      seen: new Set(),
    });

    expect(result).toMatchObject({ left: { reason: 'badSignature' } });
  });

  it('rejects a body changed after signing', () => {
    const changed = body.replace('changed my mind', 'signed');

    expect(
      handleSignatureCallback(SECRET, headersFor(body), changed, { now: NOW, seen: new Set() }),
    ).toMatchObject({ left: { reason: 'badSignature' } });
  });

  it('rejects a callback signed outside the tolerance window, and does not remember it', () => {
    const seen = new Set<string>();

    const result = handleSignatureCallback(SECRET, headersFor(body), body, {
      now: NOW + 10 * 60_000,
      toleranceMs: 5 * 60_000,
      seen,
    });

    expect(result).toMatchObject({ left: { reason: 'stale', toleranceMs: 300_000 } });
    expect(seen.size).toBe(0);
  });

  it('rejects a callback whose event id was handled before', () => {
    const seen = new Set(['evt-1']);

    expect(
      handleSignatureCallback(SECRET, headersFor(body), body, { now: NOW, seen }),
    ).toMatchObject({
      left: { reason: 'replayed', eventId: 'evt-1' },
    });
  });

  it('names the path of a signed body that is not a callback', () => {
    const odd = JSON.stringify({ ...JSON.parse(body), type: 'envelope.completed' });

    const result = handleSignatureCallback(SECRET, headersFor(odd), odd, {
      now: NOW,
      seen: new Set(),
    });

    expect(result).toMatchObject({ left: { reason: 'invalidBody' } });
    if (E.isLeft(result) && result.left.reason === 'invalidBody') {
      expect(result.left.errors.some((p) => p.includes('signer') || p.includes('document'))).toBe(
        true,
      );
    }
  });

  it('names the missing header', () => {
    const { 'x-esign-event-id': _dropped, ...rest } = headersFor(body);

    expect(
      handleSignatureCallback(SECRET, rest, body, { now: NOW, seen: new Set() }),
    ).toMatchObject({
      left: { reason: 'missingHeader', header: 'X-Esign-Event-Id' },
    });
  });
});
