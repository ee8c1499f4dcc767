/** The built-in zh-CN and en templates for the lifecycle's usual notifications. */
import type {
  LocalizedTemplate,
  NotificationTemplate,
  TemplateMap,
} from './NotificationTemplate.js';

/** Builds text and HTML from the same lines, so the two bodies never say different things. */
const message = (subject: string, lines: readonly string[]): LocalizedTemplate => ({
  subject,
  text: `${lines.join('\n')}\n`,
  html: `<!doctype html><html><body>${lines.map((l) => `<p>${l}</p>`).join('')}</body></html>`,
});

const both = (
  zh: readonly [string, readonly string[]],
  en: readonly [string, readonly string[]],
): NotificationTemplate => ({ 'zh-CN': message(...zh), en: message(...en) });

const ZH_FOOTER = '此邮件由 orderflow 自动发送，请勿直接回复。';
const EN_FOOTER = 'Sent automatically by orderflow; please do not reply.';

/**
 * Templates for the notifications a definition usually names (the built-in definitions use
 * `contract-signed`, `order-approved`, `order-rejected`, `sla-breached`, `return-visit-due`,
 * `funds-released`, `units-confirmed`). Pass your own `templates`
 * to `createSmtpNotifier` to add or replace any of them.
 */
export const defaultTemplates: TemplateMap = {
  'order-opened': both(
    [
      '【新订单】{{orderId}}',
      ['订单 {{orderId}} 已创建：{{productName}}，金额 {{amount}}。', ZH_FOOTER],
    ],
    [
      '[New order] {{orderId}}',
      ['Order {{orderId}} was opened: {{productName}}, {{amount}}.', EN_FOOTER],
    ],
  ),
  'signature-requested': both(
    [
      '【待签署】订单 {{orderId}} 合同',
      [
        '订单 {{orderId}} 的合同 {{contractId}} 已发起电子签署，请于 {{expiresAt}} 前完成。',
        ZH_FOOTER,
      ],
    ],
    [
      '[To sign] Contract for order {{orderId}}',
      [
        'Contract {{contractId}} of order {{orderId}} awaits signature until {{expiresAt}}.',
        EN_FOOTER,
      ],
    ],
  ),
  'contract-signed': both(
    [
      '【已签署】订单 {{orderId}} 合同已签署',
      [
        '订单 {{orderId}}（{{productName}}，金额 {{amount}}）的合同已完成电子签署并归档，请相关部门跟进。',
        ZH_FOOTER,
      ],
    ],
    [
      '[Signed] Contract of order {{orderId}}',
      [
        'The contract of order {{orderId}} ({{productName}}, {{amount}}) was signed and archived. Please follow up.',
        EN_FOOTER,
      ],
    ],
  ),
  'approval-requested': both(
    [
      '【待审批】订单 {{orderId}}',
      [
        '订单 {{orderId}}（{{productName}}，金额 {{amount}}）等待您审批：{{step}}。截止时间 {{dueAt}}。',
        ZH_FOOTER,
      ],
    ],
    [
      '[Approval needed] Order {{orderId}}',
      [
        'Order {{orderId}} ({{productName}}, {{amount}}) awaits your approval: {{step}}. Due {{dueAt}}.',
        EN_FOOTER,
      ],
    ],
  ),
  'order-approved': both(
    [
      '【审批通过】订单 {{orderId}}',
      ['订单 {{orderId}}（{{productName}}，金额 {{amount}}）已通过全部审批。', ZH_FOOTER],
    ],
    [
      '[Approved] Order {{orderId}}',
      ['Order {{orderId}} ({{productName}}, {{amount}}) passed every approval.', EN_FOOTER],
    ],
  ),
  'order-rejected': both(
    ['【审批驳回】订单 {{orderId}}', ['订单 {{orderId}} 被驳回，原因：{{reason}}。', ZH_FOOTER]],
    ['[Rejected] Order {{orderId}}', ['Order {{orderId}} was rejected: {{reason}}.', EN_FOOTER]],
  ),
  'payment-received': both(
    [
      '【已到账】订单 {{orderId}}',
      ['订单 {{orderId}} 已收到款项 {{amount}}，付款账户 {{payerAccount}}。', ZH_FOOTER],
    ],
    [
      '[Paid] Order {{orderId}}',
      ['Order {{orderId}} received {{amount}} from account {{payerAccount}}.', EN_FOOTER],
    ],
  ),
  'cooling-off-started': both(
    [
      '【冷静期开始】订单 {{orderId}}',
      [
        '订单 {{orderId}} 进入冷静期，至 {{endsAt}} 结束。冷静期内销售人员不得联系投资者。',
        ZH_FOOTER,
      ],
    ],
    [
      '[Cooling-off] Order {{orderId}}',
      [
        'Order {{orderId}} is in its cooling-off period until {{endsAt}}. Sales staff must not contact the investor.',
        EN_FOOTER,
      ],
    ],
  ),
  'return-visit-due': both(
    [
      '【待回访】订单 {{orderId}}',
      [
        '订单 {{orderId}} 冷静期已结束，请于 {{dueAt}} 前完成回访（投资者电话 {{investorPhone}}）。',
        ZH_FOOTER,
      ],
    ],
    [
      '[Return visit due] Order {{orderId}}',
      [
        'The cooling-off period of order {{orderId}} ended; make the return visit by {{dueAt}} (investor phone {{investorPhone}}).',
        EN_FOOTER,
      ],
    ],
  ),
  'funds-released': both(
    [
      '【资金划转】订单 {{orderId}}',
      ['订单 {{orderId}} 的资金 {{amount}} 已划往托管账户。', ZH_FOOTER],
    ],
    [
      '[Funds released] Order {{orderId}}',
      ['{{amount}} of order {{orderId}} was released to the custody account.', EN_FOOTER],
    ],
  ),
  'units-confirmed': both(
    [
      '【份额确认】订单 {{orderId}}',
      ['订单 {{orderId}}（{{productName}}，金额 {{amount}}）已获登记机构确认。', ZH_FOOTER],
    ],
    [
      '[Confirmed] Order {{orderId}}',
      ['The registrar confirmed order {{orderId}} ({{productName}}, {{amount}}).', EN_FOOTER],
    ],
  ),
  'refund-issued': both(
    [
      '【退款】订单 {{orderId}}',
      ['订单 {{orderId}} 已原路退款 {{amount}} 至账户 {{payerAccount}}。', ZH_FOOTER],
    ],
    [
      '[Refund] Order {{orderId}}',
      ['{{amount}} of order {{orderId}} was refunded to account {{payerAccount}}.', EN_FOOTER],
    ],
  ),
  'sla-breached': both(
    [
      '【超时提醒】订单 {{orderId}}',
      ['订单 {{orderId}}（{{productName}}）有待办步骤已超过时限，请尽快处理。', ZH_FOOTER],
    ],
    [
      '[SLA breached] Order {{orderId}}',
      [
        'A step of order {{orderId}} ({{productName}}) is past its deadline; please act on it.',
        EN_FOOTER,
      ],
    ],
  ),
  'order-expired': both(
    ['【订单失效】订单 {{orderId}}', ['订单 {{orderId}} 已失效：{{reason}}。', ZH_FOOTER]],
    ['[Expired] Order {{orderId}}', ['Order {{orderId}} expired: {{reason}}.', EN_FOOTER]],
  ),
  'order-on-hold': both(
    ['【订单暂停】订单 {{orderId}}', ['订单 {{orderId}} 已暂停处理，请联系合规部门。', ZH_FOOTER]],
    [
      '[On hold] Order {{orderId}}',
      ['Order {{orderId}} is on hold; please contact compliance.', EN_FOOTER],
    ],
  ),
};
