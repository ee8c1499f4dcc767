/** HMAC-SHA256 over timestamp and body: how provider callbacks are signed. */
import { createHmac } from 'node:crypto';

/** Signs `${timestamp}.${body}` and returns the header value `v1=<hex>`. */
export function signCallbackPayload(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}
