/**
 * The HTTP surface of the engine: open an order, send a command, read an order, its
 * history and its audit check, and the work inbox. Handlers only translate: headers and
 * JSON in, engine calls, views or `{ error }` bodies out. The engine decodes commands and
 * open input with its io-ts codecs and authorizes every command.
 */
import type { Command, Engine, OpenInput, OrderView } from '@orderflow/core';
import * as E from 'fp-ts/lib/Either.js';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { actorFrom } from './actorFrom.js';
import { expectedVersionFrom } from './expectedVersionFrom.js';
import { httpErrorOf, type ServiceError } from './httpErrorOf.js';
import { intParam } from './intParam.js';
import { readJsonObject } from './readJsonObject.js';
import { settleRace } from './settleRace.js';

/** What {@link createApp} needs. */
export interface AppOptions {
  readonly engine: Engine;
  /** Most tasks `GET /inbox` returns (default 100; `?limit=` may ask for fewer or more, up to 1000). */
  readonly inboxLimit?: number;
  /** Largest request body accepted, in bytes (default 1 MiB); larger is 413 `PayloadTooLarge`. */
  readonly maxBodyBytes?: number;
  /** Called with anything a handler throws (a bug); default `console.error`. Answered with 500. */
  readonly onUnexpected?: (error: unknown) => void;
}

const MAX_INBOX_LIMIT = 1000;

const fail = (c: Context, error: ServiceError): Response => {
  const { status, body, headers } = httpErrorOf(error);
  return c.json(body, status, headers);
};

const orderResponse = (c: Context, view: OrderView, status: 200 | 201 = 200): Response =>
  c.json(view, status, {
    ETag: `"${view.version}"`,
    ...(status === 201 ? { Location: `/orders/${encodeURIComponent(view.orderId)}` } : {}),
  });

const idempotencyKeyFrom = (
  header: string | undefined,
): E.Either<ServiceError, { idempotencyKey?: string }> => {
  if (header === undefined) return E.right({});
  const key = header.trim();
  if (key === '' || key.length > 200) {
    return E.left({
      _tag: 'RequestInvalid',
      problems: [{ path: 'header.Idempotency-Key', message: 'expected 1 to 200 characters' }],
    });
  }
  return E.right({ idempotencyKey: key });
};

/**
 * Builds the Hono app around an engine. Routes: `POST /orders`, `POST /orders/:id/commands`
 * (`Idempotency-Key`, `If-Match: <version>`), `GET /orders/:id` (`?revision=n`),
 * `GET /orders/:id/history`, `GET /orders/:id/audit/verify`, `GET /inbox` (`?role=`,
 * `?limit=`). Every route needs the actor headers read by {@link actorFrom}.
 *
 * @example
 * serve({ fetch: createApp({ engine }).fetch, port: 3000 });
 */
export function createApp(options: AppOptions): Hono {
  const { engine } = options;
  const inboxLimit = options.inboxLimit ?? 100;
  const onUnexpected = options.onUnexpected ?? ((error: unknown) => console.error(error));
  const maxBytes = options.maxBodyBytes ?? 1024 * 1024;
  const app = new Hono();

  app.use(
    '*',
    bodyLimit({
      maxSize: maxBytes,
      // The rest of the body is never read, so the connection cannot carry another request.
      onError: (c) => {
        c.header('Connection', 'close');
        return fail(c, { _tag: 'PayloadTooLarge', maxBytes });
      },
    }),
  );

  app.post('/orders', async (c) => {
    const actor = actorFrom(c.req.raw.headers);
    if (E.isLeft(actor)) return fail(c, actor.left);
    const key = idempotencyKeyFrom(c.req.header('Idempotency-Key'));
    if (E.isLeft(key)) return fail(c, key.left);
    const body = await readJsonObject(c.req.raw);
    if (E.isLeft(body)) return fail(c, body.left);
    // The engine decodes the input with its `OpenInput` codec (CommandInvalid with paths).
    const opened = await settleRace(key.right.idempotencyKey, () =>
      engine.open(body.right as OpenInput, { actor: actor.right, ...key.right }),
    );
    return E.isLeft(opened) ? fail(c, opened.left) : orderResponse(c, opened.right, 201);
  });

  app.post('/orders/:id/commands', async (c) => {
    const actor = actorFrom(c.req.raw.headers);
    if (E.isLeft(actor)) return fail(c, actor.left);
    const key = idempotencyKeyFrom(c.req.header('Idempotency-Key'));
    if (E.isLeft(key)) return fail(c, key.left);
    const expected = expectedVersionFrom(c.req.header('If-Match'));
    if (E.isLeft(expected)) return fail(c, expected.left);
    const body = await readJsonObject(c.req.raw);
    if (E.isLeft(body)) return fail(c, body.left);
    // The engine decodes the command with its codecs (CommandInvalid with io-ts paths).
    const dispatched = await settleRace(key.right.idempotencyKey, () =>
      engine.dispatch(c.req.param('id'), body.right as Command, {
        actor: actor.right,
        ...key.right,
        ...(expected.right === undefined ? {} : { expectedVersion: expected.right }),
      }),
    );
    return E.isLeft(dispatched) ? fail(c, dispatched.left) : orderResponse(c, dispatched.right);
  });

  app.get('/orders/:id', async (c) => {
    const actor = actorFrom(c.req.raw.headers);
    if (E.isLeft(actor)) return fail(c, actor.left);
    const revision = intParam(c.req.query('revision'), 'query.revision', 1);
    if (E.isLeft(revision)) return fail(c, revision.left);
    const view = await engine.get(c.req.param('id'), {
      actor: actor.right,
      ...(revision.right === undefined ? {} : { revision: revision.right }),
    });
    return E.isLeft(view) ? fail(c, view.left) : orderResponse(c, view.right);
  });

  app.get('/orders/:id/history', async (c) => {
    const actor = actorFrom(c.req.raw.headers);
    if (E.isLeft(actor)) return fail(c, actor.left);
    const orderId = c.req.param('id');
    const entries = await engine.history(orderId);
    return E.isLeft(entries) ? fail(c, entries.left) : c.json({ orderId, entries: entries.right });
  });

  app.get('/orders/:id/audit/verify', async (c) => {
    const actor = actorFrom(c.req.raw.headers);
    if (E.isLeft(actor)) return fail(c, actor.left);
    const orderId = c.req.param('id');
    const verified = await engine.verifyAudit(orderId);
    return E.isLeft(verified) ? fail(c, verified.left) : c.json({ orderId, ...verified.right });
  });

  app.get('/inbox', async (c) => {
    const actor = actorFrom(c.req.raw.headers);
    if (E.isLeft(actor)) return fail(c, actor.left);
    const limit = intParam(c.req.query('limit'), 'query.limit', 1);
    if (E.isLeft(limit)) return fail(c, limit.left);
    const role = c.req.query('role');
    // A role queue is visible to the holders of that role only.
    if (role !== undefined && !actor.right.roles.includes(role)) {
      return fail(c, { _tag: 'RoleNotHeld', actorId: actor.right.id, role });
    }
    const tasks = await engine.tasks(role === undefined ? { actor: actor.right } : { role }, {
      limit: Math.min(limit.right ?? inboxLimit, MAX_INBOX_LIMIT),
    });
    return E.isLeft(tasks) ? fail(c, tasks.left) : c.json({ tasks: tasks.right });
  });

  app.notFound((c) => fail(c, { _tag: 'RouteNotFound', method: c.req.method, path: c.req.path }));

  app.onError((error, c) => {
    onUnexpected(error);
    return c.json({ error: { tag: 'InternalError', message: 'unexpected server error' } }, 500);
  });

  return app;
}
