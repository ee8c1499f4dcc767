import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type RunningService, startService } from '../src/startService.js';
import { dropSchema, freshSchemaName, PG_URL } from './support/freshSchema.js';
import { httpClient, openBody, people } from './support/http.js';
import { startProxy } from './support/tcpProxy.js';

// Starting the service creates and migrates a schema; on a loaded CI machine that can take
// longer than vitest's defaults.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Starts the service on `connectionString` in a fresh schema; stopped and dropped after the test. */
const serviceOn = async (connectionString: string) => {
  const schema = freshSchemaName();
  cleanups.push(() => dropSchema(schema));
  const started = await startService({
    connectionString,
    schema,
    hostname: '127.0.0.1',
    port: 0,
    workerPollMs: 0,
  });
  if (E.isLeft(started)) throw new Error(`service: ${JSON.stringify(started.left)}`);
  const service: RunningService = started.right;
  cleanups.push(() => service.stop());
  return { schema, call: httpClient(() => service.url) };
};

const openOrder = async (call: ReturnType<typeof httpClient>): Promise<string> => {
  const orderId = `o-${randomUUID()}`;
  const reply = await call('POST', '/orders', { actor: people.rm1, body: openBody({ orderId }) });
  expect(reply.status).toBe(201);
  return orderId;
};

describe('store failures over HTTP', () => {
  it('answers 503 with Retry-After and a retryable StoreFailed when the database goes away', async () => {
    const target = new URL(PG_URL);
    const proxy = await startProxy(target.hostname, Number(target.port || 5432));
    cleanups.push(() => proxy.kill());
    const viaProxy = new URL(PG_URL);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    const { call } = await serviceOn(viaProxy.toString());
    const orderId = await openOrder(call);

    await proxy.kill();
    const reply = await call('GET', `/orders/${orderId}`, { actor: people.rm1 });
    expect(reply.status).toBe(503);
    expect(reply.headers.get('retry-after')).toBe('1');
    expect(reply.body.error).toMatchObject({ tag: 'StoreFailed', retryable: true });
    expect(reply.body.error).not.toHaveProperty('cause');
  });

  it('answers 500 StoredDataInvalid naming the order when its stored row was edited by hand', async () => {
    const { schema, call } = await serviceOn(PG_URL);
    const orderId = await openOrder(call);
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      await client.query(
        `UPDATE ${pg.escapeIdentifier(schema)}.orders SET context = '{"edited": true}' WHERE order_id = $1`,
        [orderId],
      );
    } finally {
      await client.end();
    }
    const reply = await call('GET', `/orders/${orderId}`, { actor: people.rm1 });
    expect(reply.status).toBe(500);
    expect(reply.body.error).toMatchObject({ tag: 'StoredDataInvalid', orderId });
  });
});
