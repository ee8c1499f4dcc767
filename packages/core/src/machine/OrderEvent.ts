/** The events an order machine takes: a decoded command or a system event, with who and when. */
import type { Actor } from '../domain/Actor.js';

/**
 * One event. `command` is the decoded payload (amounts already in minor units); `role`
 * is the role the actor acts in; `at`/`now` the instant from the engine's Clock.
 */
export interface OrderEvent {
  readonly type: string;
  readonly command: { readonly [key: string]: unknown };
  readonly actor: Actor;
  readonly role: string | null;
  readonly at: string;
  readonly now: number;
}
