/** Contract, as a property: any JSON a row holds comes back exactly as it went in. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../../domain/Json.js';
import { sampleAuditEntry, sampleCommit, sampleEffect, sampleTimer } from '../sampleCommit.js';
import { expectRight } from './expectRight.js';
import { freshId } from './freshId.js';
import type { StoreContractContext } from './StoreContractContext.js';

/**
 * Unicode text (Chinese, emoji, combining marks) but no NUL: PostgreSQL `jsonb` cannot
 * hold U+0000, and orderflow never writes it.
 */
const text = fc.string({ unit: 'grapheme', maxLength: 12 }).filter((s) => !s.includes('\u0000'));
const json = fc.letrec<{ value: Json; object: JsonObject }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
    text,
    fc.array(tie('value'), { maxLength: 4 }),
    tie('object'),
  ),
  object: fc.dictionary(text, tie('value'), { maxKeys: 4 }) as fc.Arbitrary<JsonObject>,
})).object;

/** Registers the JSON round-trip property. */
export const jsonRoundTripContract = ({ store }: StoreContractContext): void => {
  describe('JSON round trip', () => {
    it('returns the JSON of orders, audit entries, effects, timers and responses exactly', async () => {
      await fc.assert(
        fc.asyncProperty(json, json, json, text, async (context, facts, payload, word) => {
          const orderId = freshId('order');
          const key = freshId('key');
          const commit = sampleCommit(orderId, 1, {
            order: { context, machine: { value: word, context }, state: word || 'empty' },
            audit: [sampleAuditEntry(orderId, 1, { facts, payload: [payload, word] })],
            effects: [sampleEffect(freshId('effect'), orderId, undefined, { payload })],
            timers: [sampleTimer(freshId('timer'), orderId, undefined, { payload: facts })],
            idempotency: { key, response: { payload, word } },
          });
          expectRight(await store().commit(commit));
          expect(expectRight(await store().load(orderId))).toEqual(commit.order);
          expect(expectRight(await store().history(orderId))).toEqual(commit.audit);
          expect(expectRight(await store().effects(orderId)).map((e) => e.payload)).toEqual([
            payload,
          ]);
          expect(expectRight(await store().timers(orderId)).map((t) => t.payload)).toEqual([facts]);
          expect(expectRight(await store().idempotent(key))).toEqual({ payload, word });
        }),
        { numRuns: 40 },
      );
    });
  });
};
