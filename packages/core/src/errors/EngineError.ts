/** Every failure the engine returns, as a `_tag`ged value (DESIGN §3). Never thrown. */
import type { StoredDataInvalid, StoreFailed, VersionConflict } from './StoreError.js';

/** No order with that id. */
export interface OrderNotFound {
  readonly _tag: 'OrderNotFound';
  readonly orderId: string;
}

/** The command or input failed its codec; each problem has its io-ts path. */
export interface CommandInvalid {
  readonly _tag: 'CommandInvalid';
  readonly command: string;
  readonly problems: readonly { readonly path: string; readonly message: string }[];
}

/** The command is not accepted in the order's current state. */
export interface CommandNotAllowed {
  readonly _tag: 'CommandNotAllowed';
  readonly orderId: string;
  readonly command: string;
  readonly state: string;
  /** Commands the order accepts now (from anyone). */
  readonly allowed: readonly string[];
}

/** The actor lacks the role, or the role's line, the command needs. */
export interface Forbidden {
  readonly _tag: 'Forbidden';
  readonly orderId: string;
  readonly command: string;
  readonly actorId: string;
  readonly requiredRoles: readonly string[];
  readonly reason: string;
}

/** A business rule refused the command; `rule` is a stable id, `facts` what it looked at. */
export interface GuardFailed {
  readonly _tag: 'GuardFailed';
  readonly orderId: string;
  readonly command: string;
  readonly rule: string;
  readonly message: string;
  readonly facts: Readonly<Record<string, unknown>>;
}

/** No definition with that `id@version` is registered with the engine. */
export interface DefinitionNotFound {
  readonly _tag: 'DefinitionNotFound';
  readonly definitionKey: string;
}

/** An adapter (notifier, signer, gateway, registrar) failed. */
export interface AdapterFailed {
  readonly _tag: 'AdapterFailed';
  readonly adapter: string;
  readonly message: string;
  readonly retryable: boolean;
}

/** Everything an engine call can fail with. */
export type EngineError =
  | OrderNotFound
  | CommandInvalid
  | CommandNotAllowed
  | Forbidden
  | GuardFailed
  | VersionConflict
  | DefinitionNotFound
  | StoreFailed
  | StoredDataInvalid
  | AdapterFailed;
