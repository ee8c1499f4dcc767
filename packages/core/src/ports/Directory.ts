/** Who holds a role, and how to reach them. */
import type { Recipient } from './Notifier.js';

/** Resolves roles (and people) to addresses for notifications. */
export interface Directory {
  /** Everyone who should hear about `role` on this order. */
  resolve(role: string, orderId: string): Promise<readonly Recipient[]>;
}
