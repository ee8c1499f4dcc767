/** A `Notifier` that POSTs each notification as signed JSON to one HTTP endpoint. */
import type { Clock, Notification, Notifier, NotifyFailed } from '@orderflow/core';
import * as E from 'fp-ts/lib/Either.js';
import { signWebhookPayload } from './signWebhookPayload.js';
import type { WebhookPayload } from './WebhookPayload.js';
import { WEBHOOK_HEADERS } from './webhookHeaders.js';

/** Where to POST, how to sign, and how hard to try within one `send`. */
export interface WebhookNotifierOptions {
  /** The receiver's URL. */
  readonly url: string;
  /** Shared secret for the HMAC-SHA256 signature. */
  readonly secret: string;
  /** Time source for the signed timestamp and `sentAt`. */
  readonly clock: Clock;
  /** Defaults to the global `fetch`. */
  readonly fetch?: typeof fetch;
  /** Per-attempt timeout; default 10 s. */
  readonly timeoutMs?: number;
  /** Attempts within one `send` on 5xx, 408, 429, network errors and timeouts; default 3. */
  readonly attempts?: number;
  /** First backoff delay; doubles after each failed attempt. Default 200 ms. */
  readonly backoffMs?: number;
}

type Attempt =
  | { readonly ok: true }
  | { readonly ok: false; readonly retryable: boolean; readonly message: string };

const retryableStatus = (status: number): boolean =>
  status >= 500 || status === 408 || status === 429;

const pause = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/**
 * Creates a webhook `Notifier`: one JSON POST per notification, signed over
 * timestamp + body, retried with backoff on 5xx and timeouts, never on other 4xx.
 *
 * @example
 * const notifier = createWebhookNotifier({ url, secret, clock: systemClock });
 */
export function createWebhookNotifier(options: WebhookNotifierOptions): Notifier {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const attempts = Math.max(1, options.attempts ?? 3);
  const backoffMs = options.backoffMs ?? 200;

  const attempt = async (notification: Notification): Promise<Attempt> => {
    const nowMs = options.clock.now();
    const payload: WebhookPayload = {
      id: notification.idempotencyKey,
      event: notification.event,
      orderId: notification.orderId,
      template: notification.template,
      recipients: notification.recipients,
      data: notification.data,
      sentAt: new Date(nowMs).toISOString(),
    };
    const body = JSON.stringify(payload);
    const timestamp = Math.floor(nowMs / 1000);
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      const response = await doFetch(options.url, {
        method: 'POST',
        body,
        signal: abort.signal,
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          [WEBHOOK_HEADERS.signature]: signWebhookPayload(options.secret, timestamp, body),
          [WEBHOOK_HEADERS.timestamp]: String(timestamp),
          [WEBHOOK_HEADERS.idempotencyKey]: notification.idempotencyKey,
          [WEBHOOK_HEADERS.event]: notification.event,
        },
      });
      // Drain the body so the connection is released; its content is not used.
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return { ok: true };
      return {
        ok: false,
        retryable: retryableStatus(response.status),
        message: `webhook ${options.url} answered HTTP ${response.status}`,
      };
    } catch (cause) {
      const message = abort.signal.aborted
        ? `webhook ${options.url} timed out after ${timeoutMs} ms`
        : `webhook ${options.url} unreachable: ${cause instanceof Error ? cause.message : String(cause)}`;
      return { ok: false, retryable: true, message };
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    async send(notification) {
      let tried = 0;
      for (;;) {
        if (tried > 0) await pause(backoffMs * 2 ** (tried - 1));
        const result = await attempt(notification);
        tried += 1;
        if (result.ok) return E.right({ messageId: notification.idempotencyKey });
        if (!result.retryable || tried >= attempts) {
          const failed: NotifyFailed = {
            _tag: 'NotifyFailed',
            message: `${result.message} (attempt ${tried} of ${attempts})`,
            retryable: result.retryable,
          };
          return E.left(failed);
        }
      }
    },
  };
}
