/** The orderflow side of the lifecycle rows: the engine driving the private-fund lifecycle. */
import type { NotAvailable } from '../harness/Figure.js';
import type { CommitTemplate } from './CommitTemplate.js';

/** What the bench needs from the engine, once it is built. */
export interface EngineWorkload {
  readonly _tag: 'EngineWorkload';
  /** Commands (including `open`) per lifecycle. */
  readonly commandsPerLifecycle: number;
  /** Runs `count` full lifecycles on the memory store; resolves to `count`. */
  runLifecycles(count: number): Promise<number>;
  /** The commits one lifecycle made, recorded from the memory store. */
  readonly template: CommitTemplate;
  /** Opens `count` orders into a SQLite store at `path`, keeping nothing; resolves to `count`. */
  openIdleOrders(
    path: string,
    count: number,
  ): Promise<{ readonly opened: number; readonly close: () => Promise<void> }>;
}

/** The engine workload, or why it is not available in this run. */
export type EngineSide = EngineWorkload | NotAvailable;
