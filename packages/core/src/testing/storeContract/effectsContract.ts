/** Contract: the outbox — effects claimed with leases, completed or failed by their holder. */
import { describe, expect, it } from 'vitest';
import type { StoredEffect } from '../../domain/Effect.js';
import type { OrderStore } from '../../ports/OrderStore.js';
import { sampleCommit, sampleEffect } from '../sampleCommit.js';
import { expectRight } from './expectRight.js';
import { freshId } from './freshId.js';
import type { StoreContractContext } from './StoreContractContext.js';
import { timeWindow } from './timeWindow.js';

const only = (effects: readonly StoredEffect[], mine: readonly string[]): StoredEffect[] =>
  effects.filter((e) => mine.includes(e.effectId));

const claim = async (
  store: OrderStore,
  now: string,
  workerId: string,
  leaseUntil: string,
  limit = 1000,
): Promise<readonly StoredEffect[]> =>
  expectRight(await store.claimDueEffects({ now, workerId, leaseUntil, limit }));

const one = async (store: OrderStore, orderId: string): Promise<StoredEffect | undefined> =>
  expectRight(await store.effects(orderId))[0];

/** Registers the effect (outbox) tests. */
export const effectsContract = ({
  store,
  makeStore,
  sharedStorage,
}: StoreContractContext): void => {
  describe('effects', () => {
    it('stores new effects as pending with no attempts, in the order they were committed', async () => {
      const time = timeWindow();
      const orderId = freshId('order');
      const first = sampleEffect(`${orderId}:z`, orderId, time.at(10));
      const second = sampleEffect(`${orderId}:a`, orderId, time.at(5), {
        kind: 'instructTransfer',
        payload: { amountMinor: 100_000_00, currency: 'CNY' },
      });
      expectRight(await store().commit(sampleCommit(orderId, 1, { effects: [first] })));
      expectRight(await store().commit(sampleCommit(orderId, 2, { effects: [second] })));
      const fresh = {
        status: 'pending',
        attempts: 0,
        claimedBy: null,
        leaseUntil: null,
        lastError: null,
      };
      expect(expectRight(await store().effects(orderId))).toEqual([
        { ...first, ...fresh },
        { ...second, ...fresh },
      ]);
    });

    it('claims available pending effects only, counting the attempt', async () => {
      const time = timeWindow();
      const orderId = freshId('order');
      const now = sampleEffect(freshId('effect'), orderId, time.at(10));
      const later = sampleEffect(freshId('effect'), orderId, time.at(50));
      expectRight(await store().commit(sampleCommit(orderId, 1, { effects: [now, later] })));
      const claimed = only(await claim(store(), time.at(10), 'worker-a', time.at(15)), [
        now.effectId,
        later.effectId,
      ]);
      expect(claimed).toEqual([
        {
          ...now,
          status: 'claimed',
          attempts: 1,
          claimedBy: 'worker-a',
          leaseUntil: time.at(15),
          lastError: null,
        },
      ]);
    });

    it('does not give a held effect to another worker before its lease ends', async () => {
      const time = timeWindow();
      const orderId = freshId('order');
      const effect = sampleEffect(freshId('effect'), orderId, time.at(10));
      expectRight(await store().commit(sampleCommit(orderId, 1, { effects: [effect] })));
      await claim(store(), time.at(10), 'worker-a', time.at(20));
      expect(
        only(await claim(store(), time.at(19), 'worker-b', time.at(30)), [effect.effectId]),
      ).toEqual([]);
    });

    it('lets another worker claim an effect whose lease expired, as a second attempt', async () => {
      const time = timeWindow();
      const orderId = freshId('order');
      const effect = sampleEffect(freshId('effect'), orderId, time.at(10));
      expectRight(await store().commit(sampleCommit(orderId, 1, { effects: [effect] })));
      await claim(store(), time.at(10), 'crashed-worker', time.at(20));
      const again = only(await claim(store(), time.at(20), 'worker-b', time.at(30)), [
        effect.effectId,
      ]);
      expect(again).toMatchObject([{ status: 'claimed', attempts: 2, claimedBy: 'worker-b' }]);
    });

    it('returns at most limit effects per claim, earliest available first', async () => {
      const time = timeWindow();
      const orderId = freshId('order');
      const effects = [3, 1, 2].map((m) => sampleEffect(freshId('effect'), orderId, time.at(m)));
      expectRight(await store().commit(sampleCommit(orderId, 1, { effects })));
      const mine = effects.map((e) => e.effectId);
      const first = await claim(store(), time.at(5), 'w', time.at(100), 2);
      expect(first).toHaveLength(2);
      const times = first.map((e) => Date.parse(e.availableAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      const rest = await claim(store(), time.at(5), 'w', time.at(100));
      const all = [...only(first, mine), ...only(rest, mine)].map((e) => e.effectId);
      expect(all.sort()).toEqual([...mine].sort());
    });

    it('never claims a completed effect again', async () => {
      const time = timeWindow();
      const orderId = freshId('order');
      const effect = sampleEffect(freshId('effect'), orderId, time.at(10));
      expectRight(await store().commit(sampleCommit(orderId, 1, { effects: [effect] })));
      await claim(store(), time.at(10), 'worker-a', time.at(15));
      expectRight(await store().completeEffect(effect.effectId, 'worker-a'));
      expect(await one(store(), orderId)).toMatchObject({
        status: 'done',
        attempts: 1,
        claimedBy: 'worker-a',
        leaseUntil: null,
      });
      expect(
        only(await claim(store(), time.at(600), 'w', time.at(700)), [effect.effectId]),
      ).toEqual([]);
    });

    it('puts a failed effect back as pending at retryAt, not claimable before then', async () => {
      const time = timeWindow();
      const orderId = freshId('order');
      const effect = sampleEffect(freshId('effect'), orderId, time.at(10));
      expectRight(await store().commit(sampleCommit(orderId, 1, { effects: [effect] })));
      await claim(store(), time.at(10), 'worker-a', time.at(15));
      expectRight(
        await store().failEffect(effect.effectId, 'worker-a', {
          error: 'SMTP 451 try later',
          retryAt: time.at(40),
        }),
      );
      expect(await one(store(), orderId)).toEqual({
        ...effect,
        availableAt: time.at(40),
        status: 'pending',
        attempts: 1,
        claimedBy: null,
        leaseUntil: null,
        lastError: 'SMTP 451 try later',
      });
      expect(only(await claim(store(), time.at(39), 'w', time.at(45)), [effect.effectId])).toEqual(
        [],
      );
      expect(
        only(await claim(store(), time.at(40), 'worker-b', time.at(45)), [effect.effectId]),
      ).toMatchObject([{ status: 'claimed', attempts: 2, claimedBy: 'worker-b' }]);
    });

    it('marks an effect failed for good when retryAt is null, and never claims it again', async () => {
      const time = timeWindow();
      const orderId = freshId('order');
      const effect = sampleEffect(freshId('effect'), orderId, time.at(10));
      expectRight(await store().commit(sampleCommit(orderId, 1, { effects: [effect] })));
      await claim(store(), time.at(10), 'worker-a', time.at(15));
      expectRight(
        await store().failEffect(effect.effectId, 'worker-a', {
          error: 'account closed',
          retryAt: null,
        }),
      );
      expect(await one(store(), orderId)).toMatchObject({
        status: 'failed',
        attempts: 1,
        leaseUntil: null,
        lastError: 'account closed',
      });
      expect(
        only(await claim(store(), time.at(600), 'w', time.at(700)), [effect.effectId]),
      ).toEqual([]);
    });

    it('ignores completion and failure from a worker that lost the claim', async () => {
      const time = timeWindow();
      const orderId = freshId('order');
      const effect = sampleEffect(freshId('effect'), orderId, time.at(10));
      expectRight(await store().commit(sampleCommit(orderId, 1, { effects: [effect] })));
      await claim(store(), time.at(10), 'stale-worker', time.at(15));
      await claim(store(), time.at(15), 'worker-b', time.at(30));
      expectRight(await store().completeEffect(effect.effectId, 'stale-worker'));
      expectRight(
        await store().failEffect(effect.effectId, 'stale-worker', {
          error: 'late',
          retryAt: null,
        }),
      );
      const held = await one(store(), orderId);
      expect(held).toMatchObject({
        status: 'claimed',
        claimedBy: 'worker-b',
        attempts: 2,
        lastError: null,
      });
      expectRight(await store().completeEffect(effect.effectId, 'worker-b'));
      expect((await one(store(), orderId))?.status).toBe('done');
    });

    it('ignores completion of an effect nobody claimed', async () => {
      const time = timeWindow();
      const orderId = freshId('order');
      const effect = sampleEffect(freshId('effect'), orderId, time.at(10));
      expectRight(await store().commit(sampleCommit(orderId, 1, { effects: [effect] })));
      expectRight(await store().completeEffect(effect.effectId, 'worker-a'));
      expect((await one(store(), orderId))?.status).toBe('pending');
    });

    it('never gives the same effect to two workers claiming at once', async () => {
      const time = timeWindow();
      const orderId = freshId('order');
      const effects = Array.from({ length: 20 }, (_, i) =>
        sampleEffect(freshId('effect'), orderId, time.at(i)),
      );
      expectRight(await store().commit(sampleCommit(orderId, 1, { effects })));
      const mine = effects.map((e) => e.effectId);
      const second = sharedStorage ? await makeStore() : store();
      try {
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, w) =>
            claim(w % 2 === 0 ? store() : second, time.at(30), `w${w}`, time.at(60), 5),
          ),
        );
        const claimed = results.flatMap((r) => only(r, mine).map((e) => e.effectId));
        expect(claimed.length).toBe(new Set(claimed).size);
        expect(new Set(claimed)).toEqual(new Set(mine));
        expect(expectRight(await store().effects(orderId)).every((e) => e.attempts === 1)).toBe(
          true,
        );
      } finally {
        if (second !== store()) await second.close();
      }
    });
  });
};
