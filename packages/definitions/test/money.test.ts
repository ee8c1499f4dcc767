import { currencyDigits, formatAmount, parseAmount } from '@orderflow/definitions';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';

describe('currencyDigits', () => {
  it.each([
    ['CNY', 2],
    ['USD', 2],
    ['JPY', 0],
    ['KWD', 3],
  ])('%s has %i digits', (currency, digits) => {
    expect(currencyDigits(currency)).toBe(digits);
  });
});

describe('parseAmount', () => {
  it.each([
    ['1000000.00', 'CNY', 100000000],
    ['1000000', 'CNY', 100000000],
    ['0.01', 'CNY', 1],
    ['0', 'CNY', 0],
    ['12.5', 'CNY', 1250],
    ['100', 'JPY', 100],
    ['1.234', 'KWD', 1234],
  ])('reads %s %s as %i minor units', (text, currency, minor) => {
    expect(parseAmount(text, currency)).toEqual(E.right(minor));
  });

  it.each([
    ['1,000', 'format'],
    ['1e6', 'format'],
    ['-5.00', 'format'],
    ['+5', 'format'],
    [' 5', 'format'],
    ['01.00', 'format'],
    ['5.', 'format'],
    ['.5', 'format'],
    ['', 'format'],
    ['1.001', 'precision'],
    ['99999999999999999.99', 'range'],
  ])('refuses %j (%s)', (text, reason) => {
    const parsed = parseAmount(text, 'CNY');
    expect(E.isLeft(parsed) && [parsed.left._tag, parsed.left.reason]).toEqual([
      'AmountInvalid',
      reason,
    ]);
  });

  it('refuses any decimals for a currency that has none', () => {
    const parsed = parseAmount('100.5', 'JPY');
    expect(E.isLeft(parsed) && parsed.left.message).toBe('"100.5" has 1 decimal; JPY has 0');
  });
});

describe('formatAmount', () => {
  it.each([
    [100000000, 'CNY', '1000000.00'],
    [1, 'CNY', '0.01'],
    [0, 'CNY', '0.00'],
    [-1250, 'CNY', '-12.50'],
    [100, 'JPY', '100'],
  ])('writes %i %s as %s', (minor, currency, text) => {
    expect(formatAmount(minor, currency)).toBe(text);
  });

  it('round-trips every safe non-negative amount through parseAmount', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.constantFrom('CNY', 'JPY', 'KWD'), (minor, currency) => {
        expect(parseAmount(formatAmount(minor, currency), currency)).toEqual(E.right(minor));
      }),
    );
  });
});
