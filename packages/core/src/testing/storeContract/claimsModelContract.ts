/**
 * Contract, as a property: over random schedules of claims, completions, failures, fires
 * and cancels by several workers, the store's effect and timer rows stay equal to a
 * twenty-line model of the rules. So two workers never both hold an unexpired claim, a
 * finished row is never handed out again, and attempts count claims exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredEffect } from '../../domain/Effect.js';
import type { StoredTimer } from '../../domain/Timer.js';
import { sampleCommit, sampleEffect, sampleTimer } from '../sampleCommit.js';
import { expectRight } from './expectRight.js';
import { freshId } from './freshId.js';
import type { StoreContractContext } from './StoreContractContext.js';
import { timeWindow } from './timeWindow.js';

type Step =
  | {
      readonly op: 'claimEffects' | 'claimTimers';
      readonly worker: number;
      readonly dt: number;
      readonly lease: number;
    }
  | { readonly op: 'complete'; readonly worker: number; readonly effect: number }
  | {
      readonly op: 'fail';
      readonly worker: number;
      readonly effect: number;
      readonly retry: number | null;
    }
  | { readonly op: 'fire' | 'cancel'; readonly timer: number };

const EFFECTS = 4;
const TIMERS = 3;
const START = 10;

const worker = fc.nat({ max: 2 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constantFrom('claimEffects' as const, 'claimTimers' as const),
    worker,
    dt: fc.nat({ max: 3 }),
    lease: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({ op: fc.constant('complete' as const), worker, effect: fc.nat({ max: EFFECTS - 1 }) }),
  fc.record({
    op: fc.constant('fail' as const),
    worker,
    effect: fc.nat({ max: EFFECTS - 1 }),
    retry: fc.option(fc.nat({ max: 4 }), { nil: null }),
  }),
  fc.record({
    op: fc.constantFrom('fire' as const, 'cancel' as const),
    timer: fc.nat({ max: TIMERS - 1 }),
  }),
);

interface ModelRow {
  status: string;
  claimedBy: string | null;
  /** Minutes into the window. */
  leaseUntil: number | null;
  due: number;
  attempts: number;
  lastError: string | null;
}

const claimable = (row: ModelRow, now: number): boolean =>
  (row.status === 'pending' && row.due <= now) ||
  (row.status === 'claimed' && row.leaseUntil !== null && row.leaseUntil <= now);

/** Registers the claims model property. */
export const claimsModelContract = ({ store }: StoreContractContext): void => {
  describe('claims (model)', () => {
    it('keeps effect and timer rows equal to the model over random worker schedules', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
          const time = timeWindow();
          const orderId = freshId('order');
          const effectIds = Array.from({ length: EFFECTS }, () => freshId('effect'));
          const timerIds = Array.from({ length: TIMERS }, () => freshId('timer'));
          const effects: ModelRow[] = effectIds.map((_, i) => ({
            status: 'pending',
            claimedBy: null,
            leaseUntil: null,
            due: START + i,
            attempts: 0,
            lastError: null,
          }));
          const timers: ModelRow[] = timerIds.map((_, i) => ({ ...(effects[i] as ModelRow) }));
          let version = 1;
          expectRight(
            await store().commit(
              sampleCommit(orderId, 1, {
                effects: effectIds.map((id, i) => sampleEffect(id, orderId, time.at(START + i))),
                timers: timerIds.map((id, i) => sampleTimer(id, orderId, time.at(START + i))),
              }),
            ),
          );
          let now = START;
          for (const s of steps) {
            switch (s.op) {
              case 'claimEffects':
              case 'claimTimers': {
                now += s.dt;
                const rows = s.op === 'claimEffects' ? effects : timers;
                const ids = s.op === 'claimEffects' ? effectIds : timerIds;
                const request = {
                  now: time.at(now),
                  workerId: `w${s.worker}`,
                  leaseUntil: time.at(now + s.lease),
                  limit: 1000,
                };
                const claimed =
                  s.op === 'claimEffects'
                    ? expectRight(await store().claimDueEffects(request)).map((r) => r.effectId)
                    : expectRight(await store().claimDueTimers(request)).map((r) => r.timerId);
                const expected = ids.filter((_, i) => claimable(rows[i] as ModelRow, now));
                expect(claimed.filter((id) => ids.includes(id)).sort()).toEqual(expected.sort());
                for (const row of rows) {
                  if (!claimable(row, now)) continue;
                  Object.assign(row, {
                    status: 'claimed',
                    claimedBy: `w${s.worker}`,
                    leaseUntil: now + s.lease,
                    attempts: row.attempts + 1,
                  });
                }
                break;
              }
              case 'complete': {
                const row = effects[s.effect] as ModelRow;
                expectRight(
                  await store().completeEffect(effectIds[s.effect] as string, `w${s.worker}`),
                );
                if (row.status === 'claimed' && row.claimedBy === `w${s.worker}`) {
                  Object.assign(row, { status: 'done', leaseUntil: null });
                }
                break;
              }
              case 'fail': {
                const row = effects[s.effect] as ModelRow;
                const error = `failed at ${now}`;
                expectRight(
                  await store().failEffect(effectIds[s.effect] as string, `w${s.worker}`, {
                    error,
                    retryAt: s.retry === null ? null : time.at(now + s.retry),
                  }),
                );
                if (row.status === 'claimed' && row.claimedBy === `w${s.worker}`) {
                  Object.assign(
                    row,
                    s.retry === null
                      ? { status: 'failed', leaseUntil: null, lastError: error }
                      : {
                          status: 'pending',
                          claimedBy: null,
                          leaseUntil: null,
                          due: now + s.retry,
                          lastError: error,
                        },
                  );
                }
                break;
              }
              case 'fire':
              case 'cancel': {
                const id = timerIds[s.timer] as string;
                version += 1;
                expectRight(
                  await store().commit(
                    sampleCommit(orderId, version, {
                      [s.op === 'fire' ? 'firedTimers' : 'cancelTimers']: [id],
                    }),
                  ),
                );
                const row = timers[s.timer] as ModelRow;
                if (row.status === 'pending' || row.status === 'claimed') {
                  row.status = s.op === 'fire' ? 'fired' : 'cancelled';
                }
                break;
              }
            }
            const storedEffects = expectRight(await store().effects(orderId));
            const storedTimers = expectRight(await store().timers(orderId));
            expect(
              effectIds.map((id) => effectView(storedEffects.find((e) => e.effectId === id))),
            ).toEqual(effects.map((row) => modelView(row, time.at, true)));
            expect(
              timerIds.map((id) => timerView(storedTimers.find((t) => t.timerId === id))),
            ).toEqual(timers.map((row) => modelView(row, time.at, false)));
          }
        }),
        { numRuns: 30 },
      );
    });
  });
};

/** The fields the contract fixes for a row in each status. */
const modelView = (row: ModelRow, at: (minutes: number) => string, effect: boolean) => {
  const held = row.status === 'claimed';
  return {
    status: row.status,
    ...(held || row.status === 'pending' ? { claimedBy: row.claimedBy } : {}),
    ...(held ? { leaseUntil: row.leaseUntil === null ? null : at(row.leaseUntil) } : {}),
    ...(effect ? { attempts: row.attempts, lastError: row.lastError, due: at(row.due) } : {}),
  };
};

const effectView = (row: StoredEffect | undefined) =>
  row === undefined
    ? undefined
    : {
        status: row.status,
        ...(row.status === 'claimed' || row.status === 'pending'
          ? { claimedBy: row.claimedBy }
          : {}),
        ...(row.status === 'claimed' ? { leaseUntil: row.leaseUntil } : {}),
        attempts: row.attempts,
        lastError: row.lastError,
        due: row.availableAt,
      };

const timerView = (row: StoredTimer | undefined) =>
  row === undefined
    ? undefined
    : {
        status: row.status,
        ...(row.status === 'claimed' || row.status === 'pending'
          ? { claimedBy: row.claimedBy }
          : {}),
        ...(row.status === 'claimed' ? { leaseUntil: row.leaseUntil } : {}),
      };
