/** Decimal amount strings (the edge) to integer minor units (the inside). */
import * as E from 'fp-ts/lib/Either.js';
import { currencyDigits } from './currencyDigits.js';

/** Why an amount string was refused. */
export type AmountInvalidReason = 'format' | 'precision' | 'range';

/** An amount string that is not a valid amount of its currency. */
export interface AmountInvalid {
  readonly _tag: 'AmountInvalid';
  readonly reason: AmountInvalidReason;
  readonly text: string;
  readonly currency: string;
  readonly message: string;
}

const DECIMAL = /^(0|[1-9]\d*)(?:\.(\d+))?$/;

/**
 * Parses a decimal amount string into integer minor units of `currency`. Refuses signs,
 * thousands separators, exponents, more fraction digits than the currency has, and values
 * beyond `Number.MAX_SAFE_INTEGER` minor units.
 *
 * @example parseAmount('1000000.00', 'CNY') // right(100000000)
 */
export function parseAmount(text: string, currency: string): E.Either<AmountInvalid, number> {
  const invalid = (reason: AmountInvalidReason, message: string): E.Either<AmountInvalid, number> =>
    E.left({ _tag: 'AmountInvalid', reason, text, currency, message });
  const match = DECIMAL.exec(text);
  if (match === null) {
    return invalid(
      'format',
      `expected a decimal amount string such as "1000000.00" (no sign, separators or exponent), got ${JSON.stringify(text)}`,
    );
  }
  const digits = currencyDigits(currency);
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    return invalid(
      'precision',
      `${JSON.stringify(text)} has ${plural(fraction.length, 'decimal')}; ${currency} has ${digits}`,
    );
  }
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) {
    return invalid('range', `${JSON.stringify(text)} is too large to hold exactly`);
  }
  return E.right(Number(minor));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
