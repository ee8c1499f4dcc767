/** An audit entry before it is placed in the chain. */
import type { AuditEntry } from '../domain/AuditEntry.js';

/** An audit entry without its place in the chain: `seq`, `prevHash` and `hash` are filled by {@link appendAuditEntries}. */
export type AuditDraft = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;
