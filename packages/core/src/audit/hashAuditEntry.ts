/**
 * The audit hash: `sha256(prevHash + canonical JSON of every field but hash)` (RFC 8785),
 * so a change to any stored field of an entry breaks the chain at that entry.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { AuditEntry } from '../domain/AuditEntry.js';

/**
 * Hex sha256 of `prevHash` followed by the RFC 8785 canonical JSON of `entry` without its
 * `hash` field (a `hash` present on the argument is ignored).
 *
 * Throws only for a programmer error: an entry that is not JSON (NaN, a function…).
 *
 * @example
 * const hash = hashAuditEntry(entryWithoutHash, GENESIS_HASH);
 */
export const hashAuditEntry = (
  entry: Omit<AuditEntry, 'hash'> | AuditEntry,
  prevHash: string,
): string => {
  const { hash: _ignored, ...fields } = entry as AuditEntry;
  const json = canonicalize(fields);
  if (json === undefined) {
    throw new TypeError('hashAuditEntry: the audit entry is not a JSON value');
  }
  return createHash('sha256').update(prevHash, 'utf8').update(json, 'utf8').digest('hex');
};
