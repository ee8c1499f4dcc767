/** The S02/S03 worker launcher of a store adapter's test folder. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type RaceWorker, startRaceWorker } from './startRaceWorker.js';

/** Starting the `raceWorker.mjs` of one test folder, on the built packages. */
export interface RaceWorkers {
  /** Throws early when the built packages the workers import are missing. */
  readonly requireBuild: () => void;
  /** Starts one worker with `args` after the script path. */
  readonly startWorker: (args: readonly string[]) => RaceWorker;
}

/**
 * The launcher of `<testDir>/raceWorker.mjs`, for an adapter laid out as
 * `packages/adapters/<name>/test` (its build in `../dist`, core's in `../../../core/dist`).
 *
 * @example export const { requireBuild, startWorker } = raceWorkersIn(dirname(fileURLToPath(import.meta.url)));
 */
export const raceWorkersIn = (testDir: string): RaceWorkers => ({
  requireBuild: () => {
    for (const built of ['../dist/index.js', '../../../core/dist/engine/createEngine.js']) {
      if (!existsSync(join(testDir, built))) {
        throw new Error(`the workers run the built packages (${built} is missing): run npx tsc -b`);
      }
    }
  },
  startWorker: (args) => startRaceWorker(join(testDir, 'raceWorker.mjs'), args),
});
