import type { TransferInstruction } from '@orderflow/core';
import type { BankStep } from '@orderflow/core/testing';
import { createBankSimulator } from '@orderflow/core/testing';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';

const steps: readonly BankStep[] = [
  'settle',
  'fail',
  'failRetryable',
  'unknownSettled',
  'unknownLost',
  'unavailable',
];
const keys = ['k1', 'k2', 'k3'];
const instruction = (key: string): TransferInstruction => ({
  idempotencyKey: key,
  orderId: `order-${key}`,
  kind: 'refund',
  amountMinor: 250_000_00,
  currency: 'CNY',
  fromAccount: 'fundraising-001',
  toAccount: 'investor-001',
});

describe('bank simulator properties', () => {
  it('moves money at most once per key, and status tells exactly whether it moved', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...steps), { maxLength: 20 }),
        fc.array(fc.constantFrom(...keys), { minLength: 1, maxLength: 20 }),
        async (script, calls) => {
          const bank = createBankSimulator({ script });
          const settled = new Map<string, string>();
          for (const key of calls) {
            const result = await bank.transfer(instruction(key));
            if (E.isRight(result) && result.right._tag === 'Settled') {
              // Every Settled answer for a key names the one movement of that key.
              expect(settled.get(key) ?? result.right.reference).toBe(result.right.reference);
              settled.set(key, result.right.reference);
            }
          }
          const moved = bank.movements();
          expect(new Set(moved.map((m) => m.idempotencyKey)).size).toBe(moved.length);
          for (const key of keys) {
            const movement = moved.find((m) => m.idempotencyKey === key);
            const status = await bank.status(key);
            if (movement === undefined) {
              expect(status).not.toMatchObject(E.right({ _tag: 'Settled' }));
            } else {
              expect(status).toEqual(E.right({ _tag: 'Settled', reference: movement.reference }));
            }
            if (settled.has(key)) expect(movement?.reference).toBe(settled.get(key));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
