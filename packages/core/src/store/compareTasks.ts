/** The order of the work inbox. */
import type { Task } from '../domain/Task.js';
import { compareText } from './compareText.js';

/** A task with its `createdAt` parsed once, for sorting. */
export interface TaskSortKey {
  readonly createdMs: number;
  readonly task: Task;
}

/** Oldest task first: by `createdAt`, then `orderId`, then `taskId`. */
export const compareTasks = (a: TaskSortKey, b: TaskSortKey): number =>
  a.createdMs - b.createdMs ||
  compareText(a.task.orderId, b.task.orderId) ||
  compareText(a.task.taskId, b.task.taskId);
