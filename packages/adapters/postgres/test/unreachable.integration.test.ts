import { performance } from 'node:perf_hooks';
import { sampleCommit } from '@orderflow/core/testing';
import { createPostgresStore, type PostgresStore } from '@orderflow/postgres';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { dropSchema, freshSchemaName, PG_URL } from './freshSchema.js';
import { closedPort, startProxy, startSilentServer } from './tcpProxy.js';

const schema = freshSchemaName();
afterAll(() => dropSchema(schema));

const target = new URL(PG_URL);
const urlOn = (port: number): string => {
  const url = new URL(PG_URL);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return url.toString();
};

/** How long `f` took, in ms, with its result. */
const timed = async <A>(f: () => Promise<A>): Promise<{ result: A; ms: number }> => {
  const start = performance.now();
  const result = await f();
  return { result, ms: performance.now() - start };
};

/** Slack for process scheduling on top of a configured timeout. */
const SLACK_MS = 1500;

const retryableFailure = { _tag: 'StoreFailed', retryable: true };

describe('S05 PostgreSQL unreachable', () => {
  it('fails to start on a port nobody listens on, retryable, within the connect timeout', async () => {
    const port = await closedPort();
    const { result, ms } = await timed(() =>
      createPostgresStore({ connectionString: urlOn(port), schema, connectTimeoutMs: 1000 }),
    );
    expect(E.isLeft(result) && result.left).toMatchObject({
      ...retryableFailure,
      operation: 'open',
    });
    expect(ms).toBeLessThan(1000 + SLACK_MS);
  });

  it('fails to start against a server that accepts TCP but never answers, within the connect timeout', async () => {
    const silent = await startSilentServer();
    const { result, ms } = await timed(() =>
      createPostgresStore({ connectionString: urlOn(silent.port), schema, connectTimeoutMs: 300 }),
    );
    await silent.close();
    expect(E.isLeft(result) && result.left).toMatchObject({
      ...retryableFailure,
      operation: 'open',
    });
    expect(ms).toBeLessThan(300 + SLACK_MS);
  });

  it('answers every call with a retryable StoreFailed once the server is gone, and half-writes nothing', async () => {
    const proxy = await startProxy(target.hostname, Number(target.port || 5432));
    const opened = await createPostgresStore({
      connectionString: urlOn(proxy.port),
      schema,
      connectTimeoutMs: 500,
      statementTimeoutMs: 1000,
      poolSize: 2,
    });
    if (E.isLeft(opened)) throw new Error(opened.left.message);
    const store: PostgresStore = opened.right;
    expect(E.isRight(await store.commit(sampleCommit('gone-1', 1)))).toBe(true);

    await proxy.kill();
    const calls: (() => Promise<E.Either<unknown, unknown>>)[] = [
      () => store.load('gone-1'),
      () => store.commit(sampleCommit('gone-1', 2)),
      () => store.history('gone-1'),
      () => store.tasks({ roles: ['riskOfficer'] }),
      () =>
        store.claimDueEffects({
          now: '2026-01-05T01:00:00.000Z',
          workerId: 'w',
          leaseUntil: '2026-01-05T01:01:00.000Z',
          limit: 5,
        }),
    ];
    for (const call of calls) {
      const { result, ms } = await timed(call);
      expect(E.isLeft(result) && result.left).toMatchObject(retryableFailure);
      expect(ms).toBeLessThan(500 + 1000 + SLACK_MS);
    }
    await store.close();

    // The same database through a working route: nothing half-written.
    const direct = await createPostgresStore({ connectionString: PG_URL, schema });
    if (E.isLeft(direct)) throw new Error(direct.left.message);
    const loaded = await direct.right.load('gone-1');
    expect(E.isRight(loaded) && loaded.right?.version).toBe(1);
    await direct.right.close();
  });

  it('gives up on a server that stops answering mid-session within the statement timeout', async () => {
    const proxy = await startProxy(target.hostname, Number(target.port || 5432));
    const opened = await createPostgresStore({
      connectionString: urlOn(proxy.port),
      schema,
      connectTimeoutMs: 300,
      statementTimeoutMs: 500,
      poolSize: 1,
    });
    if (E.isLeft(opened)) throw new Error(opened.left.message);
    const store = opened.right;
    expect(E.isRight(await store.load('anything'))).toBe(true);

    proxy.freeze();
    const { result, ms } = await timed(() => store.commit(sampleCommit('frozen-1', 1)));
    expect(E.isLeft(result) && result.left).toMatchObject(retryableFailure);
    expect(ms).toBeLessThan(300 + 500 + SLACK_MS);

    const again = await timed(() => store.load('frozen-1'));
    expect(E.isLeft(again.result) && again.result.left).toMatchObject(retryableFailure);
    expect(again.ms).toBeLessThan(300 + 500 + SLACK_MS);
    await proxy.kill();
    await store.close();
  });
});
