/** A custom human step: a role fills a form within an SLA; skipped when its `when` is false. */
import type { StageOf } from '@orderflow/definitions';
import { cancelTimer, cancelTransition, notify, reduce, scheduleTimer } from '../configParts.js';
import type { FragmentEnv, StateConfig } from '../StateConfig.js';

/** `completeTask` with the form's fields moves on; an SLA breach escalates. */
export const taskFragment = ({ stage, next }: FragmentEnv<StageOf<'task'>>): StateConfig => {
  const key = `${stage.id}.task`;
  const sla = stage.sla;
  const to = stage.escalateTo;
  return {
    initial: 'open',
    on: cancelTransition(stage.id),
    states: {
      open: {
        entry:
          sla === undefined
            ? []
            : [
                reduce('markDue', { key, duration: sla }),
                scheduleTimer('taskSla', `sla:${key}`, ({ context }) => context.due[key] ?? null, {
                  stageId: stage.id,
                }),
              ],
        exit: sla === undefined ? [] : [cancelTimer(`sla:${key}`)],
        always: { guard: { type: 'taskSkipped', params: { stageId: stage.id } }, target: next },
        on: {
          completeTask: {
            target: next,
            actions: [reduce('recordTaskResult', { stageId: stage.id })],
          },
          slaBreached: {
            guard: { type: 'timerFor', params: { key: `sla:${key}` } },
            actions: [
              reduce('recordEscalation', { key, to: to ?? '' }),
              ...(to === undefined ? [] : [notify('slaBreached', 'sla-breached', () => [to])]),
            ],
          },
        },
      },
    },
  };
};
