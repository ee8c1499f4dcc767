/** Starts a race worker process and collects what it reports, line by line. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** What a race worker said, and how it ended. */
export interface RaceWorkerRun {
  readonly accepted: [orderId: string, version: number, command: string][];
  readonly done: { conflicts: number; refusals: number; retries: number } | undefined;
  /** The exit code, or the signal that ended the process. */
  readonly ended: number | NodeJS.Signals;
  readonly stderr: string;
}

/** A running race worker: its process, and a promise of its run. */
export interface RaceWorker {
  readonly child: ChildProcess;
  /** Resolves once `n` accepted commands were reported (or the worker ended first). */
  readonly acceptedAtLeast: (n: number) => Promise<void>;
  readonly finished: Promise<RaceWorkerRun>;
}

/**
 * Starts a race worker: `node script ...args`, a script that runs {@link raceOrders} and
 * prints its JSON lines. Used by the stores' multi-process proofs (S02, S03).
 */
export const startRaceWorker = (script: string, args: readonly string[]): RaceWorker => {
  const child = spawn(process.execPath, [script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const accepted: RaceWorkerRun['accepted'] = [];
  let done: RaceWorkerRun['done'];
  let stderr = '';
  const waiting: { n: number; resolve: () => void }[] = [];
  const wake = (all: boolean) => {
    for (const w of [...waiting]) {
      if (all || accepted.length >= w.n) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    const message = JSON.parse(line) as {
      accepted?: RaceWorkerRun['accepted'][number];
      done?: RaceWorkerRun['done'];
    };
    if (message.accepted !== undefined) accepted.push(message.accepted);
    if (message.done !== undefined) done = message.done;
    wake(false);
  });
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const finished = new Promise<RaceWorkerRun>((resolve) => {
    child.on('close', (code, signal) => {
      wake(true);
      resolve({ accepted, done, ended: signal ?? code ?? -1, stderr });
    });
  });
  return {
    child,
    acceptedAtLeast: (n) =>
      accepted.length >= n
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            waiting.push({ n, resolve });
          }),
    finished,
  };
};
