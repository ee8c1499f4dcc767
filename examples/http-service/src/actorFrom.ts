/**
 * Who is calling. PLACEHOLDER FOR REAL AUTHENTICATION: this example trusts two request
 * headers, which any client can set. A real service verifies a session or a token (OIDC,
 * mTLS, a gateway's signed header) and maps the verified identity to an orderflow
 * {@link Actor}; the engine then authorizes by role, line and person.
 */
import type { Actor } from '@orderflow/core';
import * as E from 'fp-ts/lib/Either.js';
import type { Unauthenticated } from './RequestError.js';

/** The header that names the caller's person id. */
export const ACTOR_ID_HEADER = 'X-Actor-Id';
/** The header that lists the caller's role ids, comma-separated. */
export const ACTOR_ROLES_HEADER = 'X-Actor-Roles';

/**
 * Reads the actor from `X-Actor-Id` and `X-Actor-Roles` (comma-separated; absent means no
 * roles). A missing or blank id is `Unauthenticated` (HTTP 401). A placeholder for real
 * authentication: see the module comment.
 *
 * @example
 * actorFrom(new Headers({ 'X-Actor-Id': 'rm-1', 'X-Actor-Roles': 'salesRep' }))
 * // right({ id: 'rm-1', roles: ['salesRep'] })
 */
export function actorFrom(headers: Headers): E.Either<Unauthenticated, Actor> {
  const id = headers.get(ACTOR_ID_HEADER)?.trim() ?? '';
  if (id === '') return E.left({ _tag: 'Unauthenticated', header: ACTOR_ID_HEADER });
  const roles = (headers.get(ACTOR_ROLES_HEADER) ?? '')
    .split(',')
    .map((role) => role.trim())
    .filter((role) => role !== '');
  return E.right({ id, roles: [...new Set(roles)] });
}
