/** Diagram labels from a definition: the names its authors gave stages and approval steps. */
import type { Definition } from '@orderflow/definitions';

/**
 * Maps state paths to the names written in the definition: `approval` → its stage name,
 * `approval.finance` → that step's name, `approval.control` → the parallel group's id.
 * A state path the compiled machine does not have is simply never looked up.
 *
 * @example describeMachine(compile(definition), { labels: stateLabelsOf(definition) })
 */
export function stateLabelsOf(definition: Definition): ReadonlyMap<string, string> {
  const labels = new Map<string, string>();
  for (const stage of definition.stages) {
    labels.set(stage.id, stage.name ?? stage.id);
    if (stage.kind !== 'approval') continue;
    for (const entry of stage.steps) {
      if ('parallel' in entry) {
        const group = entry.parallel;
        labels.set(
          `${stage.id}.${group.id}`,
          `${group.id} (${group.policy}${group.policy === 'quorum' ? ` ${group.quorum ?? ''}/${group.steps.length}` : ''})`,
        );
        for (const step of group.steps)
          labels.set(`${stage.id}.${group.id}.${step.id}`, step.name ?? step.id);
      } else {
        labels.set(`${stage.id}.${entry.id}`, entry.name ?? entry.id);
      }
    }
  }
  return labels;
}
