/** The JSON body of an orderflow webhook, with its io-ts codec for receivers. */
import * as t from 'io-ts';

const JsonObjectCodec = t.UnknownRecord;

/** One recipient named in the webhook, as the directory resolved it. */
export const WebhookRecipient = t.readonly(
  t.type({
    role: t.string,
    actorId: t.union([t.string, t.null]),
    address: t.string,
    locale: t.keyof({ 'zh-CN': null, en: null }),
  }),
  'WebhookRecipient',
);

/** The body of one webhook POST: the notification plus when it was sent. */
export const WebhookPayload = t.readonly(
  t.type({
    /** The notification's idempotency key, also in the `Idempotency-Key` header. */
    id: t.string,
    event: t.string,
    orderId: t.string,
    template: t.string,
    recipients: t.readonlyArray(WebhookRecipient),
    data: JsonObjectCodec,
    /** ISO-8601 instant of this attempt (from the sender's clock). */
    sentAt: t.string,
  }),
  'WebhookPayload',
);
/** @see WebhookPayload */
export type WebhookPayload = t.TypeOf<typeof WebhookPayload>;
