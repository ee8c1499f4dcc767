/** The `machine` column of an order row: the state value and the audit chain head. */
import * as t from 'io-ts';

/**
 * What the engine persists besides the context: the xstate state value and the head of
 * the audit chain it last wrote (a refusal appended since is caught by the store's seq
 * check, and the engine then reads the true head).
 */
export const StoredMachine = t.type({
  value: t.unknown,
  auditSeq: t.number,
  auditHash: t.string,
});
/** @see StoredMachine */
export type StoredMachine = t.TypeOf<typeof StoredMachine>;

/** The minimum a stored context must have to be restored. */
export const StoredContext = t.type({
  orderId: t.string,
  definitionKey: t.string,
  revision: t.number,
  amountMinor: t.number,
  currency: t.string,
  approvals: t.UnknownRecord,
  refunds: t.UnknownArray,
});
