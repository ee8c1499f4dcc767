/** Receiver side of a webhook: signature, replay window and body shape, in that order. */
import { errorPaths, type HeaderSource, readHeader, sameTextInConstantTime } from '@orderflow/core';
import * as E from 'fp-ts/lib/Either.js';
import { signWebhookPayload } from './signWebhookPayload.js';
import { WebhookPayload } from './WebhookPayload.js';
import type { WebhookRejected } from './WebhookRejected.js';
import { WEBHOOK_HEADERS } from './webhookHeaders.js';

/** The receiver's clock and replay window. */
export interface VerifyWebhookOptions {
  /** The receiver's current time, unix milliseconds (from its Clock). */
  readonly now: number;
  /** How far the signed timestamp may lie from `now`, either way; default 5 minutes. */
  readonly toleranceMs?: number;
}

/** A verified webhook: the decoded payload and the headers that came with it. */
export interface VerifiedWebhook {
  readonly payload: WebhookPayload;
  readonly idempotencyKey: string;
  readonly event: string;
  /** When the sender signed it, unix milliseconds. */
  readonly signedAtMs: number;
}

const DEFAULT_TOLERANCE_MS = 5 * 60_000;

/**
 * Checks a received webhook: the HMAC over `${timestamp}.${body}`, the timestamp within
 * `toleranceMs` of `now`, then decodes the body. Pass the body exactly as received.
 *
 * @example
 * const verified = verifyWebhook(secret, req.headers, rawBody, { now: clock.now() });
 * if (E.isLeft(verified)) return reply(401, verified.left.reason);
 */
export function verifyWebhook(
  secret: string,
  headers: HeaderSource,
  body: string,
  options: VerifyWebhookOptions,
): E.Either<WebhookRejected, VerifiedWebhook> {
  const missing = (header: string): E.Either<WebhookRejected, never> =>
    E.left({ _tag: 'WebhookRejected', reason: 'missingHeader', header });
  const signature = readHeader(headers, WEBHOOK_HEADERS.signature);
  if (signature === undefined) return missing(WEBHOOK_HEADERS.signature);
  const timestampText = readHeader(headers, WEBHOOK_HEADERS.timestamp);
  if (timestampText === undefined) return missing(WEBHOOK_HEADERS.timestamp);
  const idempotencyKey = readHeader(headers, WEBHOOK_HEADERS.idempotencyKey);
  if (idempotencyKey === undefined) return missing(WEBHOOK_HEADERS.idempotencyKey);
  const event = readHeader(headers, WEBHOOK_HEADERS.event);
  if (event === undefined) return missing(WEBHOOK_HEADERS.event);

  const timestamp = /^\d{1,15}$/.test(timestampText) ? Number(timestampText) : Number.NaN;
  if (
    Number.isNaN(timestamp) ||
    !sameTextInConstantTime(signature, signWebhookPayload(secret, timestamp, body))
  ) {
    return E.left({ _tag: 'WebhookRejected', reason: 'badSignature' });
  }
  const toleranceMs = options.toleranceMs ?? DEFAULT_TOLERANCE_MS;
  const signedAtMs = timestamp * 1000;
  if (Math.abs(options.now - signedAtMs) > toleranceMs) {
    return E.left({
      _tag: 'WebhookRejected',
      reason: 'stale',
      signedAtMs,
      nowMs: options.now,
      toleranceMs,
    });
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return E.left({ _tag: 'WebhookRejected', reason: 'invalidBody', errors: ['(not JSON)'] });
  }
  const decoded = WebhookPayload.decode(parsed);
  if (E.isLeft(decoded)) {
    return E.left({
      _tag: 'WebhookRejected',
      reason: 'invalidBody',
      errors: errorPaths(decoded.left),
    });
  }
  return E.right({ payload: decoded.right, idempotencyKey, event, signedAtMs });
}
