/** Serves a Hono app over HTTP/1.1 with `@hono/node-server`, and stops it gracefully. */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import * as E from 'fp-ts/lib/Either.js';
import type { Hono } from 'hono';

/** The server could not listen (port in use, no permission, bad host). */
export interface ListenFailed {
  readonly _tag: 'ListenFailed';
  readonly hostname: string;
  readonly port: number;
  readonly message: string;
}

/** A listening server. */
export interface RunningServer {
  /** The base URL, e.g. `http://127.0.0.1:3000`. */
  readonly url: string;
  /** The bound port (the ephemeral one when asked for port 0). */
  readonly port: number;
  /** Stops accepting connections, lets requests in flight finish, then resolves. */
  close(): Promise<void>;
}

/**
 * Listens on `hostname:port` (port 0 picks a free one) and resolves once bound, or to
 * `ListenFailed`.
 *
 * @example
 * const server = await listen(createApp({ engine }), { hostname: '127.0.0.1', port: 0 });
 */
export function listen(
  app: Hono,
  options: { readonly hostname: string; readonly port: number },
): Promise<E.Either<ListenFailed, RunningServer>> {
  const { hostname, port } = options;
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname, port }, (info: AddressInfo) => {
      server.off('error', onError);
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve(
        E.right({
          url: `http://${host}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              // Idle keep-alive connections would otherwise hold `close` open.
              if ('closeIdleConnections' in server) server.closeIdleConnections();
            }),
        }),
      );
    });
    const onError = (error: Error) =>
      resolve(E.left({ _tag: 'ListenFailed', hostname, port, message: error.message }));
    server.once('error', onError);
  });
}
