/** The order of the work inbox. */
import type { Task } from '../domain/Task.js';
import { compareText } from './compareText.js';

/** Oldest task first: by `createdAt`, then `orderId`, then `taskId`. */
export const compareTasks = (a: Task, b: Task): number =>
  Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
  compareText(a.orderId, b.orderId) ||
  compareText(a.taskId, b.taskId);
