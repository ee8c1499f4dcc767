/** JSON values: what snapshots, audit facts and effect payloads are made of. */

/** A JSON value. Stored rows hold only these; no `undefined`, no `Date`, no `bigint`. */
export type Json =
  | null
  | boolean
  | number
  | string
  | readonly Json[]
  | { readonly [k: string]: Json };

/** A JSON object. */
export type JsonObject = { readonly [k: string]: Json };
