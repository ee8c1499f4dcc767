/** HMAC-SHA256 signature of a webhook: the one formula sender and receiver share. */
import { createHmac } from 'node:crypto';

/**
 * Signs `${timestamp}.${body}` with HMAC-SHA256 and returns the header value `v1=<hex>`.
 *
 * @example
 * signWebhookPayload('s3cret', 1764230400, '{"event":"orderApproved"}'); // 'v1=5f…'
 */
export function signWebhookPayload(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
  return `v1=${mac}`;
}
