/** The relying party's callback endpoint, as an app would write it: a real HTTP server. */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  HttpSignatureProvider,
  SignatureCallbackEvent,
  SignatureCallbackRejected,
} from '@orderflow/esign-http';
import * as E from 'fp-ts/lib/Either.js';

export interface ReceivedCallback {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly result: E.Either<SignatureCallbackRejected, SignatureCallbackEvent>;
}

export interface CallbackReceiver {
  readonly url: string;
  readonly received: ReceivedCallback[];
  /** The accepted engine events, oldest first. */
  accepted(): SignatureCallbackEvent[];
  close(): Promise<void>;
}

export async function startCallbackReceiver(
  provider: () => HttpSignatureProvider,
): Promise<CallbackReceiver> {
  const received: ReceivedCallback[] = [];
  const seen = new Set<string>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const result = provider().handleCallback(req.headers, body, { seen });
      received.push({ headers: req.headers, body, result });
      // A replay was handled before: acknowledge it so the provider stops redelivering.
      res.statusCode = E.isRight(result) || result.left.reason === 'replayed' ? 200 : 401;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/esign/callbacks`,
    received,
    accepted: () => received.flatMap((r) => (E.isRight(r.result) ? [r.result.right] : [])),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
