/** Walks an approval chain: every step with its path, inside parallel groups too. */
import type { ApprovalStep, ChainEntry, ParallelGroup } from '../codecs/Definition.js';
import type { PathSegment } from './Problem.js';

/** A step of a chain with its path from the stage (`['steps', 2, 'parallel', 'steps', 0]`). */
export interface PlacedStep {
  readonly step: ApprovalStep;
  readonly path: readonly PathSegment[];
}

/** A parallel group of a chain with its path from the stage. */
export interface PlacedGroup {
  readonly group: ParallelGroup;
  readonly path: readonly PathSegment[];
}

/** Lists the steps and groups of a chain in order, with their paths relative to the stage. */
export function chainSteps(entries: readonly ChainEntry[]): {
  steps: PlacedStep[];
  groups: PlacedGroup[];
} {
  const steps: PlacedStep[] = [];
  const groups: PlacedGroup[] = [];
  for (const [i, entry] of entries.entries()) {
    if ('parallel' in entry) {
      groups.push({ group: entry.parallel, path: ['steps', i, 'parallel'] });
      for (const [j, step] of entry.parallel.steps.entries()) {
        steps.push({ step, path: ['steps', i, 'parallel', 'steps', j] });
      }
    } else {
      steps.push({ step: entry, path: ['steps', i] });
    }
  }
  return { steps, groups };
}
