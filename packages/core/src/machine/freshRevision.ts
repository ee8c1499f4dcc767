/** The per-revision data of an order before any of it is done. */
import type { RevisionData } from './OrderContext.js';

/** Empty per-revision data for `revision` at `amountMinor`. */
export const freshRevision = (revision: number, amountMinor: number): RevisionData => ({
  revision,
  amountMinor,
  entry: { makerId: null, checkerId: null, enteredAt: null, verifiedAt: null },
  suitability: null,
  contract: null,
  signature: null,
  approvals: {},
});
