/** Money for people to read: integer minor units formatted per currency and locale via Intl. */

const fractionDigits = (currency: string): number =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits ?? 2;

/** The exact decimal string of `minor` minor units of `currency` (`123456`, CNY → `1234.56`). */
export function minorToDecimal(minor: number | bigint, currency: string): string {
  if (typeof minor === 'number' && !Number.isSafeInteger(minor)) {
    throw new RangeError(`minor units must be a safe integer, got ${minor}`);
  }
  const digits = fractionDigits(currency);
  const value = BigInt(minor);
  const sign = value < 0n ? '-' : '';
  const abs = (value < 0n ? -value : value).toString().padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${abs}` : `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/**
 * Formats an amount in integer minor units for a reader of `locale`, exactly (no binary
 * floating point on the way): `formatAmountForLocale(100000000, 'CNY', 'zh-CN')` → `¥1,000,000.00`.
 */
export function formatAmountForLocale(
  minor: number | bigint,
  currency: string,
  locale: string,
): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  // Intl formats a decimal string exactly; a number could lose cents above 2^53.
  return format.format(minorToDecimal(minor, currency) as `${number}`);
}

/**
 * Parses a decimal string amount (`"1000000.00"`) into minor units of `currency`, or
 * `undefined` when it is not a plain decimal with at most the currency's digits.
 */
export function decimalToMinor(decimal: string, currency: string): bigint | undefined {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (match === null) return undefined;
  const digits = fractionDigits(currency);
  const fraction = match[3] ?? '';
  if (fraction.length > digits) return undefined;
  const units = BigInt(`${match[2]}${fraction.padEnd(digits, '0')}`);
  return match[1] === '-' ? -units : units;
}
