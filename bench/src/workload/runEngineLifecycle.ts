/** Drives one order of the workload through an engine, from `open` to `archive`. */
import type { Command, Engine } from '@orderflow/core';
import * as E from 'fp-ts/lib/Either.js';
import type { BenchClock } from './BenchClock.js';
import { LIFECYCLE_START, LIFECYCLE_STEPS, openInput, PEOPLE } from './privateFundScript.js';

/** Commands one lifecycle sends, `open` included. */
export const ENGINE_COMMANDS = LIFECYCLE_STEPS.length + 1;

const START_MS = Date.parse(LIFECYCLE_START);

/**
 * Opens `orderId` and sends every step. Throws when the engine refuses a step or the order
 * does not end `completed`: the workload is then broken, and its figures would be wrong.
 */
export const runEngineLifecycle = async (
  engine: Engine,
  clock: BenchClock,
  orderId: string,
): Promise<void> => {
  clock.set(START_MS);
  const opened = await engine.open(openInput(orderId), { actor: PEOPLE.sales });
  if (E.isLeft(opened)) throw new Error(`open refused: ${JSON.stringify(opened.left)}`);
  let status = opened.right.status;
  for (const step of LIFECYCLE_STEPS) {
    if (step.after !== undefined) clock.advance(step.after);
    // System events enter through dispatch as the system actor, as provider callbacks do;
    // `dispatch`'s parameter type names only actor commands.
    const r = await engine.dispatch(orderId, step.command as Command, { actor: step.actor });
    if (E.isLeft(r)) {
      throw new Error(
        `${step.command.type} by ${step.actor.id} refused: ${JSON.stringify(r.left)}`,
      );
    }
    status = r.right.status;
  }
  if (status !== 'completed') throw new Error(`lifecycle ended ${status}, not completed`);
};
