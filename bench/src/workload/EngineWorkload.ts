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
  /** An engine on a SQLite store at `path`, ready to open idle orders into it. */
  openIdleOrders(path: string): Promise<IdleOrderSink>;
}

/** Opens orders through an engine and keeps nothing of them. */
export interface IdleOrderSink {
  /** Opens `count` new orders; resolves to `count`. */
  open(count: number): Promise<number>;
  close(): Promise<void>;
}

/** The engine workload, or why it is not available in this run. */
export type EngineSide = EngineWorkload | NotAvailable;
