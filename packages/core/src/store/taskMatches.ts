/** Which open tasks a {@link TaskQuery} selects. */
import type { Task } from '../domain/Task.js';
import type { TaskQuery } from '../ports/OrderStore.js';

/**
 * Whether `task` answers `query`:
 * - roles only: every task of those roles (the role's queue, including tasks narrowed to a person);
 * - actorId only: the tasks narrowed to that person;
 * - both (a person's inbox): tasks narrowed to that person, OR tasks of those roles narrowed to nobody;
 * - neither: every open task.
 */
export const taskMatches = (task: Task, query: TaskQuery): boolean => {
  const { roles, actorId } = query;
  if (roles === undefined && actorId === undefined) return true;
  if (actorId !== undefined && task.actorId === actorId) return true;
  if (roles === undefined || !roles.includes(task.role)) return false;
  return actorId === undefined || task.actorId === null;
};
