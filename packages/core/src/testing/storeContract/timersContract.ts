/** Contract: business timers — upsert, cancel, fire, and leased claims. */
import { describe, expect, it } from 'vitest';
import type { StoredTimer } from '../../domain/Timer.js';
import type { OrderStore } from '../../ports/OrderStore.js';
import { sampleCommit, sampleTimer } from '../sampleCommit.js';
import { expectRight } from './expectRight.js';
import { freshId } from './freshId.js';
import type { StoreContractContext } from './StoreContractContext.js';
import { timeWindow } from './timeWindow.js';

const ids = (timers: readonly StoredTimer[], mine: readonly string[]): string[] =>
  timers.map((t) => t.timerId).filter((id) => mine.includes(id));

const claim = async (
  store: OrderStore,
  now: string,
  workerId: string,
  leaseUntil: string,
  limit = 1000,
): Promise<readonly StoredTimer[]> =>
  expectRight(await store.claimDueTimers({ now, workerId, leaseUntil, limit }));

/** Registers the timer tests. */
export const timersContract = ({ store, makeStore, sharedStorage }: StoreContractContext): void => {
  describe('timers', () => {
    it('stores a scheduled timer as pending', async () => {
      const time = timeWindow();
      const orderId = freshId('order');
      const timer = sampleTimer(freshId('timer'), orderId, time.at(60));
      expectRight(await store().commit(sampleCommit(orderId, 1, { timers: [timer] })));
      expect(expectRight(await store().timers(orderId))).toEqual([
        { ...timer, status: 'pending', claimedBy: null, leaseUntil: null },
      ]);
    });

    it('replaces a timer scheduled again under the same id', async () => {
      const time = timeWindow();
      const orderId = freshId('order');
      const timerId = freshId('timer');
      expectRight(
        await store().commit(
          sampleCommit(orderId, 1, { timers: [sampleTimer(timerId, orderId, time.at(60))] }),
        ),
      );
      const again = sampleTimer(timerId, orderId, time.at(120), { payload: { stepId: 'finance' } });
      expectRight(await store().commit(sampleCommit(orderId, 2, { timers: [again] })));
      expect(expectRight(await store().timers(orderId))).toEqual([
        { ...again, status: 'pending', claimedBy: null, leaseUntil: null },
      ]);
    });

    it('re-arms a fired or cancelled timer scheduled again under the same id', async () => {
      const time = timeWindow();
      const orderId = freshId('order');
      const [fired, cancelled] = [freshId('timer'), freshId('timer')];
      expectRight(
        await store().commit(
          sampleCommit(orderId, 1, {
            timers: [
              sampleTimer(fired, orderId, time.at(10)),
              sampleTimer(cancelled, orderId, time.at(10)),
            ],
          }),
        ),
      );
      await claim(store(), time.at(10), 'w', time.at(15));
      expectRight(
        await store().commit(
          sampleCommit(orderId, 2, { firedTimers: [fired], cancelTimers: [cancelled] }),
        ),
      );
      const again = [
        sampleTimer(fired, orderId, time.at(60)),
        sampleTimer(cancelled, orderId, time.at(60)),
      ];
      expectRight(await store().commit(sampleCommit(orderId, 3, { timers: again })));
      expect(
        expectRight(await store().timers(orderId)).map((t) => [t.timerId, t.status, t.dueAt]),
      ).toEqual(
        [
          [fired, 'pending', time.at(60)],
          [cancelled, 'pending', time.at(60)],
        ].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)),
      );
      const claimed = await claim(store(), time.at(60), 'w2', time.at(65));
      expect(ids(claimed, [fired, cancelled]).sort()).toEqual([fired, cancelled].sort());
    });

    it('lists an order’s timers by due time', async () => {
      const time = timeWindow();
      const orderId = freshId('order');
      const late = sampleTimer(`${orderId}:b`, orderId, time.at(90));
      const early = sampleTimer(`${orderId}:a`, orderId, time.at(30), { kind: 'coolingOffEnd' });
      expectRight(await store().commit(sampleCommit(orderId, 1, { timers: [late, early] })));
      expect(expectRight(await store().timers(orderId)).map((t) => t.timerId)).toEqual([
        early.timerId,
        late.timerId,
      ]);
    });

    it('cancels pending timers, which are then never claimed; unknown ids are ignored', async () => {
      const time = timeWindow();
      const orderId = freshId('order');
      const timerId = freshId('timer');
      expectRight(
        await store().commit(
          sampleCommit(orderId, 1, { timers: [sampleTimer(timerId, orderId, time.at(10))] }),
        ),
      );
      expectRight(
        await store().commit(
          sampleCommit(orderId, 2, { cancelTimers: [timerId, freshId('no-such-timer')] }),
        ),
      );
      expect(expectRight(await store().timers(orderId))[0]?.status).toBe('cancelled');
      expect(ids(await claim(store(), time.at(20), 'w1', time.at(25)), [timerId])).toEqual([]);
    });

    it('claims due pending timers only, earliest first, for one worker until its lease ends', async () => {
      const time = timeWindow();
      const orderId = freshId('order');
      const due1 = sampleTimer(freshId('timer'), orderId, time.at(10));
      const due2 = sampleTimer(freshId('timer'), orderId, time.at(20));
      const notYet = sampleTimer(freshId('timer'), orderId, time.at(40));
      expectRight(await store().commit(sampleCommit(orderId, 1, { timers: [notYet, due2, due1] })));
      const mine = [due1.timerId, due2.timerId, notYet.timerId];
      const claimed = await claim(store(), time.at(20), 'worker-a', time.at(25));
      expect(ids(claimed, mine)).toEqual([due1.timerId, due2.timerId]);
      expect(claimed.find((t) => t.timerId === due1.timerId)).toEqual({
        ...due1,
        status: 'claimed',
        claimedBy: 'worker-a',
        leaseUntil: time.at(25),
      });
      const dueTimes = claimed.map((t) => Date.parse(t.dueAt));
      expect(dueTimes).toEqual([...dueTimes].sort((a, b) => a - b));
      // Held: another worker gets nothing of it before the lease ends.
      expect(ids(await claim(store(), time.at(24), 'worker-b', time.at(30)), mine)).toEqual([]);
    });

    it('lets another worker claim a timer whose lease expired', async () => {
      const time = timeWindow();
      const orderId = freshId('order');
      const timer = sampleTimer(freshId('timer'), orderId, time.at(10));
      expectRight(await store().commit(sampleCommit(orderId, 1, { timers: [timer] })));
      await claim(store(), time.at(10), 'crashed-worker', time.at(15));
      const reclaimed = await claim(store(), time.at(15), 'worker-b', time.at(20));
      expect(reclaimed.filter((t) => t.timerId === timer.timerId)).toEqual([
        { ...timer, status: 'claimed', claimedBy: 'worker-b', leaseUntil: time.at(20) },
      ]);
    });

    it('returns at most limit timers per claim', async () => {
      const time = timeWindow();
      const orderId = freshId('order');
      const timers = [1, 2, 3].map((m) => sampleTimer(freshId('timer'), orderId, time.at(m)));
      expectRight(await store().commit(sampleCommit(orderId, 1, { timers })));
      const mine = timers.map((t) => t.timerId);
      const first = await claim(store(), time.at(5), 'w', time.at(100), 2);
      expect(first).toHaveLength(2);
      const rest = await claim(store(), time.at(5), 'w', time.at(100));
      expect([...ids(first, mine), ...ids(rest, mine)].sort()).toEqual([...mine].sort());
    });

    it('marks fired timers, which are never claimed again', async () => {
      const time = timeWindow();
      const orderId = freshId('order');
      const timer = sampleTimer(freshId('timer'), orderId, time.at(10));
      expectRight(await store().commit(sampleCommit(orderId, 1, { timers: [timer] })));
      await claim(store(), time.at(10), 'worker-a', time.at(15));
      expectRight(await store().commit(sampleCommit(orderId, 2, { firedTimers: [timer.timerId] })));
      expect(expectRight(await store().timers(orderId))[0]?.status).toBe('fired');
      expect(ids(await claim(store(), time.at(600), 'w', time.at(700)), [timer.timerId])).toEqual(
        [],
      );
    });

    it('never gives the same timer to two workers claiming at once', async () => {
      const time = timeWindow();
      const orderId = freshId('order');
      const timers = Array.from({ length: 20 }, (_, i) =>
        sampleTimer(freshId('timer'), orderId, time.at(i)),
      );
      expectRight(await store().commit(sampleCommit(orderId, 1, { timers })));
      const mine = timers.map((t) => t.timerId);
      const second = sharedStorage ? await makeStore() : store();
      try {
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, w) =>
            claim(w % 2 === 0 ? store() : second, time.at(30), `w${w}`, time.at(60), 5),
          ),
        );
        const claimed = results.flatMap((r) => ids(r, mine));
        expect(claimed.length).toBe(new Set(claimed).size);
        expect(new Set(claimed)).toEqual(new Set(mine));
      } finally {
        if (second !== store()) await second.close();
      }
    });
  });
};
