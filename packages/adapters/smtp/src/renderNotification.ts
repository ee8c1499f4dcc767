/** Fills a template for one recipient: masked data, formatted amounts, escaped HTML. */
import type { Json, JsonObject, Notification, Recipient } from '@orderflow/core';
import * as E from 'fp-ts/lib/Either.js';
import { decimalToMinor, formatAmountForLocale } from './formatAmountForLocale.js';
import { maskPersonalData } from './maskPersonalData.js';
import type { LocalizedTemplate, TemplateMap } from './NotificationTemplate.js';

/** The definition names a template this notifier does not have. */
export interface TemplateMissing {
  readonly _tag: 'TemplateMissing';
  readonly template: string;
  readonly known: readonly string[];
}

/** What a placeholder with no value renders as. */
const NO_VALUE = '—';
const AMOUNT_KEY = /amount$/i;

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Flattens masked data into `{{placeholder}}` values; amounts become locale money strings. */
const viewOf = (data: JsonObject, locale: string, currency: string): Map<string, string> => {
  const view = new Map<string, string>();
  const put = (key: string, name: string, value: Json): void => {
    if (value === null) return;
    if (Array.isArray(value)) {
      view.set(
        key,
        value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', '),
      );
      return;
    }
    if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) put(`${key}.${k}`, k, v as Json);
      return;
    }
    if (AMOUNT_KEY.test(name)) {
      const minor =
        typeof value === 'string'
          ? decimalToMinor(value, currency)
          : typeof value === 'number' && Number.isSafeInteger(value)
            ? BigInt(value)
            : undefined;
      if (minor !== undefined) {
        view.set(key, formatAmountForLocale(minor, currency, locale));
        return;
      }
    }
    view.set(key, String(value));
  };
  for (const [k, v] of Object.entries(maskPersonalData(data))) put(k, k, v);
  return view;
};

/**
 * Renders `notification.template` for `recipient` in the recipient's locale. Amounts named
 * `…amount` are decimal strings (or integer minor units) in `data.currency`, else `currency`.
 */
export function renderNotification(
  templates: TemplateMap,
  notification: Notification,
  recipient: Recipient,
  currency = 'CNY',
): E.Either<TemplateMissing, LocalizedTemplate> {
  const template = templates[notification.template];
  if (template === undefined) {
    return E.left({
      _tag: 'TemplateMissing',
      template: notification.template,
      known: Object.keys(templates).sort(),
    });
  }
  const localized = template[recipient.locale];
  const dataCurrency = notification.data.currency;
  const view = viewOf(
    { orderId: notification.orderId, ...notification.data },
    recipient.locale,
    typeof dataCurrency === 'string' ? dataCurrency : currency,
  );
  const fill = (text: string, encode: (s: string) => string): string =>
    text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, key: string) => encode(view.get(key) ?? NO_VALUE));
  return E.right({
    subject: fill(localized.subject, (s) => s.replace(/[\r\n]+/g, ' ')),
    text: fill(localized.text, (s) => s),
    html: fill(localized.html, escapeHtml),
  });
}
