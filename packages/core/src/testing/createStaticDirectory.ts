/** A fixed directory of who holds which role, for tests and small deployments. */
import type { Directory } from '../ports/Directory.js';
import type { Recipient } from '../ports/Notifier.js';

/** One entry of a static directory: an address, or a recipient without its role. */
export type StaticDirectoryEntry = string | Omit<Recipient, 'role'>;

/** A {@link Directory} over a fixed map, which also records what it was asked. */
export interface StaticDirectory extends Directory {
  /** Every `resolve` call, in order. */
  lookups(): readonly { readonly role: string; readonly orderId: string }[];
}

/**
 * Creates a {@link StaticDirectory} from `role → entries`. A plain string is an address
 * (no person, locale `zh-CN`). An unknown role resolves to nobody.
 *
 * @example
 * const directory = createStaticDirectory({
 *   riskOfficer: ['risk@bank.example'],
 *   investor: [{ actorId: 'inv-1', address: 'inv@example.com', locale: 'en' }],
 * });
 */
export const createStaticDirectory = (
  entries: Readonly<Record<string, readonly StaticDirectoryEntry[]>>,
): StaticDirectory => {
  const byRole = new Map<string, readonly Recipient[]>(
    Object.entries(entries).map(([role, list]) => [
      role,
      list.map(
        (entry): Recipient =>
          typeof entry === 'string'
            ? { role, actorId: null, address: entry, locale: 'zh-CN' }
            : { ...entry, role },
      ),
    ]),
  );
  const asked: { role: string; orderId: string }[] = [];
  return {
    resolve: async (role, orderId) => {
      asked.push({ role, orderId });
      return (byRole.get(role) ?? []).map((recipient) => ({ ...recipient }));
    },
    lookups: () => [...asked],
  };
};
