/**
 * @orderflow/example-http-service — the orderflow engine behind a small Hono HTTP API on
 * PostgreSQL. The actor headers are a placeholder for real authentication.
 */
export { ACTOR_ID_HEADER, ACTOR_ROLES_HEADER, actorFrom } from './actorFrom.js';
export { builtinDefinitions } from './builtinDefinitions.js';
export { type AppOptions, createApp } from './createApp.js';
export { expectedVersionFrom } from './expectedVersionFrom.js';
export {
  type ErrorStatus,
  type HttpError,
  httpErrorOf,
  type ServiceError,
} from './httpErrorOf.js';
export { IntText, intParam } from './intParam.js';
export { type ListenFailed, listen, type RunningServer } from './listen.js';
export type {
  MalformedJson,
  PayloadTooLarge,
  RequestError,
  RequestInvalid,
  RoleNotHeld,
  RouteNotFound,
  Unauthenticated,
} from './RequestError.js';
export { readJsonObject } from './readJsonObject.js';
export { settleRace } from './settleRace.js';
export {
  type DefinitionsInvalid,
  type RunningService,
  type ServiceOptions,
  type ServiceStartFailed,
  startService,
} from './startService.js';
