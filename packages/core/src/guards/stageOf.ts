/** Finds a stage of a definition by id. */
import type { Definition, Stage } from '@orderflow/definitions';

/** The stage with `id`, or `undefined`. */
export const stageOf = (definition: Definition, id: string | undefined): Stage | undefined =>
  id === undefined ? undefined : definition.stages.find((s) => s.id === id);
