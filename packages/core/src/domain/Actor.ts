/** The authenticated caller of a command, as the embedding application vouches for it. */

/**
 * Who sends a command. The embedding app authenticates; the engine authorizes by role,
 * by the role's line and by person (segregation of duties).
 */
export interface Actor {
  /** Stable person id; segregation of duties compares these. */
  readonly id: string;
  /** Role ids of the definition this actor holds. */
  readonly roles: readonly string[];
}

/** The system actor's type: the only actor that may send timer and provider events. */
export interface SystemActor extends Actor {
  readonly id: 'system';
}

/** The actor that timers and provider callbacks act as. */
export const SYSTEM_ACTOR: SystemActor = Object.freeze({
  id: 'system',
  roles: Object.freeze(['system']),
});
