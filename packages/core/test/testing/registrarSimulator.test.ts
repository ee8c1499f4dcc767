import type { ConfirmationRequest } from '@orderflow/core';
import { createRegistrarSimulator } from '@orderflow/core/testing';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';

const request = (key: string, amountMinor = 1_000_000_00): ConfirmationRequest => ({
  idempotencyKey: key,
  orderId: 'order-1',
  productCode: 'PF0001',
  amountMinor,
  currency: 'CNY',
  tradeDate: '2026-01-05',
});

describe('registrar simulator', () => {
  it('confirms the whole amount by default, units at the NAV', async () => {
    const registrar = createRegistrarSimulator({ nav: '1.2500' });
    expect(await registrar.requestConfirmation(request('k1'))).toEqual(
      E.right({
        _tag: 'Confirmed',
        confirmedMinor: 1_000_000_00,
        units: '800000.00',
        reference: 'TA-000001',
      }),
    );
  });

  it('confirms part of an oversubscribed order: 0.6 confirms 60 %', async () => {
    const registrar = createRegistrarSimulator({ script: [{ partial: 0.6 }] });
    expect(await registrar.requestConfirmation(request('k1'))).toMatchObject(
      E.right({ _tag: 'Confirmed', confirmedMinor: 600_000_00, units: '600000.00' }),
    );
  });

  it('rounds a partial confirmation down to a whole minor unit, without float drift', async () => {
    const registrar = createRegistrarSimulator({ script: [{ partial: 0.29 }, { partial: 1 / 3 }] });
    expect(await registrar.requestConfirmation(request('k1', 100))).toMatchObject(
      E.right({ confirmedMinor: 29 }),
    );
    expect(await registrar.requestConfirmation(request('k2', 100))).toMatchObject(
      E.right({ confirmedMinor: 33 }),
    );
  });

  it('rejects, answers pending, or is unavailable as scripted', async () => {
    const registrar = createRegistrarSimulator({ script: ['reject', 'pending', 'unavailable'] });
    expect(await registrar.requestConfirmation(request('k1'))).toEqual(
      E.right({ _tag: 'Rejected', reason: 'product quota exhausted' }),
    );
    expect(await registrar.requestConfirmation(request('k2'))).toEqual(
      E.right({ _tag: 'Pending' }),
    );
    expect(await registrar.requestConfirmation(request('k3'))).toEqual(
      E.left({ _tag: 'RegistrarUnavailable', message: 'registrar unreachable', retryable: true }),
    );
  });

  it('answers a confirmed or rejected key the same way again', async () => {
    const registrar = createRegistrarSimulator({ byKey: { k1: { partial: 0.5 }, k2: 'reject' } });
    const first = await registrar.requestConfirmation(request('k1'));
    registrar.queue('reject');
    expect(await registrar.requestConfirmation(request('k1'))).toEqual(first);
    const rejected = await registrar.requestConfirmation(request('k2'));
    expect(await registrar.requestConfirmation(request('k2'))).toEqual(rejected);
    expect(registrar.calls('k1')).toHaveLength(2);
  });

  it('asks again after pending or an outage: the next scripted step answers', async () => {
    const registrar = createRegistrarSimulator();
    registrar.queueFor('k1', 'pending', 'unavailable');
    expect(await registrar.requestConfirmation(request('k1'))).toEqual(
      E.right({ _tag: 'Pending' }),
    );
    expect(E.isLeft(await registrar.requestConfirmation(request('k1')))).toBe(true);
    expect(await registrar.requestConfirmation(request('k1'))).toMatchObject(
      E.right({ _tag: 'Confirmed', confirmedMinor: 1_000_000_00 }),
    );
    expect(registrar.calls('k1').map((c) => c.result._tag)).toEqual(['Right', 'Left', 'Right']);
  });
});
