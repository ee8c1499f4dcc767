/**
 * The bpmn-engine peer: the private-fund lifecycle as a BPMN 2.0 process (one user task per
 * step, bench/bpmn/private-fund-subscription.bpmn), parsed once, run instance by instance,
 * each user task signalled in order and `engine.getState()` saved as JSON after each.
 */
import { readFileSync } from 'node:fs';
import * as elements from 'bpmn-elements';
import { Engine } from 'bpmn-engine';
import BpmnModdle from 'bpmn-moddle';
import serializer, { type SerializableContext, TypeResolver } from 'moddle-context-serializer';

/** The BPMN file of the peer process. */
export const BPMN_FILE = new URL('../../bpmn/private-fund-subscription.bpmn', import.meta.url);

/** The BPMN source text. */
export const bpmnSource = (): string => readFileSync(BPMN_FILE, 'utf8');

/** The user task ids of the process, in the order they are signalled. */
export const bpmnTaskIds = (source: string): readonly string[] =>
  [...source.matchAll(/<userTask id="([^"]+)"/g)].map((m) => m[1] ?? '');

/** Parses BPMN XML into the serialized context bpmn-engine runs (what `new Engine({ source })` does). */
export const parseBpmn = async (source: string): Promise<SerializableContext> => {
  const moddleContext = await new BpmnModdle().fromXML(source);
  // moddle-context-serializer takes the whole fromXML result, which its types call Definitions.
  return serializer(
    moddleContext as unknown as Parameters<typeof serializer>[0],
    TypeResolver(elements),
  );
};

/** A parsed process, ready to run many instances of. */
export interface BpmnPeer {
  readonly sourceContext: SerializableContext;
  readonly taskIds: readonly string[];
}

/** Parses the peer's BPMN file once. */
export const loadBpmnPeer = async (): Promise<BpmnPeer> => {
  const source = bpmnSource();
  return { sourceContext: await parseBpmn(source), taskIds: bpmnTaskIds(source) };
};

/**
 * Starts one instance and signals its first `steps` user tasks, saving the state after
 * the start and after each signal. Returns the engine (still running when `steps` is
 * short of the full list). Throws if a task is not waiting when its turn comes.
 */
export const startBpmnInstance = async (
  peer: BpmnPeer,
  name: string,
  saved: Map<string, string>,
  steps = peer.taskIds.length,
): Promise<Engine> => {
  const engine = new Engine({ name, sourceContext: peer.sourceContext });
  const execution = await engine.execute();
  saved.set(name, JSON.stringify(await engine.getState()));
  for (const id of peer.taskIds.slice(0, steps)) {
    if (!execution.getPostponed().some((api) => api.id === id)) {
      throw new Error(`bpmn peer: task ${id} is not waiting`);
    }
    execution.signal({ id });
    saved.set(name, JSON.stringify(await engine.getState()));
  }
  return engine;
};

/**
 * Runs `count` full lifecycles one after another. Returns `count`. Throws if an instance
 * does not complete (the workload is broken, not slow).
 */
export const runBpmnLifecycles = async (
  peer: BpmnPeer,
  count: number,
  saved: Map<string, string> = new Map(),
): Promise<number> => {
  for (let i = 0; i < count; i++) {
    const engine = await startBpmnInstance(peer, `bpmn-${i}`, saved);
    if (engine.state !== 'idle' || engine.execution.getPostponed().length > 0) {
      throw new Error(`bpmn peer: instance ${i} did not complete (${engine.state})`);
    }
  }
  return count;
};

/** Stops an instance that is still running (`stop()` never settles on a finished one). */
export const stopBpmnInstance = async (engine: Engine): Promise<void> => {
  if (engine.state === 'running') await engine.stop();
};

/**
 * Runs `count` full lifecycles the way a service that keeps nothing in memory between
 * tasks would (the engine's rule: ≈ 0 bytes per idle order): after the start, each task
 * recovers a new engine from the saved JSON state (`recover` + `resume`), signals the task
 * and saves the state again. Returns `count`; throws if an instance does not complete.
 */
export const runRecoveredBpmnLifecycles = async (
  peer: BpmnPeer,
  count: number,
  saved: Map<string, string> = new Map(),
): Promise<number> => {
  for (let i = 0; i < count; i++) {
    const name = `bpmn-recovered-${i}`;
    const first = new Engine({ name, sourceContext: peer.sourceContext });
    await first.execute();
    saved.set(name, JSON.stringify(await first.getState()));
    await stopBpmnInstance(first);
    let last: Engine = first;
    for (const id of peer.taskIds) {
      const engine = new Engine({ name, sourceContext: peer.sourceContext });
      engine.recover(JSON.parse(saved.get(name) ?? 'null'));
      const execution = await engine.resume();
      if (!execution.getPostponed().some((api) => api.id === id)) {
        throw new Error(`bpmn peer (recovered): task ${id} is not waiting`);
      }
      execution.signal({ id });
      saved.set(name, JSON.stringify(await engine.getState()));
      await stopBpmnInstance(engine);
      last = engine;
    }
    if (last.execution.getPostponed().length > 0) {
      throw new Error(`bpmn peer (recovered): instance ${i} did not complete (${last.state})`);
    }
  }
  return count;
};
