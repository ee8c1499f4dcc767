import type { Engine } from '@orderflow/core';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/createApp.js';

/** An engine whose every call fails the test unless the test replaces it. */
const engineWith = (overrides: Partial<Engine>): Engine => {
  const unused = () => {
    throw new Error('not used by this test');
  };
  return {
    open: unused,
    dispatch: unused,
    get: unused,
    history: unused,
    verifyAudit: unused,
    tasks: unused,
    runDue: unused,
    worker: unused,
    ...overrides,
  };
};

const headers = { 'X-Actor-Id': 'rm-1', 'X-Actor-Roles': 'salesRep' };

describe('createApp', () => {
  it('answers 500 InternalError without details when a handler throws, and reports the error', async () => {
    const reported: unknown[] = [];
    const app = createApp({
      engine: engineWith({
        get: async () => {
          throw new Error('bug: secret detail');
        },
      }),
      onUnexpected: (error) => reported.push(error),
    });
    const response = await app.request('/orders/o-1', { headers });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: { tag: 'InternalError', message: 'unexpected server error' },
    });
    expect(reported).toHaveLength(1);
  });

  it('caps the inbox limit and asks the engine for the caller’s own tasks without ?role=', async () => {
    const queries: unknown[] = [];
    const app = createApp({
      engine: engineWith({
        tasks: async (query, options) => {
          queries.push({ query, options });
          return E.right([]);
        },
      }),
    });
    expect((await app.request('/inbox?limit=5000', { headers })).status).toBe(200);
    expect((await app.request('/inbox?role=salesRep', { headers })).status).toBe(200);
    expect(queries).toEqual([
      { query: { actor: { id: 'rm-1', roles: ['salesRep'] } }, options: { limit: 1000 } },
      { query: { role: 'salesRep' }, options: { limit: 100 } },
    ]);
  });

  it('passes Idempotency-Key and If-Match to the engine', async () => {
    const seen: unknown[] = [];
    const app = createApp({
      engine: engineWith({
        dispatch: async (orderId, command, options) => {
          seen.push({ orderId, command, options });
          return E.left({ _tag: 'OrderNotFound', orderId });
        },
      }),
    });
    const response = await app.request('/orders/o-1/commands', {
      method: 'POST',
      headers: { ...headers, 'Idempotency-Key': 'k-1', 'If-Match': '"4"' },
      body: JSON.stringify({ type: 'enterOrder' }),
    });
    expect(response.status).toBe(404);
    expect(seen).toEqual([
      {
        orderId: 'o-1',
        command: { type: 'enterOrder' },
        options: {
          actor: { id: 'rm-1', roles: ['salesRep'] },
          idempotencyKey: 'k-1',
          expectedVersion: 4,
        },
      },
    ]);
  });
});
