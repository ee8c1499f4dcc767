/** @orderflow/smtp — a Notifier over SMTP (nodemailer): zh-CN and en templates, personal data masked. */
export type { SmtpNotifier, SmtpNotifierOptions } from './createSmtpNotifier.js';
export { createSmtpNotifier, SMTP_HEADERS } from './createSmtpNotifier.js';
export { defaultTemplates } from './defaultTemplates.js';
export { decimalToMinor, formatAmountForLocale, minorToDecimal } from './formatAmountForLocale.js';
export { maskAccount, maskIdNumber, maskPersonalData, maskPhone } from './maskPersonalData.js';
export type {
  Locale,
  LocalizedTemplate,
  NotificationTemplate,
  TemplateMap,
} from './NotificationTemplate.js';
export type { TemplateMissing } from './renderNotification.js';
export { renderNotification } from './renderNotification.js';
