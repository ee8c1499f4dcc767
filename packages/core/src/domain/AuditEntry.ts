/** One line of an order's tamper-evident audit trail. */
import type { Json, JsonObject } from './Json.js';

/**
 * An audit entry. Accepted commands and refused attempts are both recorded; a refused
 * attempt does not change the order's version. `hash = sha256(prevHash + canonical JSON of
 * every other field)` (RFC 8785), so altering any stored entry breaks the chain there.
 */
export interface AuditEntry {
  readonly orderId: string;
  /** 1, 2, 3… per order, without gaps. */
  readonly seq: number;
  readonly at: string;
  readonly actorId: string;
  readonly actorRoles: readonly string[];
  /** The role the actor acted in, when one was required. */
  readonly role: string | null;
  /** Command or event type. */
  readonly command: string;
  readonly outcome: 'accepted' | 'refused';
  readonly fromState: string;
  readonly toState: string;
  /** The order version after this entry (unchanged for a refusal). */
  readonly version: number;
  /** The facts guards and conditions used, and for a refusal the error. */
  readonly facts: JsonObject;
  readonly payload: Json;
  readonly prevHash: string;
  readonly hash: string;
}
