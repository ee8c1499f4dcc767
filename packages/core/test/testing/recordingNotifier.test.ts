import type { Notification } from '@orderflow/core';
import {
  createRecordingNotifier,
  createSimulatedClock,
  createStaticDirectory,
} from '@orderflow/core/testing';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';

const notification = (key: string): Notification => ({
  idempotencyKey: key,
  orderId: 'order-1',
  event: 'orderApproved',
  template: 'order-approved',
  recipients: [
    { role: 'salesRep', actorId: 'rep-1', address: 'rep@bank.example', locale: 'zh-CN' },
  ],
  data: { amount: '1000000.00' },
});

describe('recording notifier', () => {
  it('delivers and records notifications in order', async () => {
    const clock = createSimulatedClock('2026-01-05T02:00:00.000Z');
    const notifier = createRecordingNotifier({ clock });
    expect(await notifier.send(notification('n1'))).toEqual(
      E.right({ messageId: 'msg-1@orderflow.test' }),
    );
    await notifier.send(notification('n2'));
    expect(notifier.delivered()).toEqual([notification('n1'), notification('n2')]);
    expect(notifier.calls('n1')).toEqual([
      {
        method: 'send',
        idempotencyKey: 'n1',
        at: '2026-01-05T02:00:00.000Z',
        input: notification('n1'),
        result: E.right({ messageId: 'msg-1@orderflow.test' }),
      },
    ]);
  });

  it('fails as told, retryable or not, delivering nothing', async () => {
    const notifier = createRecordingNotifier({ script: ['failRetryable', 'fail'] });
    expect(await notifier.send(notification('n1'))).toEqual(
      E.left({ _tag: 'NotifyFailed', message: 'mail server busy, try later', retryable: true }),
    );
    expect(await notifier.send(notification('n2'))).toMatchObject(E.left({ retryable: false }));
    expect(notifier.delivered()).toEqual([]);
    expect(await notifier.send(notification('n1'))).toMatchObject(E.right({}));
    expect(notifier.calls('n1')).toHaveLength(2);
    expect(notifier.delivered().map((n) => n.idempotencyKey)).toEqual(['n1']);
  });

  it('keeps failing a key scripted to fail, while other keys get through', async () => {
    const notifier = createRecordingNotifier();
    notifier.queueFor('n1', 'fail', 'fail');
    expect(E.isLeft(await notifier.send(notification('n1')))).toBe(true);
    expect(E.isRight(await notifier.send(notification('n2')))).toBe(true);
    expect(E.isLeft(await notifier.send(notification('n1')))).toBe(true);
  });

  it('shows a resend under the same key as a second delivery', async () => {
    const notifier = createRecordingNotifier();
    await notifier.send(notification('n1'));
    await notifier.send(notification('n1'));
    expect(notifier.delivered()).toHaveLength(2);
  });

  it('keeps what was sent even if the caller changes its object afterwards', async () => {
    const notifier = createRecordingNotifier();
    const sent = structuredClone(notification('n1')) as { data: Record<string, unknown> };
    await notifier.send(sent as unknown as Notification);
    sent.data.amount = '1.00';
    expect(notifier.delivered()[0]?.data).toEqual({ amount: '1000000.00' });
  });
});

describe('static directory', () => {
  it('resolves a role to its recipients, addresses given as strings or recipients', async () => {
    const directory = createStaticDirectory({
      riskOfficer: ['risk@bank.example'],
      investor: [{ actorId: 'inv-1', address: 'inv@example.com', locale: 'en' }],
    });
    expect(await directory.resolve('riskOfficer', 'order-1')).toEqual([
      { role: 'riskOfficer', actorId: null, address: 'risk@bank.example', locale: 'zh-CN' },
    ]);
    expect(await directory.resolve('investor', 'order-1')).toEqual([
      { role: 'investor', actorId: 'inv-1', address: 'inv@example.com', locale: 'en' },
    ]);
  });

  it('resolves an unknown role to nobody and records every lookup', async () => {
    const directory = createStaticDirectory({});
    expect(await directory.resolve('compliance', 'order-2')).toEqual([]);
    expect(directory.lookups()).toEqual([{ role: 'compliance', orderId: 'order-2' }]);
  });
});
