/** The store-side check that new audit entries continue an order's trail. */
import type { AuditEntry } from '../domain/AuditEntry.js';
import type { StoreFailed, VersionConflict } from '../errors/StoreError.js';
import { storeFailed } from '../errors/StoreError.js';

/**
 * Checks that `entries` continue a trail whose last stored `seq` is `last` (0 for none): the
 * first `seq` is `last` + 1, the rest follow one by one, and all belong to `orderId`.
 * Returns `undefined` when they do; a `VersionConflict` (to be filled in by the caller) when
 * another writer extended the trail meanwhile; a non-retryable `StoreFailed` for entries no
 * correct engine makes.
 */
export const checkAuditContinues = (
  operation: string,
  orderId: string,
  last: number,
  entries: readonly AuditEntry[],
): Pick<VersionConflict, '_tag'> | StoreFailed | undefined => {
  const first = entries[0];
  if (first === undefined) return undefined;
  if (first.seq <= last) return { _tag: 'VersionConflict' };
  for (const [index, entry] of entries.entries()) {
    if (entry.orderId !== orderId) {
      return storeFailed(
        operation,
        `audit entry seq ${entry.seq} belongs to order ${entry.orderId}, not ${orderId}`,
        false,
      );
    }
    if (entry.seq !== last + 1 + index) {
      return storeFailed(
        operation,
        `audit seq ${entry.seq} of order ${orderId} leaves a gap (expected ${last + 1 + index})`,
        false,
      );
    }
  }
  return undefined;
};
