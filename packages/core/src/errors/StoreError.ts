/** Failures a store reports. Values, never thrown. */

/** The store could not do what was asked (connection, I/O, SQL). `retryable` says if trying again may help. */
export interface StoreFailed {
  readonly _tag: 'StoreFailed';
  readonly operation: string;
  readonly message: string;
  readonly retryable: boolean;
  readonly cause?: unknown;
}

/** A commit found another version than the one it was based on (optimistic concurrency). */
export interface VersionConflict {
  readonly _tag: 'VersionConflict';
  readonly orderId: string;
  readonly expectedVersion: number;
  readonly actualVersion: number;
}

/** A stored row could not be decoded (hand-edited, corrupt, or from another schema). */
export interface StoredDataInvalid {
  readonly _tag: 'StoredDataInvalid';
  readonly orderId: string;
  readonly what: string;
  readonly message: string;
}

/** Every failure of an {@link OrderStore} call. */
export type StoreError = StoreFailed | VersionConflict | StoredDataInvalid;

/** Builds a {@link StoreFailed}. */
export const storeFailed = (
  operation: string,
  message: string,
  retryable: boolean,
  cause?: unknown,
): StoreFailed => ({
  _tag: 'StoreFailed',
  operation,
  message,
  retryable,
  ...(cause === undefined ? {} : { cause }),
});
