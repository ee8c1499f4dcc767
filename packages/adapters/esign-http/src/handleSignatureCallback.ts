/**
 * Receiver side of provider callbacks: HMAC, replay window, body codec, event id seen
 * before, then the engine event (completed → evidence, declined, expired).
 */
import { errorPaths, type HeaderSource, readHeader, sameTextInConstantTime } from '@orderflow/core';
import * as E from 'fp-ts/lib/Either.js';
import { ESIGN_HEADERS } from './esignHeaders.js';
import { CallbackBody } from './protocol.js';
import type {
  SignatureCallbackEvent,
  SignatureCallbackRejected,
  SignatureEngineEvent,
} from './SignatureCallbackEvent.js';
import { signCallbackPayload } from './signCallbackPayload.js';

/** The event ids already handled: a `Set<string>` works; a database table scales out. */
export interface SeenEvents {
  has(eventId: string): boolean;
  add(eventId: string): unknown;
}

/** The receiver's clock, window and memory of handled events. */
export interface CallbackOptions {
  /** The receiver's current time, unix milliseconds (from its Clock). */
  readonly now: number;
  /** How far the signed timestamp may lie from `now`, either way; default 5 minutes. */
  readonly toleranceMs?: number;
  /** Event ids handled before; the id of an accepted callback is added. */
  readonly seen: SeenEvents;
}

const DEFAULT_TOLERANCE_MS = 5 * 60_000;

type Untagged<T> = T extends unknown ? Omit<T, '_tag'> : never;

const reject = (
  r: Untagged<SignatureCallbackRejected>,
): E.Either<SignatureCallbackRejected, never> =>
  E.left({ _tag: 'SignatureCallbackRejected', ...r });

const engineEvent = (body: CallbackBody): SignatureEngineEvent => {
  switch (body.type) {
    case 'envelope.completed':
      return {
        type: 'signatureCompleted',
        evidence: {
          documentSha256: body.document.sha256,
          signerIdentity: body.signer.identity,
          signedAt: body.occurredAt,
          envelopeId: body.envelopeId,
          documentRef: body.document.url,
        },
      };
    case 'envelope.declined':
      return { type: 'signatureDeclined', reason: body.reason };
    case 'envelope.expired':
      return { type: 'signatureExpired' };
  }
};

/**
 * Verifies a provider callback and maps it to an engine event. Pass the raw body exactly as
 * received. The event id is remembered in `seen` only when every check passed.
 *
 * @example
 * const r = handleSignatureCallback(secret, req.headers, raw, { now: clock.now(), seen });
 * if (E.isRight(r)) await engine.dispatch(r.right.orderId, r.right.event, { actor: SYSTEM_ACTOR });
 */
export function handleSignatureCallback(
  secret: string,
  headers: HeaderSource,
  body: string,
  options: CallbackOptions,
): E.Either<SignatureCallbackRejected, SignatureCallbackEvent> {
  const signature = readHeader(headers, ESIGN_HEADERS.signature);
  if (signature === undefined)
    return reject({ reason: 'missingHeader', header: ESIGN_HEADERS.signature });
  const timestampText = readHeader(headers, ESIGN_HEADERS.timestamp);
  if (timestampText === undefined)
    return reject({ reason: 'missingHeader', header: ESIGN_HEADERS.timestamp });
  const eventId = readHeader(headers, ESIGN_HEADERS.eventId);
  if (eventId === undefined)
    return reject({ reason: 'missingHeader', header: ESIGN_HEADERS.eventId });

  const timestamp = /^\d{1,15}$/.test(timestampText) ? Number(timestampText) : Number.NaN;
  if (
    Number.isNaN(timestamp) ||
    !sameTextInConstantTime(signature, signCallbackPayload(secret, timestamp, body))
  ) {
    return reject({ reason: 'badSignature' });
  }
  const toleranceMs = options.toleranceMs ?? DEFAULT_TOLERANCE_MS;
  const signedAtMs = timestamp * 1000;
  if (Math.abs(options.now - signedAtMs) > toleranceMs) {
    return reject({ reason: 'stale', signedAtMs, nowMs: options.now, toleranceMs });
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return reject({ reason: 'invalidBody', errors: ['(not JSON)'] });
  }
  const decoded = CallbackBody.decode(parsed);
  if (E.isLeft(decoded)) return reject({ reason: 'invalidBody', errors: errorPaths(decoded.left) });
  const callback = decoded.right;
  if (callback.eventId !== eventId) {
    return reject({
      reason: 'invalidBody',
      errors: [`eventId differs from ${ESIGN_HEADERS.eventId}`],
    });
  }
  if (options.seen.has(eventId)) return reject({ reason: 'replayed', eventId });
  options.seen.add(eventId);

  return E.right({
    eventId,
    orderId: callback.orderId,
    contractId: callback.contractId,
    envelopeId: callback.envelopeId,
    event: engineEvent(callback),
  });
}
