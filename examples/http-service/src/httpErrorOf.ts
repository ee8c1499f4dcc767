/** Turns an engine or request failure into an HTTP status and a JSON error body. */
import type { EngineError } from '@orderflow/core';
import type { RequestError } from './RequestError.js';

/** The statuses this service answers a failure with. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 500 | 502 | 503;

/** An HTTP answer to a failure: `{ error: { tag, message, ...facts } }`. */
export interface HttpError {
  readonly status: ErrorStatus;
  readonly body: {
    readonly error: { readonly tag: string; readonly message: string } & Readonly<
      Record<string, unknown>
    >;
  };
  /** Extra response headers (`Retry-After` on a retryable store failure). */
  readonly headers: Readonly<Record<string, string>>;
}

/** Every failure the service can answer with. */
export type ServiceError = EngineError | RequestError;

const statusOf = (error: ServiceError): ErrorStatus => {
  switch (error._tag) {
    case 'CommandInvalid':
    case 'MalformedJson':
    case 'RequestInvalid':
      return 400;
    case 'Unauthenticated':
      return 401;
    case 'Forbidden':
    case 'GuardFailed':
    case 'RoleNotHeld':
      return 403;
    case 'OrderNotFound':
    case 'DefinitionNotFound':
    case 'RouteNotFound':
      return 404;
    case 'CommandNotAllowed':
    case 'VersionConflict':
      return 409;
    case 'PayloadTooLarge':
      return 413;
    case 'StoreFailed':
      return error.retryable ? 503 : 500;
    case 'StoredDataInvalid':
      return 500;
    case 'AdapterFailed':
      return 502;
  }
};

const messageOf = (error: ServiceError): string => {
  switch (error._tag) {
    case 'CommandInvalid':
      return `${error.command}: ${error.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`;
    case 'MalformedJson':
      return `the request body is not JSON: ${error.message}`;
    case 'RequestInvalid':
      return error.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    case 'Unauthenticated':
      return `no actor: send the ${error.header} header`;
    case 'Forbidden':
      return `${error.actorId} may not ${error.command}: ${error.reason}`;
    case 'GuardFailed':
    case 'StoreFailed':
    case 'StoredDataInvalid':
    case 'AdapterFailed':
      return error.message;
    case 'PayloadTooLarge':
      return `the request body is larger than ${error.maxBytes} bytes`;
    case 'RoleNotHeld':
      return `${error.actorId} does not hold the role ${error.role}`;
    case 'OrderNotFound':
      return `no order ${error.orderId}`;
    case 'DefinitionNotFound':
      return `no definition ${error.definitionKey}`;
    case 'RouteNotFound':
      return `no route ${error.method} ${error.path}`;
    case 'CommandNotAllowed':
      return `${error.command} is not accepted in ${error.state}; allowed now: ${error.allowed.join(', ') || 'none'}`;
    case 'VersionConflict':
      return `order ${error.orderId} is at version ${error.actualVersion}, not ${error.expectedVersion}`;
  }
};

/**
 * Maps a failure to its status (CommandInvalid 400, Forbidden and GuardFailed 403,
 * RoleNotHeld 403, OrderNotFound 404, CommandNotAllowed and VersionConflict 409, PayloadTooLarge 413, StoreFailed 503 when
 * retryable else 500, AdapterFailed 502, …) and a body carrying the failure's facts.
 * A store failure's `cause` stays out of the body: it may hold connection details.
 */
export function httpErrorOf(error: ServiceError): HttpError {
  const { _tag, ...rest } = error;
  const facts: Record<string, unknown> = { ...rest };
  delete facts.cause;
  delete facts.message;
  const status = statusOf(error);
  return {
    status,
    body: { error: { tag: _tag, message: messageOf(error), ...facts } },
    headers: status === 503 ? { 'Retry-After': '1' } : {},
  };
}
