/**
 * Runs the HTTP service. Environment: `PORT` (default 3000), `HOST` (default 127.0.0.1:
 * the actor headers are a placeholder for real authentication, so do not expose this
 * beyond your machine), `DATABASE_URL` or `ORDERFLOW_PG_URL` (default
 * postgres://postgres@127.0.0.1:5432/test), `ORDERFLOW_SCHEMA` (default `orderflow_http`),
 * `WORKER_POLL_MS` (default 500). Stops gracefully on SIGINT and SIGTERM.
 */
import * as E from 'fp-ts/lib/Either.js';
import { intParam } from './intParam.js';
import { startService } from './startService.js';

const env = process.env;
const port = intParam(env.PORT, 'PORT');
const workerPollMs = intParam(env.WORKER_POLL_MS, 'WORKER_POLL_MS');

if (E.isLeft(port) || E.isLeft(workerPollMs)) {
  const problems = [port, workerPollMs].flatMap((r) => (E.isLeft(r) ? r.left.problems : []));
  console.error(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  process.exitCode = 2;
} else {
  const started = await startService({
    connectionString:
      env.DATABASE_URL ?? env.ORDERFLOW_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    schema: env.ORDERFLOW_SCHEMA ?? 'orderflow_http',
    hostname: env.HOST ?? '127.0.0.1',
    port: port.right ?? 3000,
    workerPollMs: workerPollMs.right ?? 500,
  });
  if (E.isLeft(started)) {
    console.error(`orderflow http-service did not start: ${JSON.stringify(started.left)}`);
    process.exitCode = 1;
  } else {
    const service = started.right;
    console.log(`orderflow http-service listening on ${service.url}`);
    const shutdown = (signal: string) => {
      console.log(`${signal}: stopping`);
      service.stop().then(
        () => console.log('stopped'),
        (error: unknown) => {
          console.error(error);
          process.exitCode = 1;
        },
      );
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  }
}
