/** Starts S02/S03 worker processes (test/raceWorker.mjs) and collects what they report. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RaceWorker, startRaceWorker } from '@orderflow/core/testing';

const here = dirname(fileURLToPath(import.meta.url));

/** Fails early when the built packages the workers import are missing. */
export const requireBuild = (): void => {
  for (const built of ['../dist/index.js', '../../../core/dist/engine/createEngine.js']) {
    if (!existsSync(join(here, built))) {
      throw new Error(`the workers run the built packages (${built} is missing): run npx tsc -b`);
    }
  }
};

/** Starts one worker with `args` after the script path. */
export const startWorker = (args: readonly string[]): RaceWorker =>
  startRaceWorker(join(here, 'raceWorker.mjs'), args);
