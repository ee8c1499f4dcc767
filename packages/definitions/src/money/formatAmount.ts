/** Integer minor units (the inside) to decimal amount strings (the edge). */
import { currencyDigits } from './currencyDigits.js';

/**
 * Formats integer minor units of `currency` as a decimal string with exactly the
 * currency's fraction digits. Throws a `RangeError` for a non-integer or unsafe integer
 * (a programmer error: minor units are always safe integers).
 *
 * @example formatAmount(100000000, 'CNY') // '1000000.00'
 */
export function formatAmount(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) {
    throw new RangeError(`formatAmount: ${minor} is not a safe integer of minor units`);
  }
  const digits = currencyDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = BigInt(Math.abs(minor));
  if (digits === 0) return `${sign}${abs}`;
  const scale = 10n ** BigInt(digits);
  return `${sign}${abs / scale}.${(abs % scale).toString().padStart(digits, '0')}`;
}
