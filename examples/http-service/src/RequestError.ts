/** Failures of the HTTP edge itself, before a request reaches the engine. */

/** The request named no actor (the `X-Actor-Id` header is missing or blank). */
export interface Unauthenticated {
  readonly _tag: 'Unauthenticated';
  readonly header: string;
}

/** The request body is not JSON. */
export interface MalformedJson {
  readonly _tag: 'MalformedJson';
  readonly message: string;
}

/** A header, a query parameter or the body's shape is not what the route expects. */
export interface RequestInvalid {
  readonly _tag: 'RequestInvalid';
  readonly problems: readonly { readonly path: string; readonly message: string }[];
}

/** The request body is larger than the service accepts. */
export interface PayloadTooLarge {
  readonly _tag: 'PayloadTooLarge';
  readonly maxBytes: number;
}

/** The caller asked for the inbox of a role they do not hold. */
export interface RoleNotHeld {
  readonly _tag: 'RoleNotHeld';
  readonly actorId: string;
  readonly role: string;
}

/** No route matches the method and path. */
export interface RouteNotFound {
  readonly _tag: 'RouteNotFound';
  readonly method: string;
  readonly path: string;
}

/** Everything the HTTP edge can refuse a request with. */
export type RequestError =
  | Unauthenticated
  | MalformedJson
  | RequestInvalid
  | PayloadTooLarge
  | RoleNotHeld
  | RouteNotFound;
