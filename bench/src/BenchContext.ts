/** What every row of the bench gets: round counts, workload sizes, scratch space, services. */
import type { Rounds } from './harness/measure.js';
import type { CommitTemplate } from './workload/CommitTemplate.js';

/** Workload sizes: batches (repeated until a round's time is up) and heap counts. */
export interface Scale {
  /** Lifecycles per batch for the engine on memory and the hand-written xstate peer. */
  readonly lifecycles: number;
  /** Lifecycles per batch for bpmn-engine (about 100× slower). */
  readonly bpmnLifecycles: number;
  /** Orders (each a full lifecycle of commits) per batch against SQLite. */
  readonly sqliteOrders: number;
  /** Orders per client per batch against PostgreSQL. */
  readonly pgOrdersPerClient: number;
  /** Orders opened into SQLite through the engine for the idle-heap figure. */
  readonly idleOrders: number;
  /** Live bpmn-engine instances held for the heap-per-instance figure. */
  readonly bpmnLiveInstances: number;
  /** Live xstate actors held for the heap-per-actor figure. */
  readonly xstateLiveActors: number;
  /** Definition loads (per built-in) and BPMN parses per batch. */
  readonly definitionLoads: number;
}

/** The run's settings and shared inputs. */
export interface BenchContext {
  readonly quick: boolean;
  readonly rounds: Rounds;
  readonly scale: Scale;
  /** A scratch directory, removed at the end of the run. */
  readonly tmpDir: string;
  /** PostgreSQL server for rows 4 (env ORDERFLOW_PG_URL). */
  readonly pgUrl: string;
  /** One lifecycle's commits, replayed by the database rows. */
  readonly template: CommitTemplate;
  /** Progress lines (stderr), so stdout holds only the table. */
  readonly log: (line: string) => void;
}

/** Workload sizes of a full run (a few minutes) and of `--quick` (under a minute). */
export const scaleFor = (quick: boolean): Scale =>
  quick
    ? {
        lifecycles: 5,
        bpmnLifecycles: 1,
        sqliteOrders: 5,
        pgOrdersPerClient: 1,
        idleOrders: 1_000,
        bpmnLiveInstances: 5,
        xstateLiveActors: 300,
        definitionLoads: 1,
      }
    : {
        lifecycles: 20,
        bpmnLifecycles: 1,
        sqliteOrders: 10,
        pgOrdersPerClient: 2,
        idleOrders: 100_000,
        bpmnLiveInstances: 50,
        xstateLiveActors: 5_000,
        definitionLoads: 2,
      };

/** Rounds of a full run and of `--quick`. */
export const roundsFor = (quick: boolean): Rounds =>
  quick ? { warmup: 1, rounds: 3, roundSeconds: 0.2 } : { warmup: 2, rounds: 7, roundSeconds: 1 };
