/** Comparing a received signature with the expected one without leaking where they differ. */
import { timingSafeEqual } from 'node:crypto';

/**
 * Whether two strings are equal, compared in time that depends only on their length (for
 * HMAC signatures in headers).
 *
 * @example sameTextInConstantTime(receivedSignature, signPayload(secret, timestamp, body))
 */
export const sameTextInConstantTime = (a: string, b: string): boolean => {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
};
