/** Places new audit entries at the end of an order's hash chain. */
import type { AuditEntry } from '../domain/AuditEntry.js';
import type { AuditDraft } from './AuditDraft.js';
import { GENESIS_HASH } from './GENESIS_HASH.js';
import { hashAuditEntry } from './hashAuditEntry.js';

/**
 * Fills `seq`, `prevHash` and `hash` of `drafts` so they continue the chain after `prev`
 * (the order's last stored entry, or `undefined` for a new order).
 *
 * @example
 * const entries = appendAuditEntries(last, [{ orderId, at, actorId, … }]);
 * // entries[0].seq === (last?.seq ?? 0) + 1, entries[0].prevHash === (last?.hash ?? GENESIS_HASH)
 */
export const appendAuditEntries = (
  prev: Pick<AuditEntry, 'seq' | 'hash'> | undefined,
  drafts: readonly AuditDraft[],
): AuditEntry[] => {
  let seq = prev?.seq ?? 0;
  let prevHash = prev?.hash ?? GENESIS_HASH;
  return drafts.map((draft) => {
    seq += 1;
    const unhashed = { ...draft, seq, prevHash };
    const hash = hashAuditEntry(unhashed, prevHash);
    prevHash = hash;
    return { ...unhashed, hash };
  });
};
