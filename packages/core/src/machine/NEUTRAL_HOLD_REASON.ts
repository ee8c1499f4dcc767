/** What a client may be told about a held order: nothing that tips off (DOMAIN §2 AML). */

/** The client-facing reason of every hold. */
export const NEUTRAL_HOLD_REASON = '订单处理中，请耐心等待 / Your order is being processed';
