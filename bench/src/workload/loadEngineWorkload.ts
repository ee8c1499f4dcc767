/**
 * Builds the engine side of the bench: the private-fund built-in loaded, an engine on a
 * fresh memory store per batch of lifecycles, one lifecycle recorded as the commit template
 * the database rows replay, and idle orders opened into SQLite.
 */
import { type Commit, createEngine, createMemoryStore, type Engine } from '@orderflow/core';
import { loadBuiltin } from '@orderflow/definitions';
import { createSqliteStore } from '@orderflow/sqlite';
import * as E from 'fp-ts/lib/Either.js';
import { notAvailable } from '../harness/Figure.js';
import { createBenchClock } from './BenchClock.js';
import { commitTemplate } from './CommitTemplate.js';
import type { EngineSide, IdleOrderSink } from './EngineWorkload.js';
import { LIFECYCLE_START, openInput, PEOPLE } from './privateFundScript.js';
import { recordingStore } from './recordingStore.js';
import { ENGINE_COMMANDS, runEngineLifecycle } from './runEngineLifecycle.js';

let nextOrder = 0;
const freshId = (prefix: string): string => `${prefix}-${nextOrder++}`;

/** The engine workload, or why it cannot run (the built-in does not load, a lifecycle fails). */
export const loadEngineWorkload = async (): Promise<EngineSide> => {
  const definition = loadBuiltin('private-fund-subscription');
  if (E.isLeft(definition)) {
    return notAvailable(
      `private-fund-subscription does not load (${definition.left.length} errors)`,
    );
  }
  const definitions = [definition.right];
  const clock = createBenchClock(LIFECYCLE_START);
  const onMemory = (): Engine => createEngine({ definitions, store: createMemoryStore(), clock });

  const recorded: Commit[] = [];
  const templateId = freshId('template');
  const recordingEngine = createEngine({
    definitions,
    store: recordingStore(createMemoryStore(), (c) => recorded.push(c)),
    clock,
  });
  try {
    await runEngineLifecycle(recordingEngine, clock, templateId);
  } catch (error) {
    return notAvailable(`the lifecycle does not run: ${String(error)}`);
  }

  const openIdleOrders = async (path: string): Promise<IdleOrderSink> => {
    // The heap does not depend on durability; NORMAL spares 100,000 fsyncs.
    const opened = createSqliteStore({ path, synchronous: 'NORMAL' });
    if (E.isLeft(opened)) throw new Error(`SQLite store did not open: ${opened.left.message}`);
    const store = opened.right;
    const engine = createEngine({ definitions, store, clock });
    return {
      open: async (count) => {
        for (let i = 0; i < count; i++) {
          const r = await engine.open(openInput(freshId('idle')), { actor: PEOPLE.sales });
          if (E.isLeft(r)) throw new Error(`open refused: ${JSON.stringify(r.left)}`);
        }
        return count;
      },
      close: () => store.close(),
    };
  };

  return {
    _tag: 'EngineWorkload',
    commandsPerLifecycle: ENGINE_COMMANDS,
    runLifecycles: async (count) => {
      const engine = onMemory();
      for (let i = 0; i < count; i++) await runEngineLifecycle(engine, clock, freshId('pf'));
      return count;
    },
    template: commitTemplate(templateId, recorded, 'recorded from one engine lifecycle'),
    openIdleOrders,
  };
};
