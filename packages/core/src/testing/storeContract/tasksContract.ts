/** Contract: the work inbox — tasks replaced per order, queried by roles and/or person. */
import { describe, expect, it } from 'vitest';
import type { Task } from '../../domain/Task.js';
import { sampleCommit, sampleTask } from '../sampleCommit.js';
import { expectRight } from './expectRight.js';
import { freshId } from './freshId.js';
import type { StoreContractContext } from './StoreContractContext.js';
import { timeWindow } from './timeWindow.js';

const keys = (tasks: readonly Task[]): string[] => tasks.map((t) => `${t.orderId}/${t.taskId}`);

/** Registers the task query tests. */
export const tasksContract = ({ store }: StoreContractContext): void => {
  describe('tasks', () => {
    it('replaces an order’s open tasks with every commit', async () => {
      const orderId = freshId('order');
      const role = freshId('role');
      const first = sampleTask(orderId, 'entry', role);
      expectRight(await store().commit(sampleCommit(orderId, 1, { tasks: [first] })));
      expect(expectRight(await store().tasks({ roles: [role] }))).toEqual([first]);
      const second = sampleTask(orderId, 'verify', role, { commands: ['verifyEntry'] });
      expectRight(await store().commit(sampleCommit(orderId, 2, { tasks: [second] })));
      expect(expectRight(await store().tasks({ roles: [role] }))).toEqual([second]);
      expectRight(await store().commit(sampleCommit(orderId, 3, { tasks: [] })));
      expect(expectRight(await store().tasks({ roles: [role] }))).toEqual([]);
    });

    it('finds tasks of any of the given roles across orders, oldest first', async () => {
      const time = timeWindow();
      const [a, b, c] = [freshId('order'), freshId('order'), freshId('order')];
      const [risk, compliance, other] = [freshId('risk'), freshId('compliance'), freshId('other')];
      const newest = sampleTask(a, 'risk', risk, { createdAt: time.at(30) });
      const oldest = sampleTask(b, 'compliance', compliance, { createdAt: time.at(10) });
      const middle = sampleTask(c, 'risk', risk, { createdAt: time.at(20), dueAt: time.at(90) });
      const unrelated = sampleTask(c, 'other', other, { createdAt: time.at(5) });
      expectRight(await store().commit(sampleCommit(a, 1, { tasks: [newest] })));
      expectRight(await store().commit(sampleCommit(b, 1, { tasks: [oldest] })));
      expectRight(await store().commit(sampleCommit(c, 1, { tasks: [middle, unrelated] })));
      const found = expectRight(await store().tasks({ roles: [risk, compliance] }));
      expect(found).toEqual([oldest, middle, newest]);
    });

    it('finds a role’s tasks whether or not they are narrowed to a person', async () => {
      const orderId = freshId('order');
      const role = freshId('role');
      const open = sampleTask(orderId, 'a', role);
      const narrowed = sampleTask(orderId, 'b', role, { actorId: freshId('person') });
      expectRight(await store().commit(sampleCommit(orderId, 1, { tasks: [open, narrowed] })));
      expect(keys(expectRight(await store().tasks({ roles: [role] })))).toEqual(
        keys([open, narrowed]),
      );
    });

    it('finds the tasks narrowed to one person by actorId', async () => {
      const orderId = freshId('order');
      const person = freshId('person');
      const mine = sampleTask(orderId, 'mine', 'approver', { actorId: person });
      const theirs = sampleTask(orderId, 'theirs', 'approver', { actorId: freshId('person') });
      const anyone = sampleTask(orderId, 'anyone', 'approver');
      expectRight(
        await store().commit(sampleCommit(orderId, 1, { tasks: [mine, theirs, anyone] })),
      );
      expect(expectRight(await store().tasks({ actorId: person }))).toEqual([mine]);
    });

    it('gives a person’s inbox for roles and actorId: theirs, plus their roles’ tasks narrowed to nobody', async () => {
      const time = timeWindow();
      const orderId = freshId('order');
      const person = freshId('person');
      const role = freshId('role');
      const mineOtherRole = sampleTask(orderId, 'delegated', freshId('role'), {
        actorId: person,
        createdAt: time.at(1),
      });
      const roleOpen = sampleTask(orderId, 'open', role, { createdAt: time.at(2) });
      const roleMine = sampleTask(orderId, 'mine', role, {
        actorId: person,
        createdAt: time.at(3),
      });
      const roleTheirs = sampleTask(orderId, 'theirs', role, {
        actorId: freshId('person'),
        createdAt: time.at(4),
      });
      expectRight(
        await store().commit(
          sampleCommit(orderId, 1, { tasks: [mineOtherRole, roleOpen, roleMine, roleTheirs] }),
        ),
      );
      expect(expectRight(await store().tasks({ roles: [role], actorId: person }))).toEqual([
        mineOtherRole,
        roleOpen,
        roleMine,
      ]);
    });

    it('returns at most limit tasks, the oldest', async () => {
      const time = timeWindow();
      const orderId = freshId('order');
      const role = freshId('role');
      const tasks = [3, 1, 2].map((minute) =>
        sampleTask(orderId, `t${minute}`, role, { createdAt: time.at(minute) }),
      );
      expectRight(await store().commit(sampleCommit(orderId, 1, { tasks })));
      expect(keys(expectRight(await store().tasks({ roles: [role], limit: 2 })))).toEqual([
        `${orderId}/t1`,
        `${orderId}/t2`,
      ]);
    });

    it('finds every open task with an empty query, and none with an empty role list', async () => {
      const orderId = freshId('order');
      const task = sampleTask(orderId, 'any', freshId('role'));
      expectRight(await store().commit(sampleCommit(orderId, 1, { tasks: [task] })));
      expect(expectRight(await store().tasks({}))).toContainEqual(task);
      expect(expectRight(await store().tasks({ roles: [] }))).toEqual([]);
      expect(expectRight(await store().tasks({ roles: [task.role], limit: 0 }))).toEqual([]);
    });

    it('finds nothing for a role nobody has a task for', async () => {
      expect(expectRight(await store().tasks({ roles: [freshId('role')] }))).toEqual([]);
      expect(expectRight(await store().tasks({ actorId: freshId('person') }))).toEqual([]);
    });
  });
};
