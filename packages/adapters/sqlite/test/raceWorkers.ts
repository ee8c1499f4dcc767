/** Starts S03 worker processes (test/raceWorker.mjs) and collects what they report. */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { raceWorkersIn } from '@orderflow/core/testing';

/** This folder's raceWorker.mjs, started on the built packages. */
export const { requireBuild, startWorker } = raceWorkersIn(dirname(fileURLToPath(import.meta.url)));
