import { createServer, type Server, type Socket } from 'node:net';
import type { Notification } from '@orderflow/core';
import { notifierContract } from '@orderflow/core/testing';
import { createSmtpNotifier, type SmtpNotifier } from '@orderflow/smtp';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach, describe, expect, it } from 'vitest';
import { type DataReply, type SmtpPeer, startSmtpServer } from './startSmtpServer.js';

const FROM = '"orderflow" <orderflow@bank.example>';

const notifierFor = (port: number, extra: Partial<Parameters<typeof createSmtpNotifier>[0]> = {}) =>
  createSmtpNotifier({
    transport: { host: '127.0.0.1', port, secure: false, ignoreTLS: true },
    from: FROM,
    retryDelayMs: 1,
    timeoutMs: 10_000,
    ...extra,
  });

/** A port that refuses connections: listen, note the port, close. */
const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
};

const header = (value: unknown): string => (typeof value === 'string' ? value : '');

notifierContract('createSmtpNotifier', {
  setup: async () => {
    const peer = await startSmtpServer();
    const notifier = notifierFor(peer.port);
    return {
      notifier,
      delivered: async () =>
        peer.mails.map((m) => ({
          idempotencyKey: header(m.parsed.headers.get('x-orderflow-idempotency-key')),
          orderId: header(m.parsed.headers.get('x-orderflow-order-id')),
          event: header(m.parsed.headers.get('x-orderflow-event')),
          addresses: m.rcptTo,
        })),
      close: async () => {
        notifier.close();
        await peer.close();
      },
    };
  },
  unreachable: async () => notifierFor(await closedPort()),
});

const approved: Notification = {
  idempotencyKey: 'eff-approved-1',
  orderId: 'ord-2026-0001',
  event: 'orderApproved',
  template: 'order-approved',
  recipients: [
    { role: 'riskOfficer', actorId: 'u-risk', address: 'risk@bank.example', locale: 'zh-CN' },
    { role: 'relationshipManager', actorId: 'u-rm', address: 'rm@bank.example', locale: 'en' },
  ],
  data: { productName: '稳健增利一号', amount: '1000000.00', currency: 'CNY' },
};

describe('createSmtpNotifier', () => {
  const peers: SmtpPeer[] = [];
  const notifiers: SmtpNotifier[] = [];
  const peer = async (reply?: DataReply): Promise<SmtpPeer> => {
    const p = await startSmtpServer(reply);
    peers.push(p);
    return p;
  };
  const track = (n: SmtpNotifier): SmtpNotifier => {
    notifiers.push(n);
    return n;
  };
  afterEach(async () => {
    for (const n of notifiers.splice(0)) n.close();
    await Promise.all(peers.splice(0).map((p) => p.close()));
  });

  it('sends each recipient a message in their own language with the formatted amount', async () => {
    const p = await peer();
    const notifier = track(notifierFor(p.port));

    const result = await notifier.send(approved);

    expect(E.isRight(result)).toBe(true);
    const zh = p.mails.find((m) => m.rcptTo.includes('risk@bank.example'));
    const en = p.mails.find((m) => m.rcptTo.includes('rm@bank.example'));
    expect(zh?.rcptTo).toEqual(['risk@bank.example']);
    expect(zh?.parsed.subject).toBe('【审批通过】订单 ord-2026-0001');
    expect(zh?.parsed.text).toContain(
      '订单 ord-2026-0001（稳健增利一号，金额 ¥1,000,000.00）已通过全部审批。',
    );
    expect(zh?.parsed.html).toContain('¥1,000,000.00');
    expect(zh?.parsed.from?.value[0]?.address).toBe('orderflow@bank.example');
    expect(en?.parsed.subject).toBe('[Approved] Order ord-2026-0001');
    expect(en?.parsed.text).toContain('(稳健增利一号, CN¥1,000,000.00) passed every approval.');
  });

  it('never lets a full ID, phone or account number leave in a message', async () => {
    const p = await peer();
    const notifier = track(
      notifierFor(p.port, {
        templates: {
          kycReview: {
            'zh-CN': {
              subject: '复核 {{investor.name}} {{investor.idNumber}}',
              text: '证件 {{investor.idNumber}} 手机 {{investor.mobile}} 账户 {{payerAccount}} 备注 {{note}}',
              html: '<p>{{investor.idNumber}} {{investor.mobile}} {{payerAccount}} {{note}}</p>',
            },
            en: {
              subject: 'Review {{investor.idNumber}}',
              text: '{{investor.idNumber}} {{investor.mobile}} {{payerAccount}} {{note}}',
              html: '<p>{{investor.idNumber}} {{investor.mobile}} {{payerAccount}}</p>',
            },
          },
        },
      }),
    );
    const secrets = ['110101199003074514', '13800138000', '6222020200001234567', '13912345678'];

    const result = await notifier.send({
      ...approved,
      idempotencyKey: 'eff-kyc',
      template: 'kycReview',
      data: {
        investor: { name: '张三', idNumber: '110101199003074514', mobile: '138-0013-8000' },
        payerAccount: '6222 0202 0000 1234 567',
        note: '13912345678',
      },
    });

    expect(E.isRight(result)).toBe(true);
    expect(p.mails).toHaveLength(2);
    for (const mail of p.mails) {
      const seen = [mail.parsed.subject, mail.parsed.text, mail.parsed.html, mail.raw].join('\n');
      for (const secret of secrets) expect(seen).not.toContain(secret);
    }
    const zh = p.mails.find((m) => m.rcptTo.includes('risk@bank.example'));
    expect(zh?.parsed.subject).toBe('复核 张三 **************4514');
    expect(zh?.parsed.text).toContain('手机 *******8000 账户 ***************4567 备注 *******5678');
  });

  it('retries a 4xx reply and then delivers the message once', async () => {
    const p = await peer((n) => (n === 0 ? { code: 451, message: 'try again later' } : 'accept'));
    const notifier = track(notifierFor(p.port, { attempts: 3 }));

    const result = await notifier.send({
      ...approved,
      recipients: approved.recipients.slice(0, 1),
    });

    expect(E.isRight(result)).toBe(true);
    expect(p.attempts()).toBe(2);
    expect(p.mails).toHaveLength(1);
  });

  it('fails retryable when a 4xx reply outlasts the attempts', async () => {
    const p = await peer(() => ({ code: 452, message: 'mailbox busy' }));
    const notifier = track(notifierFor(p.port, { attempts: 3 }));

    const result = await notifier.send({
      ...approved,
      recipients: approved.recipients.slice(0, 1),
    });

    expect(result).toMatchObject({ _tag: 'Left', left: { _tag: 'NotifyFailed', retryable: true } });
    expect(p.attempts()).toBe(3);
  });

  it('fails not retryable on a 5xx reply, without trying again', async () => {
    const p = await peer(() => ({ code: 550, message: 'no such mailbox' }));
    const notifier = track(notifierFor(p.port, { attempts: 3 }));

    const result = await notifier.send({
      ...approved,
      recipients: approved.recipients.slice(0, 1),
    });

    expect(result).toMatchObject({ _tag: 'Left', left: { retryable: false } });
    if (E.isLeft(result)) expect(result.left.message).toContain('no such mailbox');
    expect(p.attempts()).toBe(1);
  });

  it('times out a server that accepts the connection but never answers', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => {
      sockets.push(socket);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const notifier = track(notifierFor(address.port, { timeoutMs: 150 }));

    try {
      const result = await notifier.send(approved);

      expect(result).toMatchObject({ _tag: 'Left', left: { retryable: true } });
      if (E.isLeft(result)) expect(result.left.message).toMatch(/time/i);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  }, 5_000);

  it('refuses a template it does not have, sending nothing', async () => {
    const p = await peer();
    const notifier = track(notifierFor(p.port));

    const result = await notifier.send({ ...approved, template: 'noSuchTemplate' });

    expect(result).toMatchObject({ _tag: 'Left', left: { retryable: false } });
    if (E.isLeft(result)) expect(result.left.message).toContain('noSuchTemplate');
    expect(p.attempts()).toBe(0);
  });

  it('sends several notifications over one pooled connection', async () => {
    const p = await peer();
    const notifier = track(notifierFor(p.port, { pool: true }));

    for (const key of ['pool-1', 'pool-2', 'pool-3']) {
      expect(E.isRight(await notifier.send({ ...approved, idempotencyKey: key }))).toBe(true);
    }

    expect(p.mails).toHaveLength(6);
    expect(p.connections()).toBe(1);
  });

  it('refuses a recipient that is not an email address, sending nothing', async () => {
    const p = await peer();
    const notifier = track(notifierFor(p.port));

    const result = await notifier.send({
      ...approved,
      recipients: [
        { role: 'operations', actorId: null, address: 'role:operations', locale: 'zh-CN' },
      ],
    });

    expect(result).toMatchObject({ left: { retryable: false } });
    if (E.isLeft(result)) expect(result.left.message).toContain('role:operations');
    expect(p.attempts()).toBe(0);
  });

  it('gives a resent notification the same Message-ID, so the receiver can drop the duplicate', async () => {
    const p = await peer();
    const notifier = track(notifierFor(p.port));
    const one = { ...approved, recipients: approved.recipients.slice(0, 1) };

    const first = await notifier.send(one);
    const second = await notifier.send(one);

    expect(first).toEqual(second);
    expect(p.mails.map((m) => m.parsed.messageId)).toEqual([
      p.mails[0]?.parsed.messageId,
      p.mails[0]?.parsed.messageId,
    ]);
    expect(p.mails[0]?.parsed.messageId).toMatch(/^<[0-9a-f]{32}@bank\.example>$/);
  });
});
