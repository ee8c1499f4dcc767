/** The number of minor-unit digits of a currency (2 for CNY, 0 for JPY), from Intl. */

const cache = new Map<string, number>();

/**
 * Returns how many fraction digits the currency has, as this runtime's Intl knows it.
 * Throws a `RangeError` for a code that is not a currency (a programmer error: codes in a
 * definition are validated at load).
 *
 * @example currencyDigits('CNY') // 2
 */
export function currencyDigits(currency: string): number {
  const known = cache.get(currency);
  if (known !== undefined) return known;
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  cache.set(currency, digits);
  return digits;
}
