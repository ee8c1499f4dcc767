import type { TransferInstruction } from '@orderflow/core';
import { createBankSimulator, createSimulatedClock } from '@orderflow/core/testing';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';

const instruction = (
  key: string,
  overrides: Partial<TransferInstruction> = {},
): TransferInstruction => ({
  idempotencyKey: key,
  orderId: 'order-1',
  kind: 'release',
  amountMinor: 1_000_000_00,
  currency: 'CNY',
  fromAccount: 'fundraising-001',
  toAccount: 'custody-001',
  ...overrides,
});

describe('bank simulator', () => {
  it('settles unscripted transfers and records the movement, stamped by its clock', async () => {
    const clock = createSimulatedClock('2026-01-05T02:00:00.000Z');
    const bank = createBankSimulator({ clock });
    const result = await bank.transfer(instruction('k1'));
    expect(result).toEqual(E.right({ _tag: 'Settled', reference: 'BANK-000001' }));
    expect(bank.movements()).toEqual([
      { ...instruction('k1'), reference: 'BANK-000001', at: '2026-01-05T02:00:00.000Z' },
    ]);
    expect(bank.calls('k1')).toHaveLength(1);
  });

  it('never moves money twice for one key: a resend answers the first settlement', async () => {
    const bank = createBankSimulator();
    const first = await bank.transfer(instruction('k1'));
    const again = await bank.transfer(instruction('k1'));
    expect(again).toEqual(first);
    expect(bank.movements()).toHaveLength(1);
    expect(bank.calls('k1')).toHaveLength(2);
  });

  it('moves nothing on a failure, and a retryable one may succeed on retry under the same key', async () => {
    const bank = createBankSimulator({ script: ['failRetryable'] });
    expect(await bank.transfer(instruction('k1'))).toEqual(
      E.right({ _tag: 'Failed', reason: 'bank busy, try again', retryable: true }),
    );
    expect(bank.movements()).toEqual([]);
    expect(await bank.status('k1')).toEqual(
      E.right({ _tag: 'Failed', reason: 'bank busy, try again', retryable: true }),
    );
    expect(E.isRight(await bank.transfer(instruction('k1')))).toBe(true);
    expect(bank.movements()).toHaveLength(1);
  });

  it('keeps a permanent failure: retrying the key fails the same way and moves nothing', async () => {
    const bank = createBankSimulator({ byKey: { k1: 'fail' } });
    const first = await bank.transfer(instruction('k1'));
    expect(first).toEqual(E.right({ _tag: 'Failed', reason: 'account closed', retryable: false }));
    expect(await bank.transfer(instruction('k1'))).toEqual(first);
    expect(bank.movements()).toEqual([]);
    // Other keys are not affected by a key's script.
    expect(await bank.transfer(instruction('k2'))).toMatchObject(E.right({ _tag: 'Settled' }));
  });

  it('answers Unknown on a timeout after the money moved; status reconciles it as Settled', async () => {
    const bank = createBankSimulator({ script: ['unknownSettled'] });
    expect(await bank.transfer(instruction('k1'))).toMatchObject(E.right({ _tag: 'Unknown' }));
    expect(bank.movements()).toHaveLength(1);
    expect(await bank.status('k1')).toEqual(E.right({ _tag: 'Settled', reference: 'BANK-000001' }));
    // A blind resend still moves nothing more.
    expect(await bank.transfer(instruction('k1'))).toEqual(
      E.right({ _tag: 'Settled', reference: 'BANK-000001' }),
    );
    expect(bank.movements()).toHaveLength(1);
  });

  it('answers Unknown on a lost instruction; status knows nothing, and a retry moves it once', async () => {
    const bank = createBankSimulator({ script: ['unknownLost'] });
    expect(await bank.transfer(instruction('k1'))).toMatchObject(E.right({ _tag: 'Unknown' }));
    expect(bank.movements()).toEqual([]);
    expect(await bank.status('k1')).toEqual(E.right(undefined));
    await bank.transfer(instruction('k1'));
    await bank.transfer(instruction('k1'));
    expect(bank.movements()).toHaveLength(1);
  });

  it('is unavailable when scripted or during an outage, sending nothing', async () => {
    const bank = createBankSimulator({ script: ['unavailable'] });
    expect(await bank.transfer(instruction('k1'))).toEqual(
      E.left({ _tag: 'GatewayUnavailable', message: 'bank gateway unreachable', retryable: true }),
    );
    expect(await bank.status('k1')).toEqual(E.right(undefined));
    bank.outage(true);
    expect(E.isLeft(await bank.transfer(instruction('k2')))).toBe(true);
    expect(E.isLeft(await bank.status('k2'))).toBe(true);
    bank.outage(false);
    expect(E.isRight(await bank.transfer(instruction('k2')))).toBe(true);
    expect(bank.movements().map((m) => m.idempotencyKey)).toEqual(['k2']);
  });

  it('takes per-key scripts before per-call scripts, and scripts added later', async () => {
    const bank = createBankSimulator({ script: ['fail'] });
    bank.queueFor('k2', 'failRetryable', 'settle');
    expect(await bank.transfer(instruction('k2'))).toMatchObject(
      E.right({ _tag: 'Failed', retryable: true }),
    );
    expect(await bank.transfer(instruction('k2'))).toMatchObject(E.right({ _tag: 'Settled' }));
    expect(await bank.transfer(instruction('k1'))).toMatchObject(
      E.right({ _tag: 'Failed', retryable: false }),
    );
    bank.queue('unknownSettled');
    expect(await bank.transfer(instruction('k3'))).toMatchObject(E.right({ _tag: 'Unknown' }));
  });

  it('refuses a key reused for another instruction, moving nothing more', async () => {
    const bank = createBankSimulator();
    await bank.transfer(instruction('k1'));
    expect(await bank.transfer(instruction('k1', { amountMinor: 5 }))).toMatchObject(
      E.right({ _tag: 'Failed', retryable: false }),
    );
    expect(bank.movements()).toHaveLength(1);
  });

  it('records every call, transfers and status queries, with the answer', async () => {
    const bank = createBankSimulator();
    await bank.transfer(instruction('k1'));
    await bank.status('k1');
    await bank.transfer(instruction('k2', { kind: 'refund', toAccount: 'investor-001' }));
    expect(bank.calls().map((c) => [c.method, c.idempotencyKey])).toEqual([
      ['transfer', 'k1'],
      ['status', 'k1'],
      ['transfer', 'k2'],
    ]);
    expect(bank.calls('k1')[1]?.result).toEqual(
      E.right({ _tag: 'Settled', reference: 'BANK-000001' }),
    );
  });
});
