/** Starts S03 worker processes (test/raceWorker.mjs) and collects what they report. */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Fails early when the built packages the workers import are missing. */
export const requireBuild = (): void => {
  for (const built of ['../dist/index.js', '../../../core/dist/engine/createEngine.js']) {
    if (!existsSync(join(here, built))) {
      throw new Error(`the workers run the built packages (${built} is missing): run npx tsc -b`);
    }
  }
};

/** What a worker said, and how it ended. */
export interface WorkerRun {
  readonly accepted: [orderId: string, version: number, command: string][];
  readonly done: { conflicts: number; refusals: number; retries: number } | undefined;
  /** The exit code, or the signal that ended the process. */
  readonly ended: number | NodeJS.Signals;
  readonly stderr: string;
}

/** A running worker: its process, and a promise of its run. */
export interface Worker {
  readonly child: ChildProcess;
  /** Resolves once `n` accepted commands were reported (or the worker ended first). */
  readonly acceptedAtLeast: (n: number) => Promise<void>;
  readonly finished: Promise<WorkerRun>;
}

/** Starts one worker with `args` after the script path. */
export const startWorker = (args: readonly string[]): Worker => {
  const child = spawn(process.execPath, [join(here, 'raceWorker.mjs'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const accepted: WorkerRun['accepted'] = [];
  let done: WorkerRun['done'];
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
      accepted?: WorkerRun['accepted'][number];
      done?: WorkerRun['done'];
    };
    if (message.accepted !== undefined) accepted.push(message.accepted);
    if (message.done !== undefined) done = message.done;
    wake(false);
  });
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const finished = new Promise<WorkerRun>((resolve) => {
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
