/** Recomputes an audit trail's hash chain and names the first entry that breaks it. */
import * as E from 'fp-ts/lib/Either.js';
import type { AuditEntry } from '../domain/AuditEntry.js';
import type { AuditChainBreak, AuditChainBroken } from './AuditChainBroken.js';
import { GENESIS_HASH } from './GENESIS_HASH.js';
import { hashAuditEntry } from './hashAuditEntry.js';

/** What a verified trail holds: how many entries, and the last hash (the chain head). */
export interface AuditChainVerified {
  readonly entries: number;
  readonly head: string;
}

const broken = (
  entry: AuditEntry,
  index: number,
  reason: AuditChainBreak,
  expected: string,
  stored: string,
): E.Either<AuditChainBroken, never> =>
  E.left({
    _tag: 'AuditChainBroken',
    orderId: entry.orderId,
    seq: entry.seq,
    index,
    reason,
    expected,
    stored,
    message: `audit entry ${index} (seq ${entry.seq}) of order ${entry.orderId}: ${reason}, expected ${expected}, stored ${stored}`,
  });

/**
 * Checks an order's trail, oldest first: seq runs 1, 2, 3… without gaps, each `prevHash` is
 * the previous entry's `hash` ({@link GENESIS_HASH} for the first), and each `hash`
 * recomputes. An empty trail verifies with head {@link GENESIS_HASH}.
 *
 * @example
 * const result = verifyAuditChain(entries);
 * if (E.isLeft(result)) console.log(result.left.seq, result.left.reason);
 */
export const verifyAuditChain = (
  entries: readonly AuditEntry[],
): E.Either<AuditChainBroken, AuditChainVerified> => {
  let head = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    const expectedSeq = index + 1;
    if (entry.seq !== expectedSeq) {
      return broken(entry, index, 'seqGap', String(expectedSeq), String(entry.seq));
    }
    if (entry.prevHash !== head) {
      return broken(entry, index, 'prevHashMismatch', head, entry.prevHash);
    }
    const recomputed = hashAuditEntry(entry, entry.prevHash);
    if (entry.hash !== recomputed) {
      return broken(entry, index, 'hashMismatch', recomputed, entry.hash);
    }
    head = entry.hash;
  }
  return E.right({ entries: entries.length, head });
};
