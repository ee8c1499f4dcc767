/** What every row of the bench gets: round counts, workload sizes, scratch space, services. */
import type { Rounds } from './harness/measure.js';
import type { CommitTemplate } from './workload/CommitTemplate.js';

/** Workload sizes per round. */
export interface Scale {
  /** Lifecycles per round for the engine on memory and the hand-written xstate peer. */
  readonly lifecycles: number;
  /** Lifecycles per round for bpmn-engine (about 100× slower). */
  readonly bpmnLifecycles: number;
  /** Orders (each a full lifecycle of commits) per round against SQLite. */
  readonly sqliteOrders: number;
  /** Orders per client per round against PostgreSQL. */
  readonly pgOrdersPerClient: number;
  /** Orders opened into SQLite through the engine for the idle-heap figure. */
  readonly idleOrders: number;
  /** Live bpmn-engine instances held for the heap-per-instance figure. */
  readonly bpmnLiveInstances: number;
  /** Live xstate actors held for the heap-per-actor figure. */
  readonly xstateLiveActors: number;
  /** Definition loads per round (per built-in) and BPMN parses per round. */
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
        lifecycles: 10,
        bpmnLifecycles: 2,
        sqliteOrders: 10,
        pgOrdersPerClient: 1,
        idleOrders: 2_000,
        bpmnLiveInstances: 10,
        xstateLiveActors: 300,
        definitionLoads: 2,
      }
    : {
        lifecycles: 100,
        bpmnLifecycles: 10,
        sqliteOrders: 100,
        pgOrdersPerClient: 5,
        idleOrders: 100_000,
        bpmnLiveInstances: 50,
        xstateLiveActors: 5_000,
        definitionLoads: 20,
      };

/** Rounds of a full run and of `--quick`. */
export const roundsFor = (quick: boolean): Rounds =>
  quick ? { warmup: 1, rounds: 3 } : { warmup: 2, rounds: 7 };
