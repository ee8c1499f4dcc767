/** The start of every order's audit hash chain. */

/** The `prevHash` of an order's first audit entry: 64 zeros (a sha256 of nothing in particular). */
export const GENESIS_HASH = '0'.repeat(64);
