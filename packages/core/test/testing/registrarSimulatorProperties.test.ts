import { createRegistrarSimulator } from '@orderflow/core/testing';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';

describe('registrar simulator properties', () => {
  it('confirms a whole number of minor units between nothing and the amount, units at the NAV', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1_000_000_000_00 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 99_999 }),
        async (amountMinor, ratio, navTenThousandths) => {
          const nav = `${Math.floor(navTenThousandths / 10_000)}.${String(navTenThousandths % 10_000).padStart(4, '0')}`;
          const registrar = createRegistrarSimulator({ nav, script: [{ partial: ratio }] });
          const result = await registrar.requestConfirmation({
            idempotencyKey: 'k',
            orderId: 'o',
            productCode: 'P',
            amountMinor,
            currency: 'CNY',
            tradeDate: '2026-01-05',
          });
          if (E.isLeft(result) || result.right._tag !== 'Confirmed')
            throw new Error('not confirmed');
          const { confirmedMinor, units } = result.right;
          expect(Number.isInteger(confirmedMinor)).toBe(true);
          expect(confirmedMinor).toBeGreaterThanOrEqual(0);
          expect(confirmedMinor).toBeLessThanOrEqual(amountMinor);
          // Within one minor unit of the ratio (rounded down, no float drift upwards).
          expect(Math.abs(confirmedMinor - amountMinor * ratio)).toBeLessThanOrEqual(
            1 + amountMinor * 1e-6,
          );
          // units × NAV never exceeds the confirmed money, and misses it by less than 0.01 unit.
          const unitHundredths = BigInt(units.replace('.', ''));
          const paid = unitHundredths * BigInt(navTenThousandths);
          const money = BigInt(confirmedMinor) * 10_000n;
          expect(paid <= money).toBe(true);
          expect(money - paid < BigInt(navTenThousandths)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
