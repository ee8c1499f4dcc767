/**
 * The wire format of the e-signature protocol as io-ts codecs: what the client sends, what
 * the provider answers, and the callbacks it posts. Both sides decode before they trust.
 */
import * as t from 'io-ts';

/** `POST /envelopes` body. */
export const CreateEnvelopeBody = t.readonly(
  t.type({
    orderId: t.string,
    contractId: t.string,
    signer: t.readonly(t.type({ id: t.string, name: t.string })),
    document: t.readonly(t.type({ contentType: t.string, base64: t.string })),
    callbackUrl: t.union([t.string, t.null]),
    /** ISO-8601; the provider expires the envelope then. */
    expiresAt: t.string,
  }),
  'CreateEnvelopeBody',
);
/** @see CreateEnvelopeBody */
export type CreateEnvelopeBody = t.TypeOf<typeof CreateEnvelopeBody>;

/** Lifecycle of an envelope at the provider. */
export const EnvelopeStatus = t.keyof(
  { sent: null, completed: null, declined: null, expired: null },
  'EnvelopeStatus',
);
/** @see EnvelopeStatus */
export type EnvelopeStatus = t.TypeOf<typeof EnvelopeStatus>;

/** The provider's view of an envelope (`POST /envelopes`, `GET /envelopes/:id`). */
export const EnvelopeView = t.readonly(
  t.type({
    envelopeId: t.string,
    status: EnvelopeStatus,
    signingUrl: t.string,
    expiresAt: t.string,
  }),
  'EnvelopeView',
);
/** @see EnvelopeView */
export type EnvelopeView = t.TypeOf<typeof EnvelopeView>;

const CallbackBase = {
  eventId: t.string,
  envelopeId: t.string,
  orderId: t.string,
  contractId: t.string,
  occurredAt: t.string,
};

/** Callback: the signer signed; the document hash and the verified identity come with it. */
export const EnvelopeCompleted = t.readonly(
  t.type({
    ...CallbackBase,
    type: t.literal('envelope.completed'),
    signer: t.readonly(t.type({ identity: t.string })),
    document: t.readonly(t.type({ sha256: t.string, url: t.string })),
  }),
  'EnvelopeCompleted',
);

/** Callback: the signer declined. */
export const EnvelopeDeclined = t.readonly(
  t.type({ ...CallbackBase, type: t.literal('envelope.declined'), reason: t.string }),
  'EnvelopeDeclined',
);

/** Callback: the signing link expired unsigned. */
export const EnvelopeExpired = t.readonly(
  t.type({ ...CallbackBase, type: t.literal('envelope.expired') }),
  'EnvelopeExpired',
);

/** Any callback the provider posts. */
export const CallbackBody = t.union(
  [EnvelopeCompleted, EnvelopeDeclined, EnvelopeExpired],
  'CallbackBody',
);
/** @see CallbackBody */
export type CallbackBody = t.TypeOf<typeof CallbackBody>;
