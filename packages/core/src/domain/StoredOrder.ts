/** The persisted form of one order: what a store loads and commits. */
import type { Json, JsonObject } from './Json.js';

/**
 * One order row. `version` starts at 1 when the order is opened and rises by exactly one
 * per accepted command. `machine` is the persisted xstate snapshot; `context` is the
 * order's business data (also inside `machine`, kept apart for queries and views).
 */
export interface StoredOrder {
  readonly orderId: string;
  /** `id@version` of the pinned definition. */
  readonly definitionKey: string;
  readonly version: number;
  /** A readable state path, e.g. `approval.risk` or `done`. */
  readonly state: string;
  /** `active`, or a final outcome such as `completed`, `rejected`, `withdrawn`, `cancelled`. */
  readonly status: string;
  /** The persisted xstate snapshot (`getPersistedSnapshot`), JSON. */
  readonly machine: Json;
  readonly context: JsonObject;
  /** ISO-8601 instants from the engine's Clock. */
  readonly createdAt: string;
  readonly updatedAt: string;
}
