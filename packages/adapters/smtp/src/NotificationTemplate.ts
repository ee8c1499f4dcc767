/** Email templates as data: per template name, a subject, a text and an HTML body per locale. */
import type { Recipient } from '@orderflow/core';

/** A locale a recipient reads. */
export type Locale = Recipient['locale'];

/**
 * One message in one language. Placeholders are `{{name}}` (or `{{investor.name}}` for
 * nested data); values are masked and amounts formatted before they are filled in, and
 * HTML-escaped in `html`.
 */
export interface LocalizedTemplate {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** One template in every locale the firm writes to. */
export type NotificationTemplate = { readonly [L in Locale]: LocalizedTemplate };

/** Templates by name, as a definition's `notifications[].template` names them. */
export type TemplateMap = { readonly [name: string]: NotificationTemplate };
