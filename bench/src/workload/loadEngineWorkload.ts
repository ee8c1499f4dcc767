/** Builds the engine workload, or says why it cannot be built in this run. */
import { notAvailable } from '../harness/Figure.js';
import type { EngineSide } from './EngineWorkload.js';

/** The engine driving the private-fund lifecycle (not built yet: the engine has not landed). */
export const loadEngineWorkload = async (): Promise<EngineSide> => notAvailable('not built yet');
