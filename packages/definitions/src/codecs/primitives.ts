/**
 * The scalar codecs of the definition format. Each fails with a message that says what
 * was expected, so the loader can print it next to the file position.
 */
import * as t from 'io-ts';

/** Builds a string codec that accepts values matching `test`, failing with `expected`. */
function stringOf(
  name: string,
  expected: string,
  test: (s: string) => boolean,
): t.Type<string, string, unknown> {
  return new t.Type<string, string, unknown>(
    name,
    (u): u is string => typeof u === 'string' && test(u),
    (u, c) =>
      typeof u === 'string' && test(u)
        ? t.success(u)
        : t.failure(u, c, `expected ${expected}, got ${JSON.stringify(u)}`),
    (a) => a,
  );
}

/** An identifier: letters, digits, `-` and `_`, starting with a letter. */
export const Identifier = stringOf(
  'Identifier',
  'an identifier (a letter, then letters, digits, "-" or "_")',
  (s) => /^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(s),
);

const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

/** An ISO-8601 duration such as `PT24H`, `P3D`, `P1Y`. Fractions are not allowed. */
export const Duration = stringOf('Duration', 'an ISO-8601 duration such as "PT24H" or "P1Y"', (s) =>
  DURATION.test(s),
);

/**
 * A decimal amount as a string: digits, optionally a point and fraction digits. No sign,
 * no thousands separators, no exponent. Whether the fraction fits the currency is checked
 * by semantic validation, which knows the currency.
 */
export const DecimalAmount = stringOf(
  'DecimalAmount',
  'a decimal amount string such as "1000000.00" (no sign, separators or exponent)',
  (s) => /^(0|[1-9]\d{0,17})(\.\d{1,8})?$/.test(s),
);

/** An ISO 4217 currency code known to this runtime's Intl (e.g. `CNY`, `USD`, `JPY`). */
export const CurrencyCode = stringOf(
  'CurrencyCode',
  'an ISO 4217 currency code such as "CNY"',
  (s) => /^[A-Z]{3}$/.test(s) && Intl.supportedValuesOf('currency').includes(s),
);

/** A wall-clock time `HH:MM` (24-hour). */
export const ClockTime = stringOf('ClockTime', 'a 24-hour time "HH:MM" such as "15:00"', (s) =>
  /^([01]\d|2[0-3]):[0-5]\d$/.test(s),
);

/** An IANA time zone name such as `Asia/Shanghai`. */
export const TimeZone = stringOf('TimeZone', 'an IANA time zone such as "Asia/Shanghai"', (s) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: s });
    return true;
  } catch {
    return false;
  }
});

/** A calendar date `YYYY-MM-DD`. */
export const IsoDate = stringOf(
  'IsoDate',
  'a date "YYYY-MM-DD"',
  (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)),
);

/** A FEEL expression (its syntax and names are checked at load, with positions). */
export const FeelExpression = stringOf(
  'FeelExpression',
  'a FEEL expression',
  (s) => s.trim().length > 0,
);

/** A positive integer. */
export const PositiveInt = new t.Type<number, number, unknown>(
  'PositiveInt',
  (u): u is number => typeof u === 'number' && Number.isInteger(u) && u > 0,
  (u, c) =>
    typeof u === 'number' && Number.isInteger(u) && u > 0
      ? t.success(u)
      : t.failure(u, c, `expected a positive integer, got ${JSON.stringify(u)}`),
  (a) => a,
);
