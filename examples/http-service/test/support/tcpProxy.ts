/** A TCP proxy in front of the real PostgreSQL, so a test can make the database go away. */
import { createServer, Socket } from 'node:net';

/** A running proxy. */
export interface TcpProxy {
  readonly port: number;
  /** Drops every connection and stops listening: the database is gone for this client. */
  readonly kill: () => Promise<void>;
}

/** Starts a proxy to `host:port` on a free local port. */
export const startProxy = (host: string, port: number): Promise<TcpProxy> =>
  new Promise((resolve, reject) => {
    const sockets = new Set<Socket>();
    const track = (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    };
    const server = createServer((client) => {
      const upstream = new Socket();
      track(client);
      track(upstream);
      upstream.connect(port, host);
      client.pipe(upstream);
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address !== null ? address.port : 0,
        kill: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
