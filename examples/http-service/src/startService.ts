/**
 * The whole service wired together: built-in definitions, a PostgreSQL store, the engine,
 * the HTTP app, and a background worker that fires due timers and delivers effects.
 */
import { createEngine, type StoreFailed } from '@orderflow/core';
import type { DefinitionError } from '@orderflow/definitions';
import { createPostgresStore } from '@orderflow/postgres';
import * as E from 'fp-ts/lib/Either.js';
import { builtinDefinitions } from './builtinDefinitions.js';
import { createApp } from './createApp.js';
import { type ListenFailed, listen } from './listen.js';

/** How to run the service. */
export interface ServiceOptions {
  /** PostgreSQL URL, e.g. `postgres://postgres@127.0.0.1:5432/test`. */
  readonly connectionString: string;
  /** The schema the store creates and works in. */
  readonly schema: string;
  readonly hostname: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** How often the background worker runs due work; 0 runs no worker. */
  readonly workerPollMs: number;
  /** See `AppOptions.onUnexpected`. */
  readonly onUnexpected?: (error: unknown) => void;
}

/** A built-in definition failed to load (a broken install). */
export interface DefinitionsInvalid {
  readonly _tag: 'DefinitionsInvalid';
  readonly errors: readonly DefinitionError[];
}

/** Why the service did not start. */
export type ServiceStartFailed = DefinitionsInvalid | StoreFailed | ListenFailed;

/** A running service. */
export interface RunningService {
  readonly url: string;
  readonly port: number;
  /** Stops the HTTP server (requests in flight finish), then the worker, then the store. */
  stop(): Promise<void>;
}

/**
 * Starts the service: opens the store (creating or migrating its schema), builds the engine
 * and the app, listens, and starts the worker. Fails as a value; nothing is left open.
 */
export async function startService(
  options: ServiceOptions,
): Promise<E.Either<ServiceStartFailed, RunningService>> {
  const definitions = builtinDefinitions();
  if (E.isLeft(definitions)) {
    return E.left({ _tag: 'DefinitionsInvalid', errors: definitions.left });
  }
  const store = await createPostgresStore({
    connectionString: options.connectionString,
    schema: options.schema,
  });
  if (E.isLeft(store)) return store;
  const engine = createEngine({ definitions: definitions.right, store: store.right });
  const app = createApp({
    engine,
    ...(options.onUnexpected === undefined ? {} : { onUnexpected: options.onUnexpected }),
  });
  const server = await listen(app, { hostname: options.hostname, port: options.port });
  if (E.isLeft(server)) {
    await store.right.close();
    return server;
  }
  const worker = options.workerPollMs > 0 ? engine.worker({ pollMs: options.workerPollMs }) : null;
  return E.right({
    url: server.right.url,
    port: server.right.port,
    stop: async () => {
      await server.right.close();
      await worker?.stop();
      await store.right.close();
    },
  });
}
