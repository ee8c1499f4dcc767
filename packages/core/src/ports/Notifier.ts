/** The notification port: email, webhook, or anything that tells people what happened. */
import type { Either } from 'fp-ts/lib/Either.js';
import type { JsonObject } from '../domain/Json.js';

/** One resolved recipient. */
export interface Recipient {
  readonly role: string;
  readonly actorId: string | null;
  readonly address: string;
  readonly locale: 'zh-CN' | 'en';
}

/** One notification to send. `idempotencyKey` is stable across retries of the same effect. */
export interface Notification {
  readonly idempotencyKey: string;
  readonly orderId: string;
  /** The event that triggered it, e.g. `orderApproved`, `slaBreached`. */
  readonly event: string;
  readonly template: string;
  readonly recipients: readonly Recipient[];
  /** Order facts the template may use (already free of secrets; personal data masked by the adapter). */
  readonly data: JsonObject;
}

/** A failed delivery. `retryable` tells the outbox whether to try again. */
export interface NotifyFailed {
  readonly _tag: 'NotifyFailed';
  readonly message: string;
  readonly retryable: boolean;
}

/** Sends notifications. */
export interface Notifier {
  send(notification: Notification): Promise<Either<NotifyFailed, { readonly messageId: string }>>;
}
