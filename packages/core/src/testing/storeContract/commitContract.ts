/** Contract: load, commit (optimistic versions, atomicity), audit trail, idempotency. */
import { describe, expect, it } from 'vitest';
import { appendAuditEntries } from '../../audit/appendAuditEntries.js';
import { verifyAuditChain } from '../../audit/verifyAuditChain.js';
import {
  sampleAuditEntry,
  sampleCommit,
  sampleEffect,
  sampleTask,
  sampleTimer,
} from '../sampleCommit.js';
import { expectLeft, expectRight } from './expectRight.js';
import { freshId } from './freshId.js';
import type { StoreContractContext } from './StoreContractContext.js';
import { timeWindow } from './timeWindow.js';

/** Registers the commit, audit and idempotency tests. */
export const commitContract = ({ store, makeStore, sharedStorage }: StoreContractContext): void => {
  describe('load and commit', () => {
    it('loads a missing order as undefined', async () => {
      expect(expectRight(await store().load(freshId('missing')))).toBeUndefined();
    });

    it('creates an order and loads back exactly what was committed', async () => {
      const orderId = freshId('order');
      const commit = sampleCommit(orderId, 1);
      expectRight(await store().commit(commit));
      expect(expectRight(await store().load(orderId))).toEqual(commit.order);
    });

    it('moves an order through consecutive versions', async () => {
      const orderId = freshId('order');
      for (const version of [1, 2, 3]) {
        expectRight(
          await store().commit(sampleCommit(orderId, version, { order: { state: `s${version}` } })),
        );
      }
      const loaded = expectRight(await store().load(orderId));
      expect(loaded?.version).toBe(3);
      expect(loaded?.state).toBe('s3');
    });

    it('refuses to create an order that exists, with the version it has', async () => {
      const orderId = freshId('order');
      expectRight(await store().commit(sampleCommit(orderId, 1)));
      expectRight(await store().commit(sampleCommit(orderId, 2)));
      const conflict = expectLeft(await store().commit(sampleCommit(orderId, 1)));
      expect(conflict).toEqual({
        _tag: 'VersionConflict',
        orderId,
        expectedVersion: 0,
        actualVersion: 2,
      });
    });

    it('refuses an update based on a stale version and writes none of it', async () => {
      const orderId = freshId('order');
      expectRight(await store().commit(sampleCommit(orderId, 1)));
      const winner = sampleCommit(orderId, 2, { order: { state: 'winner' } });
      expectRight(await store().commit(winner));
      const loser = sampleCommit(orderId, 2, {
        order: { state: 'loser' },
        effects: [sampleEffect(freshId('effect'), orderId)],
        timers: [sampleTimer(freshId('timer'), orderId)],
        tasks: [sampleTask(orderId, 'risk', 'riskOfficer')],
        idempotency: { key: freshId('key'), response: { ok: true } },
      });
      const conflict = expectLeft(await store().commit(loser));
      expect(conflict).toMatchObject({
        _tag: 'VersionConflict',
        orderId,
        expectedVersion: 1,
        actualVersion: 2,
      });
      expect(expectRight(await store().load(orderId))).toEqual(winner.order);
      expect(expectRight(await store().history(orderId))).toHaveLength(2);
      expect(expectRight(await store().effects(orderId))).toEqual([]);
      expect(expectRight(await store().timers(orderId))).toEqual([]);
      expect(
        expectRight(await store().tasks({ roles: ['riskOfficer'] })).map((t) => t.orderId),
      ).not.toContain(orderId);
      expect(expectRight(await store().idempotent(loser.idempotency?.key ?? ''))).toBeUndefined();
    });

    it('lets exactly one of several racing commits on one version win', async () => {
      const orderId = freshId('order');
      expectRight(await store().commit(sampleCommit(orderId, 1)));
      const second = sharedStorage ? await makeStore() : store();
      try {
        const racers = Array.from({ length: 6 }, (_, i) =>
          sampleCommit(orderId, 2, {
            order: { state: `racer-${i}` },
            effects: [sampleEffect(freshId('effect'), orderId)],
          }),
        );
        const results = await Promise.all(
          racers.map((c, i) => (i % 2 === 0 ? store() : second).commit(c)),
        );
        const winners = results.flatMap((r, i) => (r._tag === 'Right' ? [i] : []));
        expect(winners).toHaveLength(1);
        for (const r of results) {
          if (r._tag === 'Left') expect(r.left).toMatchObject({ _tag: 'VersionConflict', orderId });
        }
        const winner = racers[winners[0] ?? -1];
        expect(expectRight(await store().load(orderId))).toEqual(winner?.order);
        expect(expectRight(await store().history(orderId))).toHaveLength(2);
        expect(expectRight(await store().effects(orderId)).map((e) => e.effectId)).toEqual(
          winner?.effects.map((e) => e.effectId),
        );
      } finally {
        if (second !== store()) await second.close();
      }
    });

    it('lets exactly one of several racing creates of one order win', async () => {
      const orderId = freshId('order');
      const second = sharedStorage ? await makeStore() : store();
      try {
        const results = await Promise.all(
          Array.from({ length: 6 }, (_, i) =>
            (i % 2 === 0 ? store() : second).commit(
              sampleCommit(orderId, 1, { order: { state: `creator-${i}` } }),
            ),
          ),
        );
        expect(results.filter((r) => r._tag === 'Right')).toHaveLength(1);
        for (const r of results) {
          if (r._tag === 'Left') {
            expect(r.left).toMatchObject({ _tag: 'VersionConflict', orderId, actualVersion: 1 });
          }
        }
        expect(expectRight(await store().history(orderId))).toHaveLength(1);
      } finally {
        if (second !== store()) await second.close();
      }
    });

    it('refuses an update of an order that does not exist, with actual version 0', async () => {
      const orderId = freshId('order');
      expect(expectLeft(await store().commit(sampleCommit(orderId, 4)))).toMatchObject({
        _tag: 'VersionConflict',
        orderId,
        expectedVersion: 3,
        actualVersion: 0,
      });
      expect(expectRight(await store().load(orderId))).toBeUndefined();
    });

    it('refuses a commit whose order version is not expectedVersion + 1, writing nothing', async () => {
      const orderId = freshId('order');
      expectRight(await store().commit(sampleCommit(orderId, 1)));
      const wrong = { ...sampleCommit(orderId, 3), expectedVersion: 1 };
      expect(expectLeft(await store().commit(wrong))).toMatchObject({ _tag: 'StoreFailed' });
      expect(expectRight(await store().load(orderId))?.version).toBe(1);
      expect(expectRight(await store().history(orderId))).toHaveLength(1);
    });

    it('refuses a commit that reuses an existing effect id, writing nothing', async () => {
      const orderId = freshId('order');
      const effectId = freshId('effect');
      expectRight(
        await store().commit(
          sampleCommit(orderId, 1, { effects: [sampleEffect(effectId, orderId)] }),
        ),
      );
      const again = sampleCommit(orderId, 2, { effects: [sampleEffect(effectId, orderId)] });
      expect(expectLeft(await store().commit(again))).toMatchObject({ _tag: 'StoreFailed' });
      expect(expectRight(await store().load(orderId))?.version).toBe(1);
      expect(expectRight(await store().effects(orderId))).toHaveLength(1);
    });

    it('refuses a commit that repeats an effect id or a task id, writing nothing', async () => {
      const orderId = freshId('order');
      const effectId = freshId('effect');
      const twoEffects = sampleCommit(orderId, 1, {
        effects: [sampleEffect(effectId, orderId), sampleEffect(effectId, orderId)],
      });
      expect(expectLeft(await store().commit(twoEffects))).toMatchObject({ _tag: 'StoreFailed' });
      const role = freshId('role');
      const twoTasks = sampleCommit(orderId, 1, {
        tasks: [sampleTask(orderId, 'risk', role), sampleTask(orderId, 'risk', role)],
      });
      expect(expectLeft(await store().commit(twoTasks))).toMatchObject({ _tag: 'StoreFailed' });
      expect(expectRight(await store().load(orderId))).toBeUndefined();
      expect(expectRight(await store().effects(orderId))).toEqual([]);
      expect(expectRight(await store().tasks({ roles: [role] }))).toEqual([]);
    });

    it('keeps stored rows apart from the objects passed in and handed out', async () => {
      const orderId = freshId('order');
      const commit = sampleCommit(orderId, 1);
      const expected = structuredClone(commit.order);
      expectRight(await store().commit(commit));
      (commit.order.context as { amountMinor: number }).amountMinor = 1;
      const loaded = expectRight(await store().load(orderId));
      if (loaded !== undefined) (loaded.context as { amountMinor: number }).amountMinor = 2;
      expect(expectRight(await store().load(orderId))).toEqual(expected);
    });
  });

  describe('copies', () => {
    it('hands out rows the caller may change without changing what is stored', async () => {
      const time = timeWindow();
      const orderId = freshId('order');
      const role = freshId('role');
      const effect = sampleEffect(freshId('effect'), orderId, time.at(1));
      const timer = sampleTimer(freshId('timer'), orderId, time.at(1));
      expectRight(
        await store().commit(
          sampleCommit(orderId, 1, {
            effects: [effect],
            timers: [timer],
            tasks: [sampleTask(orderId, 'risk', role)],
          }),
        ),
      );
      const scribble = (row: unknown): void => {
        (row as { payload?: unknown; facts?: unknown; commands?: unknown }).payload = 'changed';
        (row as { facts?: unknown }).facts = 'changed';
        (row as { commands?: unknown }).commands = ['changed'];
      };
      for (const entry of expectRight(await store().history(orderId))) scribble(entry);
      for (const task of expectRight(await store().tasks({ roles: [role] }))) scribble(task);
      for (const row of expectRight(
        await store().claimDueEffects({
          now: time.at(2),
          workerId: 'w',
          leaseUntil: time.at(3),
          limit: 1000,
        }),
      )) {
        scribble(row);
      }
      for (const row of expectRight(
        await store().claimDueTimers({
          now: time.at(2),
          workerId: 'w',
          leaseUntil: time.at(3),
          limit: 1000,
        }),
      )) {
        scribble(row);
      }
      expect(expectRight(await store().history(orderId))).toEqual([sampleAuditEntry(orderId, 1)]);
      expect(expectRight(await store().tasks({ roles: [role] }))).toEqual([
        sampleTask(orderId, 'risk', role),
      ]);
      expect(expectRight(await store().effects(orderId))[0]?.payload).toEqual(effect.payload);
      expect(expectRight(await store().timers(orderId))[0]?.payload).toEqual(timer.payload);
    });
  });

  describe('audit trail', () => {
    it('returns the trail oldest first, seq continuing across commits without gaps', async () => {
      const orderId = freshId('order');
      expectRight(await store().commit(sampleCommit(orderId, 1)));
      expectRight(
        await store().commit(
          sampleCommit(orderId, 2, {
            audit: [sampleAuditEntry(orderId, 2), sampleAuditEntry(orderId, 3, { version: 2 })],
          }),
        ),
      );
      const trail = expectRight(await store().history(orderId));
      expect(trail.map((entry) => entry.seq)).toEqual([1, 2, 3]);
      expect(trail[0]).toEqual(sampleAuditEntry(orderId, 1));
    });

    it('returns a hash chain that still verifies after commits and refused attempts', async () => {
      const orderId = freshId('order');
      const draft = (command: string, version: number, outcome: 'accepted' | 'refused') => {
        const { seq: _seq, prevHash: _prev, hash: _hash, ...rest } = sampleAuditEntry(orderId, 1);
        return { ...rest, command, version, outcome, at: `2026-01-05T0${version}:00:00.000Z` };
      };
      const first = appendAuditEntries(undefined, [draft('open', 1, 'accepted')]);
      expectRight(await store().commit(sampleCommit(orderId, 1, { audit: first })));
      const refused = appendAuditEntries(first.at(-1), [draft('approve', 1, 'refused')]);
      expectRight(await store().appendAudit(orderId, 1, refused));
      const second = appendAuditEntries(refused.at(-1), [
        draft('enterOrder', 2, 'accepted'),
        draft('verifyEntry', 2, 'accepted'),
      ]);
      expectRight(await store().commit(sampleCommit(orderId, 2, { audit: second })));
      const trail = expectRight(await store().history(orderId));
      expect(verifyAuditChain(trail)).toEqual({
        _tag: 'Right',
        right: { entries: 4, head: second.at(-1)?.hash },
      });
    });

    it('returns an empty trail for an order that does not exist', async () => {
      expect(expectRight(await store().history(freshId('missing')))).toEqual([]);
    });

    it('appends refused attempts at the current version without changing the version', async () => {
      const orderId = freshId('order');
      expectRight(await store().commit(sampleCommit(orderId, 1)));
      const refused = sampleAuditEntry(orderId, 2, { outcome: 'refused', version: 1 });
      expectRight(await store().appendAudit(orderId, 1, [refused]));
      expect(expectRight(await store().load(orderId))?.version).toBe(1);
      expect(expectRight(await store().history(orderId))).toEqual([
        sampleAuditEntry(orderId, 1),
        refused,
      ]);
      // The next accepted command continues after the refused attempt.
      expectRight(
        await store().commit(sampleCommit(orderId, 2, { audit: [sampleAuditEntry(orderId, 3)] })),
      );
      expect(expectRight(await store().history(orderId)).map((e) => e.seq)).toEqual([1, 2, 3]);
    });

    it('refuses appendAudit when the order moved to another version meanwhile', async () => {
      const orderId = freshId('order');
      expectRight(await store().commit(sampleCommit(orderId, 1)));
      expectRight(await store().commit(sampleCommit(orderId, 2)));
      const late = sampleAuditEntry(orderId, 3, { outcome: 'refused', version: 1 });
      expect(expectLeft(await store().appendAudit(orderId, 1, [late]))).toMatchObject({
        _tag: 'VersionConflict',
        orderId,
        expectedVersion: 1,
        actualVersion: 2,
      });
      expect(expectRight(await store().history(orderId))).toHaveLength(2);
    });

    it('refuses appendAudit when another writer already took that seq', async () => {
      const orderId = freshId('order');
      expectRight(await store().commit(sampleCommit(orderId, 1)));
      const first = sampleAuditEntry(orderId, 2, { outcome: 'refused', version: 1 });
      const second = sampleAuditEntry(orderId, 2, {
        outcome: 'refused',
        version: 1,
        actorId: 'someone-else',
      });
      expectRight(await store().appendAudit(orderId, 1, [first]));
      expect(expectLeft(await store().appendAudit(orderId, 1, [second]))).toMatchObject({
        _tag: 'VersionConflict',
        orderId,
      });
      expect(expectRight(await store().history(orderId))).toEqual([
        sampleAuditEntry(orderId, 1),
        first,
      ]);
    });

    it('never forks the trail when a refused attempt races an accepted command', async () => {
      const second = sharedStorage ? await makeStore() : store();
      try {
        for (let round = 0; round < 5; round += 1) {
          const orderId = freshId('order');
          expectRight(await store().commit(sampleCommit(orderId, 1)));
          const refused = sampleAuditEntry(orderId, 2, { outcome: 'refused', version: 1 });
          const [appended, committed] = await Promise.all([
            (round % 2 === 0 ? store() : second).appendAudit(orderId, 1, [refused]),
            (round % 2 === 0 ? second : store()).commit(sampleCommit(orderId, 2)),
          ]);
          expect([appended._tag, committed._tag].filter((tag) => tag === 'Right')).toHaveLength(1);
          const trail = expectRight(await store().history(orderId));
          expect(trail.map((e) => e.seq)).toEqual([1, 2]);
          expect(trail[1]?.outcome).toBe(appended._tag === 'Right' ? 'refused' : 'accepted');
          expect(expectRight(await store().load(orderId))?.version).toBe(
            committed._tag === 'Right' ? 2 : 1,
          );
        }
      } finally {
        if (second !== store()) await second.close();
      }
    });

    it('refuses appendAudit entries that leave a gap in seq (a programmer error)', async () => {
      const orderId = freshId('order');
      expectRight(await store().commit(sampleCommit(orderId, 1)));
      const gap = sampleAuditEntry(orderId, 3, { outcome: 'refused', version: 1 });
      expect(expectLeft(await store().appendAudit(orderId, 1, [gap]))).toMatchObject({
        _tag: 'StoreFailed',
        retryable: false,
      });
      expect(expectRight(await store().history(orderId))).toHaveLength(1);
    });

    it('refuses appendAudit on an order that does not exist', async () => {
      const orderId = freshId('missing');
      const entry = sampleAuditEntry(orderId, 1, { outcome: 'refused', version: 0 });
      expect(expectLeft(await store().appendAudit(orderId, 0, [entry]))).toMatchObject({
        _tag: 'VersionConflict',
        actualVersion: 0,
      });
      expect(expectRight(await store().history(orderId))).toEqual([]);
    });

    it('refuses a commit whose audit seq was taken by a refused attempt meanwhile', async () => {
      const orderId = freshId('order');
      expectRight(await store().commit(sampleCommit(orderId, 1)));
      const refused = sampleAuditEntry(orderId, 2, { outcome: 'refused', version: 1 });
      expectRight(await store().appendAudit(orderId, 1, [refused]));
      // Loaded before the refusal was recorded: its entry also claims seq 2.
      const stale = sampleCommit(orderId, 2);
      expect(expectLeft(await store().commit(stale))).toMatchObject({
        _tag: 'VersionConflict',
        orderId,
      });
      expect(expectRight(await store().load(orderId))?.version).toBe(1);
      expect(expectRight(await store().history(orderId))).toHaveLength(2);
    });

    it('refuses a commit whose audit entries leave a gap in seq, writing nothing', async () => {
      const orderId = freshId('order');
      expectRight(await store().commit(sampleCommit(orderId, 1)));
      const gap = sampleCommit(orderId, 2, { audit: [sampleAuditEntry(orderId, 3)] });
      expect(expectLeft(await store().commit(gap))).toMatchObject({ _tag: 'StoreFailed' });
      expect(expectRight(await store().load(orderId))?.version).toBe(1);
      expect(expectRight(await store().history(orderId))).toHaveLength(1);
    });
  });

  describe('idempotency', () => {
    it('remembers a response under its key in the same commit', async () => {
      const orderId = freshId('order');
      const key = freshId('key');
      const response = { orderId, version: 1, state: 'needsConfirmation', list: [1, 'two'] };
      expectRight(
        await store().commit(sampleCommit(orderId, 1, { idempotency: { key, response } })),
      );
      expect(expectRight(await store().idempotent(key))).toEqual(response);
    });

    it('answers undefined for a key never used', async () => {
      expect(expectRight(await store().idempotent(freshId('key')))).toBeUndefined();
    });

    it('refuses a second commit under a used key and writes none of it', async () => {
      const key = freshId('key');
      const first = freshId('order');
      const second = freshId('order');
      expectRight(
        await store().commit(
          sampleCommit(first, 1, { idempotency: { key, response: { orderId: first } } }),
        ),
      );
      const duplicate = sampleCommit(second, 1, {
        idempotency: { key, response: { orderId: second } },
      });
      expect(expectLeft(await store().commit(duplicate))).toMatchObject({ _tag: 'StoreFailed' });
      expect(expectRight(await store().load(second))).toBeUndefined();
      expect(expectRight(await store().idempotent(key))).toEqual({ orderId: first });
    });
  });
};
