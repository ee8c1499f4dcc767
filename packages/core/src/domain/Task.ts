/** An entry of the work inbox: what waits for whom, due when. */

/**
 * An open task. The engine writes the full set of an order's open tasks with every commit
 * (replacing the previous set), so the inbox is a plain query.
 */
export interface Task {
  readonly orderId: string;
  /** Unique within the order, e.g. `approval.risk`. */
  readonly taskId: string;
  readonly definitionKey: string;
  /** Stage id, and the approval step id where there is one. */
  readonly stageId: string;
  readonly stepId: string | null;
  /** The role that may act; `actorId` narrows it to one person when set. */
  readonly role: string;
  readonly actorId: string | null;
  /** Commands that complete or advance the task. */
  readonly commands: readonly string[];
  readonly createdAt: string;
  readonly dueAt: string | null;
  /** Set once its SLA has passed (the escalation was sent). */
  readonly escalatedTo: string | null;
}
