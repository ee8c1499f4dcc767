/** @orderflow/webhook — a Notifier over signed HTTP POST, and `verifyWebhook` for receivers. */

// Re-exported for receivers that read these headers themselves (they live in core, shared
// with the other signed-callback adapter).
export { type HeaderSource, readHeader } from '@orderflow/core';
export type { WebhookNotifierOptions } from './createWebhookNotifier.js';
export { createWebhookNotifier } from './createWebhookNotifier.js';
export { signWebhookPayload } from './signWebhookPayload.js';
export type { VerifiedWebhook, VerifyWebhookOptions } from './verifyWebhook.js';
export { verifyWebhook } from './verifyWebhook.js';
export { WebhookPayload, WebhookRecipient } from './WebhookPayload.js';
export type { WebhookRejected } from './WebhookRejected.js';
export { WEBHOOK_HEADERS } from './webhookHeaders.js';
