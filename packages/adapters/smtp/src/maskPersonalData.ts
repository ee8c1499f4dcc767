/**
 * Personal data masking for messages that leave the firm: ID numbers, phone numbers and
 * account numbers keep their last four characters only.
 */
import type { Json, JsonObject } from '@orderflow/core';

const keepLastFour = (value: string): string => {
  const compact = value.replace(/[\s-]/g, '');
  if (compact.length <= 4) return '*'.repeat(compact.length);
  return `${'*'.repeat(compact.length - 4)}${compact.slice(-4)}`;
};

/** Masks an identity document number (身份证号), e.g. `110101199003074514` → `**************4514`. */
export function maskIdNumber(idNumber: string): string {
  return keepLastFour(idNumber);
}

/** Masks a phone number, e.g. `+86 138 0013 8000` → `*********8000`. */
export function maskPhone(phone: string): string {
  return keepLastFour(phone.replace(/^\+/, ''));
}

/** Masks a bank or fund account number, e.g. `6222 0202 0000 1234 567` → `***************4567`. */
export function maskAccount(account: string): string {
  return keepLastFour(account);
}

/** Key names compared lower-case, without `_` and `-`: `investor_id_number` → `investoridnumber`. */
const ID_KEY =
  /(idnumber|idno|idcard|identityno|identitynumber|certificateno|certificatenumber|passport)/;
const PHONE_KEY = /(phone|mobile|telephone|tel)(number|no)?$/;
const ACCOUNT_KEY = /(account|card|iban)(number|no)?$/;
/** Amounts and identifiers of our own records are not personal data, whatever their digits. */
const NOT_PERSONAL = /(amount|minor|count|version|orderid|contractid|effectid|envelopeid)/;
/** A value that is a long run of digits is treated as personal data whatever its key. */
const LONG_NUMBER = /^\+?[\d\s-]{6,}[\dXx]$/;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const normalize = (key: string): string => key.toLowerCase().replace(/[_-]/g, '');

const maskValue = (key: string, value: string): string => {
  const k = normalize(key);
  if (ID_KEY.test(k)) return maskIdNumber(value);
  if (PHONE_KEY.test(k)) return maskPhone(value);
  if (ACCOUNT_KEY.test(k)) return maskAccount(value);
  if (!NOT_PERSONAL.test(k) && LONG_NUMBER.test(value) && !DATE.test(value)) {
    return keepLastFour(value);
  }
  return value;
};

const maskJson = (key: string, value: Json): Json => {
  if (typeof value === 'string') return maskValue(key, value);
  if (typeof value === 'number' && Number.isInteger(value)) {
    const masked = maskValue(key, String(value));
    return masked === String(value) ? value : masked;
  }
  if (Array.isArray(value)) return value.map((v) => maskJson(key, v));
  if (value !== null && typeof value === 'object') return maskPersonalData(value as JsonObject);
  return value;
};

/**
 * Returns a copy of `data` with ID, phone and account numbers masked to their last four
 * characters: by key name (`idNumber`, `mobile`, `payerAccount`, …) and, whatever the key,
 * for any value that is a long run of digits.
 */
export function maskPersonalData(data: JsonObject): JsonObject {
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(data)) out[key] = maskJson(key, value);
  return out;
}
