/** The failure {@link verifyAuditChain} reports. */

/** Why an entry breaks the chain. */
export type AuditChainBreak = 'seqGap' | 'prevHashMismatch' | 'hashMismatch';

/**
 * The first entry where an audit trail stops verifying: its `seq` and position, why, and
 * what was expected against what is stored (hashes, or seq numbers for a `seqGap`).
 */
export interface AuditChainBroken {
  readonly _tag: 'AuditChainBroken';
  readonly orderId: string;
  /** The stored `seq` of the first broken entry. */
  readonly seq: number;
  /** Its position in the trail (0-based). */
  readonly index: number;
  readonly reason: AuditChainBreak;
  readonly expected: string;
  readonly stored: string;
  readonly message: string;
}
