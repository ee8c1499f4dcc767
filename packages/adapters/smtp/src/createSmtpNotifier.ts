/** A `Notifier` that sends one email per recipient over SMTP with nodemailer. */
import { createHash } from 'node:crypto';
import type { Notification, Notifier, NotifyFailed, Recipient } from '@orderflow/core';
import * as E from 'fp-ts/lib/Either.js';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { defaultTemplates } from './defaultTemplates.js';
import type { TemplateMap } from './NotificationTemplate.js';
import { renderNotification } from './renderNotification.js';

/** SMTP server, sender, templates, and how hard to try within one `send`. */
export interface SmtpNotifierOptions {
  /** nodemailer SMTP options: `host`, `port`, `secure`, `auth`, `tls`, … */
  readonly transport: SMTPTransport.Options;
  /** The From address, e.g. `"orderflow" <orderflow@bank.example>`. */
  readonly from: string;
  /** Added to (and replacing by name) the built-in `defaultTemplates`. */
  readonly templates?: TemplateMap;
  /** Currency of amounts when the data names none; default `CNY`. */
  readonly currency?: string;
  /** Attempts per message on a 4xx (transient) reply; default 3. */
  readonly attempts?: number;
  /** Wait before the second attempt; doubles after each. Default 1 s. */
  readonly retryDelayMs?: number;
  /** Connection, greeting and socket timeout in ms unless `transport` sets them; default 30 s. */
  readonly timeoutMs?: number;
  /** Right-hand side of generated Message-IDs; default the domain of `from`. */
  readonly messageIdDomain?: string;
  /** Keep SMTP connections open and reuse them (nodemailer pool); default false. */
  readonly pool?: boolean;
}

/** An SMTP notifier holds a connection pool; `close` releases it. */
export interface SmtpNotifier extends Notifier {
  close(): void;
}

/** Header names every message carries, so receivers and tests can trace it to its effect. */
export const SMTP_HEADERS = {
  orderId: 'X-Orderflow-Order-Id',
  event: 'X-Orderflow-Event',
  idempotencyKey: 'X-Orderflow-Idempotency-Key',
} as const;

/** `transient`: a 4xx reply; `permanent`: a 5xx reply; `unreachable`: no reply at all. */
type Outcome =
  | { readonly ok: true; readonly messageId: string }
  | {
      readonly ok: false;
      readonly kind: 'transient' | 'permanent' | 'unreachable';
      readonly message: string;
    };

interface SmtpErrorShape {
  readonly message?: unknown;
  readonly responseCode?: unknown;
  readonly code?: unknown;
}

const describeError = (error: unknown): { code: number | undefined; message: string } => {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SmtpErrorShape;
  const code = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const text = typeof e.message === 'string' ? e.message : String(error);
  const errno = typeof e.code === 'string' ? ` [${e.code}]` : '';
  return { code, message: `${text}${errno}` };
};

/** Good enough to catch what is not an address at all (e.g. `role:operations`); the server judges the rest. */
const EMAIL = /^[^\s@<>]+@[^\s@<>]+$/;

const pause = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/** A Message-ID stable across retries of one effect to one address, so duplicates can be dropped. */
const messageIdFor = (notification: Notification, recipient: Recipient, domain: string): string => {
  const digest = createHash('sha256')
    .update(`${notification.idempotencyKey}\n${recipient.address}`)
    .digest('hex')
    .slice(0, 32);
  return `<${digest}@${domain}>`;
};

/**
 * Creates an SMTP `Notifier`: renders the named template in each recipient's locale with
 * personal data masked, and sends one message per recipient. A 4xx reply is retried up to
 * `attempts`; a 5xx reply fails as not retryable; a timeout or refused connection fails as
 * retryable (the engine's outbox tries again later).
 *
 * @example
 * const notifier = createSmtpNotifier({ transport: { host: 'smtp.bank.example', port: 587 }, from: 'orderflow@bank.example' });
 */
export function createSmtpNotifier(options: SmtpNotifierOptions): SmtpNotifier {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const settings = {
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    ...options.transport,
  };
  // A pool keeps connections open between messages: no TCP and EHLO per email.
  const transporter: Pick<Transporter, 'sendMail' | 'close'> =
    options.pool === true
      ? nodemailer.createTransport({ ...settings, pool: true } as SMTPPool.Options)
      : nodemailer.createTransport(settings);
  const templates: TemplateMap = { ...defaultTemplates, ...options.templates };
  const attempts = Math.max(1, options.attempts ?? 3);
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const domain =
    options.messageIdDomain ?? /@([^>\s]+)>?\s*$/.exec(options.from)?.[1] ?? 'orderflow.invalid';

  const deliverOnce = async (
    notification: Notification,
    recipient: Recipient,
    content: { subject: string; text: string; html: string },
  ): Promise<Outcome> => {
    const messageId = messageIdFor(notification, recipient, domain);
    try {
      await transporter.sendMail({
        from: options.from,
        to: recipient.address,
        subject: content.subject,
        text: content.text,
        html: content.html,
        messageId,
        headers: {
          [SMTP_HEADERS.orderId]: notification.orderId,
          [SMTP_HEADERS.event]: notification.event,
          [SMTP_HEADERS.idempotencyKey]: notification.idempotencyKey,
        },
      });
      return { ok: true, messageId };
    } catch (error) {
      const { code, message } = describeError(error);
      const kind = code === undefined ? 'unreachable' : code >= 500 ? 'permanent' : 'transient';
      return { ok: false, kind, message: `SMTP to ${recipient.address}: ${message}` };
    }
  };

  const deliver = async (
    notification: Notification,
    recipient: Recipient,
    content: { subject: string; text: string; html: string },
  ): Promise<Outcome> => {
    let tried = 0;
    for (;;) {
      if (tried > 0) await pause(retryDelayMs * 2 ** (tried - 1));
      const outcome = await deliverOnce(notification, recipient, content);
      tried += 1;
      if (outcome.ok || outcome.kind !== 'transient' || tried >= attempts) return outcome;
    }
  };

  return {
    async send(notification) {
      if (notification.recipients.length === 0) {
        const failed: NotifyFailed = {
          _tag: 'NotifyFailed',
          message: `notification ${notification.idempotencyKey} has no recipients`,
          retryable: false,
        };
        return E.left(failed);
      }
      const unusable = notification.recipients
        .map((r) => r.address)
        .filter((address) => !EMAIL.test(address));
      if (unusable.length > 0) {
        const failed: NotifyFailed = {
          _tag: 'NotifyFailed',
          message: `not email addresses: ${unusable.join(', ')} (does the engine have a Directory?)`,
          retryable: false,
        };
        return E.left(failed);
      }
      const rendered = [];
      for (const recipient of notification.recipients) {
        const content = renderNotification(templates, notification, recipient, options.currency);
        if (E.isLeft(content)) {
          const failed: NotifyFailed = {
            _tag: 'NotifyFailed',
            message: `no template "${content.left.template}" (known: ${content.left.known.join(', ')})`,
            retryable: false,
          };
          return E.left(failed);
        }
        rendered.push({ recipient, content: content.right });
      }
      const ids: string[] = [];
      const failures: string[] = [];
      let retryable = false;
      for (const { recipient, content } of rendered) {
        const outcome = await deliver(notification, recipient, content);
        if (outcome.ok) {
          ids.push(outcome.messageId);
          continue;
        }
        failures.push(outcome.message);
        // A 5xx is final; a 4xx after the last attempt, a timeout or a refused connection
        // may pass later.
        if (outcome.kind !== 'permanent') retryable = true;
      }
      if (failures.length > 0) {
        const failed: NotifyFailed = {
          _tag: 'NotifyFailed',
          message: failures.join('; '),
          retryable,
        };
        return E.left(failed);
      }
      return E.right({ messageId: ids.join(' ') });
    },
    close() {
      transporter.close();
    },
  };
}
