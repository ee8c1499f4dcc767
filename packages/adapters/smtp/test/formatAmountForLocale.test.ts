import { decimalToMinor, formatAmountForLocale, minorToDecimal } from '@orderflow/smtp';
import { describe, expect, it } from 'vitest';

describe('formatAmountForLocale', () => {
  it('formats yuan for a Chinese reader and for an English one', () => {
    expect(formatAmountForLocale(100000000, 'CNY', 'zh-CN')).toBe('¥1,000,000.00');
    expect(formatAmountForLocale(100000000, 'CNY', 'en')).toBe('CN¥1,000,000.00');
  });

  it('keeps every cent of an amount beyond 2^53 minor units', () => {
    expect(formatAmountForLocale(12345678901234567891n, 'CNY', 'en')).toBe(
      'CN¥123,456,789,012,345,678.91',
    );
  });

  it('uses the currency’s own number of decimals', () => {
    expect(formatAmountForLocale(1500, 'JPY', 'en')).toBe('¥1,500');
    expect(formatAmountForLocale(-1999, 'USD', 'en')).toBe('-$19.99');
  });
});

describe('decimal strings and minor units', () => {
  it('round-trips a decimal string through minor units', () => {
    expect(decimalToMinor('1000000.5', 'CNY')).toBe(100000050n);
    expect(minorToDecimal(100000050n, 'CNY')).toBe('1000000.50');
    expect(minorToDecimal(7, 'CNY')).toBe('0.07');
  });

  it('refuses more decimals than the currency has', () => {
    expect(decimalToMinor('1.001', 'CNY')).toBeUndefined();
    expect(decimalToMinor('1.5', 'JPY')).toBeUndefined();
  });
});
