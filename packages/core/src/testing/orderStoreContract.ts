/**
 * The OrderStore contract suite: one set of vitest tests every store implementation runs
 * (memory, SQLite, PostgreSQL), so all of them mean the same thing by each call.
 */
import { afterEach, beforeEach, describe } from 'vitest';
import type { OrderStore } from '../ports/OrderStore.js';
import { claimsModelContract } from './storeContract/claimsModelContract.js';
import { closeContract } from './storeContract/closeContract.js';
import { commitContract } from './storeContract/commitContract.js';
import { effectsContract } from './storeContract/effectsContract.js';
import { jsonRoundTripContract } from './storeContract/jsonRoundTripContract.js';
import type { StoreContractContext } from './storeContract/StoreContractContext.js';
import { tasksContract } from './storeContract/tasksContract.js';
import { timersContract } from './storeContract/timersContract.js';

/** Settings of {@link orderStoreContract}. */
export interface OrderStoreContractOptions {
  /**
   * Set when two stores from `makeStore` see the same rows (one database): the suite then
   * also races claims across two store instances, as two processes would. Default false.
   */
  readonly sharedStorage?: boolean;
}

/**
 * Registers the OrderStore contract tests under `describe(`${name} passes the OrderStore
 * contract`)`. `makeStore` is called before each test; the suite closes the store after it.
 *
 * Each test uses fresh ids and its own day of simulated time (earlier than the previous
 * test's), so one database can be shared by all tests of a run. Claims take any due row of
 * the store, so do not run other tests that claim work against the same database at the
 * same time; between runs, leftover rows are tolerated, not required to be cleared.
 *
 * What the contract decides beyond the port's types:
 * - a commit whose `order.version` is not `expectedVersion + 1`, whose audit entries leave
 *   a gap, that reuses an effect id or an idempotency key → `StoreFailed`, nothing written;
 * - a commit or `appendAudit` whose first audit `seq` is already taken → `VersionConflict`;
 * - `tasks({ roles, actorId })` = tasks narrowed to that person, plus tasks of those roles
 *   narrowed to nobody; `tasks({ roles })` = all tasks of those roles; `tasks({})` = all;
 *   oldest first (`createdAt`, then `orderId`, then `taskId`);
 * - a timer scheduled again under its id is replaced and pending, whatever its status;
 *   cancelling or firing an unknown id is ignored; claims go by due time, then id;
 * - a lease has expired when `leaseUntil <= now`; claiming an effect counts an attempt;
 * - `completeEffect`/`failEffect` by a worker that does not hold the claim change nothing
 *   and return `right`; `effects(orderId)` lists in commit order;
 * - `close()` may be called twice; calls after it return `StoreFailed`.
 *
 * @example
 * // test/sqliteStore.test.ts
 * orderStoreContract('S01 sqlite store', () => createSqliteStore({ path: ':memory:' }));
 */
export const orderStoreContract = (
  name: string,
  makeStore: () => Promise<OrderStore> | OrderStore,
  options: OrderStoreContractOptions = {},
): void => {
  describe(`${name} passes the OrderStore contract`, () => {
    let current: OrderStore | undefined;
    beforeEach(async () => {
      current = await makeStore();
    });
    afterEach(async () => {
      await current?.close();
      current = undefined;
    });
    const context: StoreContractContext = {
      store: () => {
        if (current === undefined) throw new Error('orderStoreContract: no store for this test');
        return current;
      },
      makeStore: async () => makeStore(),
      sharedStorage: options.sharedStorage ?? false,
    };
    commitContract(context);
    tasksContract(context);
    timersContract(context);
    effectsContract(context);
    claimsModelContract(context);
    jsonRoundTripContract(context);
    closeContract(context);
  });
};
