import type { NotificationTemplate, TemplateMap } from '@orderflow/smtp';
import { describe, expectTypeOf, it } from 'vitest';

describe('NotificationTemplate types', () => {
  it('requires a message in every locale, each with subject, text and html', () => {
    const message = { subject: 's', text: 't', html: '<p>h</p>' };
    const both: NotificationTemplate = { 'zh-CN': message, en: message };
    // @ts-expect-error an English-only template is incomplete
    const englishOnly: NotificationTemplate = { en: message };
    // @ts-expect-error a message without html is incomplete
    const noHtml: NotificationTemplate = { 'zh-CN': { subject: 's', text: 't' }, en: message };

    expectTypeOf(both).toExtend<TemplateMap[string]>();
    expectTypeOf(englishOnly).toEqualTypeOf<NotificationTemplate>();
    expectTypeOf(noHtml).toEqualTypeOf<NotificationTemplate>();
  });
});
