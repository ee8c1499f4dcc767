import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningService, startService } from '../src/startService.js';
import { dropSchema, freshSchemaName, PG_URL } from './support/freshSchema.js';
import { httpClient, openBody, people } from './support/http.js';

// Starting the service creates and migrates a schema; on a loaded CI machine that can take
// longer than vitest's defaults.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const schema = freshSchemaName();
let service: RunningService | undefined;
const call = httpClient(() => service?.url ?? 'http://127.0.0.1:1');

beforeAll(async () => {
  const started = await startService({
    connectionString: PG_URL,
    schema,
    hostname: '127.0.0.1',
    port: 0,
    workerPollMs: 0,
  });
  if (E.isLeft(started)) throw new Error(`service: ${JSON.stringify(started.left)}`);
  service = started.right;
});

afterAll(async () => {
  await service?.stop();
  await dropSchema(schema);
});

/** Opens a public fund purchase as rm-1 and returns its id. */
const opened = async (): Promise<string> => {
  const reply = await call('POST', '/orders', {
    actor: people.rm1,
    body: openBody({ orderId: `o-${randomUUID()}` }),
  });
  expect(reply.status).toBe(201);
  return reply.body.orderId;
};

const send = (orderId: string, actor: (typeof people)[keyof typeof people], command: unknown) =>
  call('POST', `/orders/${orderId}/commands`, { actor, body: command });

/** Opens an order and brings it to maker-checker entry (`entry.entering`). */
const atEntry = async (): Promise<string> => {
  const id = await opened();
  expect((await send(id, people.rm1, { type: 'confirmNeeds', documentId: 'needs-1' })).status).toBe(
    200,
  );
  return id;
};

describe('the order lifecycle over HTTP', () => {
  it('opens an order, drives it through entry to approval, and reads it, its history, its audit check and the inboxes', async () => {
    const orderId = `o-${randomUUID()}`;
    const open = await call('POST', '/orders', {
      actor: people.rm1,
      body: openBody({ orderId }),
    });
    expect(open.status).toBe(201);
    expect(open.headers.get('location')).toBe(`/orders/${orderId}`);
    expect(open.headers.get('etag')).toBe('"1"');
    expect(open.body).toMatchObject({
      orderId,
      definitionKey: 'public-fund-purchase@1',
      version: 1,
      status: 'active',
    });
    expect(open.body.context.amountMinor).toBe(10_000_000);
    expect(open.body.allowedCommands).toContain('confirmNeeds');

    const needs = await send(orderId, people.rm1, { type: 'confirmNeeds', documentId: 'needs-1' });
    expect(needs.status).toBe(200);
    expect(needs.body.state).toBe('entry.entering');

    const makerInbox = await call('GET', '/inbox', { actor: people.rm2 });
    expect(makerInbox.status).toBe(200);
    expect(makerInbox.body.tasks).toContainEqual(
      expect.objectContaining({
        orderId,
        taskId: 'entry',
        role: 'salesRep',
        commands: expect.arrayContaining(['enterOrder']),
      }),
    );

    expect((await send(orderId, people.rm2, { type: 'enterOrder' })).body.state).toBe(
      'entry.verifying',
    );
    const verified = await send(orderId, people.ops, { type: 'verifyEntry' });
    expect(verified.status).toBe(200);
    expect(verified.body.state).toBe('approval.supervisor');

    const bySupervisor = await call('GET', `/orders/${orderId}`, { actor: people.sup });
    expect(bySupervisor.status).toBe(200);
    expect(bySupervisor.headers.get('etag')).toBe(`"${verified.body.version}"`);
    expect(bySupervisor.body.allowedCommands).toContain('approve');
    const firstRevision = await call('GET', `/orders/${orderId}?revision=1`, { actor: people.sup });
    expect(firstRevision.status).toBe(200);
    expect(firstRevision.body.revision).toBe(1);
    const noSuchRevision = await call('GET', `/orders/${orderId}?revision=9`, {
      actor: people.sup,
    });
    expect(noSuchRevision.status).toBe(404);
    const byOwner = await call('GET', `/orders/${orderId}`, { actor: people.rm1 });
    expect(byOwner.body.allowedCommands).not.toContain('approve');

    const queue = await call('GET', '/inbox?role=salesSupervisor', { actor: people.sup });
    expect(queue.status).toBe(200);
    expect(queue.body.tasks).toContainEqual(
      expect.objectContaining({ orderId, stageId: 'approval', stepId: 'supervisor' }),
    );

    const history = await call('GET', `/orders/${orderId}/history`, { actor: people.sup });
    expect(history.status).toBe(200);
    expect(history.body.orderId).toBe(orderId);
    expect(
      history.body.entries.map((e: { command: string; actorId: string }) => [e.command, e.actorId]),
    ).toEqual([
      ['open', 'rm-1'],
      ['confirmNeeds', 'rm-1'],
      ['enterOrder', 'rm-2'],
      ['verifyEntry', 'ops-1'],
    ]);

    const audit = await call('GET', `/orders/${orderId}/audit/verify`, { actor: people.sup });
    expect(audit.status).toBe(200);
    expect(audit.body).toEqual({ orderId, valid: true, entries: 4, brokenAt: null });
  });

  it('answers a retried command with the same Idempotency-Key with the same response, applied once', async () => {
    const id = await opened();
    const retry = () =>
      call('POST', `/orders/${id}/commands`, {
        actor: people.rm1,
        headers: { 'Idempotency-Key': 'confirm-needs-1' },
        body: { type: 'confirmNeeds', documentId: 'needs-1' },
      });
    const first = await retry();
    const second = await retry();
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(first.body.version).toBe(2);
    const history = await call('GET', `/orders/${id}/history`, { actor: people.rm1 });
    expect(history.body.entries.map((e: { command: string }) => e.command)).toEqual([
      'open',
      'confirmNeeds',
    ]);
  });

  it('opens one order for an open retried with the same Idempotency-Key', async () => {
    const open = () =>
      call('POST', '/orders', {
        actor: people.rm1,
        headers: { 'Idempotency-Key': `open-${randomUUID()}` },
        body: openBody(),
      });
    const key = `open-${randomUUID()}`;
    const once = () =>
      call('POST', '/orders', {
        actor: people.rm1,
        headers: { 'Idempotency-Key': key },
        body: openBody(),
      });
    const first = await once();
    const second = await once();
    expect(first.status).toBe(201);
    expect(second.body.orderId).toBe(first.body.orderId);
    expect((await open()).body.orderId).not.toBe(first.body.orderId);
  });

  it('accepts one of eight identical commands racing on one order and answers the others 409', async () => {
    const id = await opened();
    const replies = await Promise.all(
      Array.from({ length: 8 }, () =>
        send(id, people.rm1, { type: 'confirmNeeds', documentId: 'needs-1' }),
      ),
    );
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    for (const refused of replies.filter((r) => r.status === 409)) {
      expect(['VersionConflict', 'CommandNotAllowed']).toContain(refused.body.error.tag);
    }
    const history = await call('GET', `/orders/${id}/history`, { actor: people.rm1 });
    const accepted = history.body.entries.filter(
      (e: { outcome: string }) => e.outcome === 'accepted',
    );
    expect(accepted.map((e: { command: string }) => e.command)).toEqual(['open', 'confirmNeeds']);
    const audit = await call('GET', `/orders/${id}/audit/verify`, { actor: people.rm1 });
    expect(audit.body.valid).toBe(true);
  });

  it('answers every concurrent retry of a command with one Idempotency-Key with the one response', async () => {
    const id = await opened();
    const replies = await Promise.all(
      Array.from({ length: 8 }, () =>
        call('POST', `/orders/${id}/commands`, {
          actor: people.rm1,
          headers: { 'Idempotency-Key': 'confirm-needs-race' },
          body: { type: 'confirmNeeds', documentId: 'needs-1' },
        }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(8).fill(200));
    for (const reply of replies) expect(reply.body).toEqual(replies[0]?.body);
    const history = await call('GET', `/orders/${id}/history`, { actor: people.rm1 });
    expect(history.body.entries.map((e: { command: string }) => e.command)).toEqual([
      'open',
      'confirmNeeds',
    ]);
  });

  it('opens one order for concurrent retries of an open with one Idempotency-Key and order id', async () => {
    const orderId = `o-${randomUUID()}`;
    const replies = await Promise.all(
      Array.from({ length: 8 }, () =>
        call('POST', '/orders', {
          actor: people.rm1,
          headers: { 'Idempotency-Key': `open-${orderId}` },
          body: openBody({ orderId }),
        }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(8).fill(201));
    for (const reply of replies) expect(reply.body).toEqual(replies[0]?.body);
  });

  it('applies a command whose If-Match names the current version', async () => {
    const id = await opened();
    const reply = await call('POST', `/orders/${id}/commands`, {
      actor: people.rm1,
      headers: { 'If-Match': '"1"' },
      body: { type: 'confirmNeeds', documentId: 'needs-1' },
    });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('etag')).toBe('"2"');
  });
});

describe('how failures map to HTTP statuses', () => {
  it('answers 400 CommandInvalid with the io-ts path for a command body that fails its codec', async () => {
    const id = await opened();
    const reply = await send(id, people.rm1, { type: 'confirmNeeds', documentId: 42 });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ tag: 'CommandInvalid', command: 'confirmNeeds' });
    expect(reply.body.error.problems).toContainEqual(
      expect.objectContaining({ path: 'documentId' }),
    );
    expect(reply.body.error.message).toContain('documentId');
  });

  it('answers 400 CommandInvalid for an unknown command type and for an open input with a bad amount', async () => {
    const id = await opened();
    const unknown = await send(id, people.rm1, { type: 'teleport' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.problems).toEqual([
      { path: 'type', message: 'unknown command type "teleport"' },
    ]);
    const badAmount = await call('POST', '/orders', {
      actor: people.rm1,
      body: openBody({ amount: '1,000.00' }),
    });
    expect(badAmount.status).toBe(400);
    expect(badAmount.body.error).toMatchObject({ tag: 'CommandInvalid', command: 'open' });
    expect(badAmount.body.error.problems).toContainEqual(
      expect.objectContaining({ path: 'amount' }),
    );
  });

  it('answers 400 MalformedJson for a body that is not JSON, and 400 RequestInvalid for JSON that is not an object', async () => {
    const id = await opened();
    const malformed = await send(id, people.rm1, '{"type": "confirmNeeds",');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.tag).toBe('MalformedJson');
    const array = await send(id, people.rm1, [{ type: 'confirmNeeds' }]);
    expect(array.status).toBe(400);
    expect(array.body.error).toMatchObject({
      tag: 'RequestInvalid',
      problems: [{ path: 'body', message: 'expected a JSON object' }],
    });
  });

  it('answers 400 RequestInvalid for an If-Match or a revision that is not a version number', async () => {
    const id = await opened();
    const ifMatch = await call('POST', `/orders/${id}/commands`, {
      actor: people.rm1,
      headers: { 'If-Match': 'latest' },
      body: { type: 'confirmNeeds', documentId: 'needs-1' },
    });
    expect(ifMatch.status).toBe(400);
    expect(ifMatch.body.error.problems[0].path).toBe('header.If-Match');
    const revision = await call('GET', `/orders/${id}?revision=first`, { actor: people.rm1 });
    expect(revision.status).toBe(400);
    expect(revision.body.error.problems[0].path).toBe('query.revision');
  });

  it('answers 413 PayloadTooLarge for a body over the limit without reading it into a command', async () => {
    const id = await opened();
    const reply = await send(id, people.rm1, {
      type: 'returnEntry',
      reason: 'x'.repeat(1024 * 1024 + 1024),
    });
    expect(reply.status).toBe(413);
    expect(reply.body.error).toMatchObject({ tag: 'PayloadTooLarge', maxBytes: 1024 * 1024 });
    const history = await call('GET', `/orders/${id}/history`, { actor: people.rm1 });
    expect(history.body.entries).toHaveLength(1);
  });

  it('answers 401 Unauthenticated when no X-Actor-Id header names the caller', async () => {
    const id = await opened();
    for (const [method, path] of [
      ['GET', `/orders/${id}`],
      ['POST', `/orders/${id}/commands`],
      ['POST', '/orders'],
      ['GET', '/inbox'],
    ] as const) {
      const reply = await call(method, path, method === 'POST' ? { body: {} } : {});
      expect(reply.status, `${method} ${path}`).toBe(401);
      expect(reply.body.error).toMatchObject({ tag: 'Unauthenticated', header: 'X-Actor-Id' });
    }
    const blank = await call('GET', `/orders/${id}`, { headers: { 'X-Actor-Id': '  ' } });
    expect(blank.status).toBe(401);
  });

  it('answers 403 Forbidden naming the required roles when the actor lacks the stage role', async () => {
    const id = await opened();
    const reply = await send(id, people.ops, { type: 'confirmNeeds', documentId: 'needs-1' });
    expect(reply.status).toBe(403);
    expect(reply.body.error).toMatchObject({
      tag: 'Forbidden',
      orderId: id,
      command: 'confirmNeeds',
      actorId: 'ops-1',
      requiredRoles: ['salesRep'],
    });
  });

  it('answers 403 GuardFailed with rule segregation-of-duties when the maker verifies their own entry', async () => {
    const id = await atEntry();
    expect((await send(id, people.makerChecker, { type: 'enterOrder' })).status).toBe(200);
    const reply = await send(id, people.makerChecker, { type: 'verifyEntry' });
    expect(reply.status).toBe(403);
    expect(reply.body.error).toMatchObject({
      tag: 'GuardFailed',
      orderId: id,
      command: 'verifyEntry',
      rule: 'segregation-of-duties',
    });
    expect(reply.body.error.facts.makerId).toBe('mk-1');
    expect(typeof reply.body.error.message).toBe('string');
    const view = await call('GET', `/orders/${id}`, { actor: people.ops });
    expect(view.body.state).toBe('entry.verifying');
  });

  it('answers 403 RoleNotHeld for the inbox of a role the caller does not hold', async () => {
    const reply = await call('GET', '/inbox?role=riskOfficer', { actor: people.rm1 });
    expect(reply.status).toBe(403);
    expect(reply.body.error).toMatchObject({ tag: 'RoleNotHeld', role: 'riskOfficer' });
  });

  it('answers 404 for an unknown order, an unknown definition and an unknown route', async () => {
    const missing = `missing-${randomUUID()}`;
    for (const [method, path] of [
      ['GET', `/orders/${missing}`],
      ['GET', `/orders/${missing}/history`],
      ['GET', `/orders/${missing}/audit/verify`],
      ['POST', `/orders/${missing}/commands`],
    ] as const) {
      const reply = await call(method, path, {
        actor: people.rm1,
        ...(method === 'POST' ? { body: { type: 'confirmNeeds', documentId: 'd' } } : {}),
      });
      expect(reply.status, `${method} ${path}`).toBe(404);
      expect(reply.body.error).toMatchObject({ tag: 'OrderNotFound', orderId: missing });
    }
    const definition = await call('POST', '/orders', {
      actor: people.rm1,
      body: openBody({ definition: 'no-such-product' }),
    });
    expect(definition.status).toBe(404);
    expect(definition.body.error).toMatchObject({
      tag: 'DefinitionNotFound',
      definitionKey: 'no-such-product',
    });
    const route = await call('DELETE', '/orders', { actor: people.rm1 });
    expect(route.status).toBe(404);
    expect(route.body.error.tag).toBe('RouteNotFound');
  });

  it('answers 409 VersionConflict with the current version when If-Match names another', async () => {
    const id = await opened();
    const reply = await call('POST', `/orders/${id}/commands`, {
      actor: people.rm1,
      headers: { 'If-Match': '7' },
      body: { type: 'confirmNeeds', documentId: 'needs-1' },
    });
    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatchObject({
      tag: 'VersionConflict',
      orderId: id,
      expectedVersion: 7,
      actualVersion: 1,
    });
    const view = await call('GET', `/orders/${id}`, { actor: people.rm1 });
    expect(view.body.version).toBe(1);
  });

  it('answers 409 CommandNotAllowed with the commands allowed now for a command the state does not accept', async () => {
    const id = await opened();
    const reply = await send(id, people.sup, { type: 'approve' });
    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatchObject({ tag: 'CommandNotAllowed', command: 'approve' });
    expect(reply.body.error.allowed).toContain('confirmNeeds');
  });
});
