/**
 * The audit entry the peers write per accepted event, chained the way DOMAIN.md requires
 * and the engine does: `sha256(prevHash + RFC 8785 canonical JSON of the entry)`, with the
 * same `canonicalize` library.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The hash before an order's first entry. */
export const PEER_GENESIS_HASH = '0'.repeat(64);

/** What a peer records of one accepted event (the engine's audit entry fields). */
export interface PeerAuditEntry {
  readonly orderId: string;
  readonly seq: number;
  readonly at: string;
  readonly actorId: string;
  readonly actorRoles: readonly string[];
  readonly command: string;
  readonly outcome: 'accepted';
  readonly fromState: string;
  readonly toState: string;
  readonly version: number;
  readonly payload: object;
  readonly prevHash: string;
}

/** The entry's hash and its stored JSON (the entry with its hash). */
export const chainAuditEntry = (entry: PeerAuditEntry): { hash: string; json: string } => {
  const hash = createHash('sha256')
    .update(entry.prevHash + (canonicalize(entry) ?? ''))
    .digest('hex');
  return { hash, json: JSON.stringify({ ...entry, hash }) };
};

/** A state value as the audit's `fromState`/`toState` text. */
export const peerStateName = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);
