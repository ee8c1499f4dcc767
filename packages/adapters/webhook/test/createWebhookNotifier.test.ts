import { createServer } from 'node:net';
import type { Clock, Notification } from '@orderflow/core';
import { notifierContract } from '@orderflow/core/testing';
import { createWebhookNotifier, verifyWebhook, WEBHOOK_HEADERS } from '@orderflow/webhook';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach, describe, expect, it } from 'vitest';
import { type Receiver, type Reply, startReceiver } from './startReceiver.js';

const SECRET = 'whsec-test-only';
const NOW = Date.parse('2026-03-02T06:30:00Z');
const clock: Clock = { now: () => NOW };

const notification: Notification = {
  idempotencyKey: 'eff-42',
  orderId: 'ord-1',
  event: 'orderApproved',
  template: 'orderApproved',
  recipients: [
    { role: 'financeOfficer', actorId: 'u-7', address: 'fin@example.com', locale: 'en' },
  ],
  data: { amount: '1000000.00', currency: 'CNY' },
};

/** A port that refuses connections: listen, note the port, close. */
const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
};

notifierContract('createWebhookNotifier', {
  setup: async () => {
    const receiver = await startReceiver();
    return {
      notifier: createWebhookNotifier({ url: receiver.url, secret: SECRET, clock, backoffMs: 1 }),
      delivered: async () =>
        receiver.received.map((r) => {
          const verified = verifyWebhook(SECRET, r.headers, r.body, { now: NOW });
          if (E.isLeft(verified)) throw new Error(`bad webhook: ${verified.left.reason}`);
          const p = verified.right.payload;
          return {
            idempotencyKey: verified.right.idempotencyKey,
            orderId: p.orderId,
            event: verified.right.event,
            addresses: p.recipients.map((x) => x.address),
          };
        }),
      close: () => receiver.close(),
    };
  },
  unreachable: async () =>
    createWebhookNotifier({
      url: `http://127.0.0.1:${await closedPort()}/hooks`,
      secret: SECRET,
      clock,
      attempts: 2,
      backoffMs: 1,
    }),
});

describe('createWebhookNotifier', () => {
  const receivers: Receiver[] = [];
  const receiver = async (reply?: Reply): Promise<Receiver> => {
    const r = await startReceiver(reply);
    receivers.push(r);
    return r;
  };
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.close()));
  });

  it('signs the body so the receiver verifies it with the shared secret', async () => {
    const r = await receiver();
    const notifier = createWebhookNotifier({ url: r.url, secret: SECRET, clock });

    await notifier.send(notification);

    const [req] = r.received;
    expect(req).toBeDefined();
    if (req === undefined) return;
    expect(req.headers['content-type']).toMatch(/^application\/json/);
    expect(req.headers['idempotency-key']).toBe('eff-42');
    expect(req.headers['x-orderflow-event']).toBe('orderApproved');
    expect(req.headers['x-orderflow-timestamp']).toBe(String(NOW / 1000));
    const verified = verifyWebhook(SECRET, req.headers, req.body, { now: NOW });
    expect(verified).toMatchObject({
      _tag: 'Right',
      right: {
        idempotencyKey: 'eff-42',
        payload: { id: 'eff-42', orderId: 'ord-1', sentAt: '2026-03-02T06:30:00.000Z' },
      },
    });
  });

  it('retries a 5xx reply under the same idempotency key and then delivers', async () => {
    const r = await receiver((n) => (n < 2 ? 503 : 200));
    const notifier = createWebhookNotifier({ url: r.url, secret: SECRET, clock, backoffMs: 1 });

    const result = await notifier.send(notification);

    expect(result).toEqual(E.right({ messageId: 'eff-42' }));
    expect(r.received).toHaveLength(3);
    expect(new Set(r.received.map((x) => x.headers['idempotency-key']))).toEqual(
      new Set(['eff-42']),
    );
  });

  it('gives up after the configured attempts with a retryable failure on repeated 5xx', async () => {
    const r = await receiver(() => 500);
    const notifier = createWebhookNotifier({
      url: r.url,
      secret: SECRET,
      clock,
      attempts: 3,
      backoffMs: 1,
    });

    const result = await notifier.send(notification);

    expect(result).toMatchObject({ _tag: 'Left', left: { retryable: true } });
    expect(r.received).toHaveLength(3);
  });

  it('does not retry a 4xx reply and marks it not retryable', async () => {
    const r = await receiver(() => 400);
    const notifier = createWebhookNotifier({ url: r.url, secret: SECRET, clock, backoffMs: 1 });

    const result = await notifier.send(notification);

    expect(result).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'NotifyFailed', retryable: false },
    });
    expect(r.received).toHaveLength(1);
  });

  it('treats 429 Too Many Requests as worth retrying', async () => {
    const r = await receiver((n) => (n === 0 ? 429 : 202));
    const notifier = createWebhookNotifier({ url: r.url, secret: SECRET, clock, backoffMs: 1 });

    expect(E.isRight(await notifier.send(notification))).toBe(true);
    expect(r.received).toHaveLength(2);
  });

  it('times out a receiver that never answers, retries, then fails retryable', async () => {
    const r = await receiver(() => 'hang');
    const notifier = createWebhookNotifier({
      url: r.url,
      secret: SECRET,
      clock,
      timeoutMs: 100,
      attempts: 2,
      backoffMs: 1,
    });

    const result = await notifier.send(notification);

    expect(result).toMatchObject({ _tag: 'Left', left: { retryable: true } });
    // Counted on the sender's side: under load an aborted attempt may never reach the receiver.
    if (E.isLeft(result)) {
      expect(result.left.message).toMatch(/timed out after 100 ms \(attempt 2 of 2\)/);
    }
  });
});

describe('verifyWebhook', () => {
  const signedRequest = async (): Promise<{ headers: Record<string, string>; body: string }> => {
    const r = await startReceiver();
    try {
      await createWebhookNotifier({ url: r.url, secret: SECRET, clock }).send(notification);
      const [req] = r.received;
      if (req === undefined) throw new Error('nothing received');
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      return { headers, body: req.body };
    } finally {
      await r.close();
    }
  };

  it('accepts a webhook signed within the tolerance window', async () => {
    const { headers, body } = await signedRequest();

    const result = verifyWebhook(SECRET, headers, body, { now: NOW + 60_000 });

    expect(E.isRight(result)).toBe(true);
  });

  it('reads headers from a fetch Headers object too', async () => {
    const { headers, body } = await signedRequest();

    expect(E.isRight(verifyWebhook(SECRET, new Headers(headers), body, { now: NOW }))).toBe(true);
  });

  it('rejects a body changed after signing', async () => {
    const { headers, body } = await signedRequest();
    const tampered = body.replace('1000000.00', '9000000.00');

    expect(verifyWebhook(SECRET, headers, tampered, { now: NOW })).toMatchObject({
      left: { reason: 'badSignature' },
    });
  });

  it('rejects a signature made with another secret', async () => {
    const { headers, body } = await signedRequest();

    expect(verifyWebhook('other-secret', headers, body, { now: NOW })).toMatchObject({
      left: { reason: 'badSignature' },
    });
  });

  it('rejects a replayed webhook older than the tolerance window', async () => {
    const { headers, body } = await signedRequest();

    const result = verifyWebhook(SECRET, headers, body, {
      now: NOW + 301_000,
      toleranceMs: 300_000,
    });

    expect(result).toMatchObject({
      left: { reason: 'stale', signedAtMs: NOW, toleranceMs: 300_000 },
    });
  });

  it('rejects a timestamp moved forward, since the signature covers it', async () => {
    const { headers, body } = await signedRequest();
    const moved = { ...headers, 'x-orderflow-timestamp': String(NOW / 1000 + 600) };

    expect(verifyWebhook(SECRET, moved, body, { now: NOW + 600_000 })).toMatchObject({
      left: { reason: 'badSignature' },
    });
  });

  it('names the missing header', async () => {
    const { headers, body } = await signedRequest();
    const { 'x-orderflow-signature': _dropped, ...rest } = headers;

    expect(verifyWebhook(SECRET, rest, body, { now: NOW })).toMatchObject({
      left: { reason: 'missingHeader', header: WEBHOOK_HEADERS.signature },
    });
  });
});
