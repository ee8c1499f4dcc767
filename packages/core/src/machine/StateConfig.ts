/** The loose shape of xstate state-node configs the stage fragments build. */
import type { Definition, Stage } from '@orderflow/definitions';
import type { Calendar } from '../ports/Calendar.js';

/** A state-node config (checked by xstate when the machine is created). */
export type StateConfig = { readonly [key: string]: unknown };

/** What a stage fragment is built from. */
export interface FragmentEnv<S extends Stage = Stage> {
  readonly definition: Definition;
  readonly calendar: Calendar;
  readonly stage: S;
  /** The target of the next stage (or of `completed` after the last). */
  readonly next: string;
  /** Targets of the stages before this one, by id (amendment targets). */
  readonly earlier: readonly string[];
}
