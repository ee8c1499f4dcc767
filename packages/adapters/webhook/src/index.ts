/** @orderflow/webhook — a Notifier over signed HTTP POST, and `verifyWebhook` for receivers. */
export type { WebhookNotifierOptions } from './createWebhookNotifier.js';
export { createWebhookNotifier } from './createWebhookNotifier.js';
export type { HeaderSource } from './readHeader.js';
export { readHeader } from './readHeader.js';
export { signWebhookPayload } from './signWebhookPayload.js';
export type { VerifiedWebhook, VerifyWebhookOptions } from './verifyWebhook.js';
export { verifyWebhook } from './verifyWebhook.js';
export { WebhookPayload, WebhookRecipient } from './WebhookPayload.js';
export type { WebhookRejected } from './WebhookRejected.js';
export { WEBHOOK_HEADERS } from './webhookHeaders.js';
