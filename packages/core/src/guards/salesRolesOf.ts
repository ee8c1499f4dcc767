/** Which of an actor's roles sit on the sales line. */
import type { Definition } from '@orderflow/definitions';
import type { Actor } from '../domain/Actor.js';

/** The actor's roles whose line is `sales` in the definition. */
export const salesRolesOf = (definition: Definition, actor: Actor): string[] =>
  actor.roles.filter((r) => definition.roles[r]?.line === 'sales');
