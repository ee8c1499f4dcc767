/**
 * The contract every `Notifier` passes: the SMTP and webhook adapters and the in-memory
 * recording notifier run this same suite against their own peer.
 */
import * as E from 'fp-ts/lib/Either.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Notification, Notifier, Recipient } from '../ports/Notifier.js';

/** What the peer (mail server, HTTP receiver, recorder) saw of one delivered message. */
export interface DeliveredNotification {
  /** The idempotency key as the peer received it (a header, a field, or the record). */
  readonly idempotencyKey: string;
  readonly orderId: string;
  readonly event: string;
  /** The recipient addresses this message reached. */
  readonly addresses: readonly string[];
}

/** A notifier wired to a live peer, and a window on what that peer received. */
export interface NotifierHarness {
  readonly notifier: Notifier;
  /** Everything the peer has received so far, oldest first. */
  delivered(): Promise<readonly DeliveredNotification[]>;
  /** Stops the peer and frees its resources. */
  close(): Promise<void>;
}

/** How the contract suite builds the implementation under test. */
export interface NotifierContractOptions {
  /** A fresh notifier and peer for each test. */
  readonly setup: () => Promise<NotifierHarness>;
  /**
   * A notifier whose peer is down (connection refused). When given, the suite checks that
   * sending resolves to a retryable `NotifyFailed` instead of rejecting.
   */
  readonly unreachable?: () => Promise<Notifier>;
}

const recipient = (
  role: string,
  address: string,
  locale: Recipient['locale'],
  actorId: string | null = null,
): Recipient => ({ role, actorId, address, locale });

/** A notification the suite sends; `key` keeps idempotency keys distinct between tests. */
const sampleNotification = (key: string, recipients: readonly Recipient[]): Notification => ({
  idempotencyKey: `contract-${key}`,
  orderId: `order-${key}`,
  event: 'orderApproved',
  template: 'order-approved',
  recipients,
  data: {
    orderId: `order-${key}`,
    productName: '稳健增利一号',
    amount: '1000000.00',
    currency: 'CNY',
  },
});

/**
 * Registers the `Notifier` contract suite under `describe(name)`.
 *
 * @example
 * notifierContract('SmtpNotifier', { setup: async () => startSmtpHarness() });
 */
export function notifierContract(name: string, options: NotifierContractOptions): void {
  describe(`${name} (Notifier contract)`, () => {
    const open: NotifierHarness[] = [];
    const start = async (): Promise<NotifierHarness> => {
      const harness = await options.setup();
      open.push(harness);
      return harness;
    };

    afterEach(async () => {
      await Promise.all(open.splice(0).map((h) => h.close()));
    });

    it('delivers one notification to every recipient and reports a message id', async () => {
      const h = await start();
      const n = sampleNotification('every-recipient', [
        recipient('riskOfficer', 'risk@example.com', 'zh-CN', 'u-risk'),
        recipient('financeOfficer', 'finance@example.com', 'en', 'u-fin'),
      ]);

      const result = await h.notifier.send(n);

      expect(E.isRight(result)).toBe(true);
      if (E.isRight(result)) expect(result.right.messageId.length).toBeGreaterThan(0);
      const got = (await h.delivered()).filter((d) => d.idempotencyKey === n.idempotencyKey);
      expect(new Set(got.flatMap((d) => d.addresses))).toEqual(
        new Set(['risk@example.com', 'finance@example.com']),
      );
      for (const d of got) {
        expect(d.orderId).toBe(n.orderId);
        expect(d.event).toBe(n.event);
      }
    });

    it('carries the same idempotency key when the same notification is sent again', async () => {
      const h = await start();
      const n = sampleNotification('resend', [recipient('sales', 'sales@example.com', 'en')]);

      const first = await h.notifier.send(n);
      const second = await h.notifier.send(n);

      expect(E.isRight(first) && E.isRight(second)).toBe(true);
      const got = await h.delivered();
      expect(got.length).toBeGreaterThanOrEqual(2);
      expect(got.every((d) => d.idempotencyKey === n.idempotencyKey)).toBe(true);
    });

    it('keeps notifications of different effects apart', async () => {
      const h = await start();
      const a = sampleNotification('apart-a', [recipient('sales', 'a@example.com', 'en')]);
      const b = sampleNotification('apart-b', [recipient('sales', 'b@example.com', 'zh-CN')]);

      await h.notifier.send(a);
      await h.notifier.send(b);

      const got = await h.delivered();
      const keys = new Set(got.map((d) => d.idempotencyKey));
      expect(keys).toEqual(new Set([a.idempotencyKey, b.idempotencyKey]));
      const toA = got.filter((d) => d.idempotencyKey === a.idempotencyKey);
      expect(toA.flatMap((d) => d.addresses)).toEqual(['a@example.com']);
    });

    const unreachable = options.unreachable;
    if (unreachable !== undefined) {
      it('resolves to a retryable failure when the peer is down', async () => {
        const notifier = await unreachable();
        const n = sampleNotification('down', [recipient('sales', 'down@example.com', 'en')]);

        const result = await notifier.send(n);

        expect(result).toMatchObject({ _tag: 'Left', left: { _tag: 'NotifyFailed' } });
        if (E.isLeft(result)) expect(result.left.retryable).toBe(true);
      });
    }
  });
}
