/** What each part of the OrderStore contract suite gets to work with. */
import type { OrderStore } from '../../ports/OrderStore.js';

/** The store under test and how to make more of them. */
export interface StoreContractContext {
  /** The store made for the current test (closed after it). */
  readonly store: () => OrderStore;
  /** Makes another store; with `sharedStorage` it sees the same rows. The caller closes it. */
  readonly makeStore: () => Promise<OrderStore>;
  /** Whether two stores from `makeStore` share their rows (one database). */
  readonly sharedStorage: boolean;
}
