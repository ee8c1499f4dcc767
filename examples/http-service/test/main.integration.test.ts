import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropSchema, freshSchemaName, PG_URL } from './support/freshSchema.js';
import { httpClient, openBody, people } from './support/http.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const schema = freshSchemaName();
let child: ChildProcess | undefined;

beforeAll(() => {
  // `pnpm test` builds first; a lone `vitest run` of this file needs dist/main.js too.
  execFileSync('npx', ['tsc', '-b', packageDir], { stdio: 'inherit' });
}, 120_000);

afterAll(async () => {
  if (child !== undefined && child.exitCode === null) {
    child.kill('SIGKILL');
    await once(child, 'exit');
  }
  await dropSchema(schema);
});

/** Resolves with the first stdout line matching `pattern`, or rejects when the process exits first. */
const lineMatching = (proc: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> =>
  new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = seen.match(pattern);
      if (match !== null) {
        proc.stdout?.off('data', onData);
        resolve(match);
      }
    };
    proc.stdout?.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`exited ${code} before ${pattern}: ${seen}`)));
  });

describe('main', () => {
  it('serves the API on PostgreSQL from the environment and stops gracefully on SIGTERM', async () => {
    const { DATABASE_URL: _ignored, ...env } = process.env;
    child = spawn(process.execPath, ['dist/main.js'], {
      cwd: packageDir,
      env: {
        ...env,
        PORT: '0',
        HOST: '127.0.0.1',
        ORDERFLOW_PG_URL: PG_URL,
        ORDERFLOW_SCHEMA: schema,
        WORKER_POLL_MS: '20',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [, url] = await lineMatching(child, /listening on (http:\/\/\S+)/);
    const call = httpClient(() => url ?? '');

    const opened = await call('POST', '/orders', { actor: people.rm1, body: openBody() });
    expect(opened.status).toBe(201);
    const inbox = await call('GET', '/inbox', { actor: people.rm1 });
    expect(inbox.body.tasks).toContainEqual(
      expect.objectContaining({ orderId: opened.body.orderId }),
    );

    const stopped = lineMatching(child, /^stopped$/m);
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await stopped;
    const [code] = await exited;
    expect(code).toBe(0);
    expect(stderr).toBe('');
  }, 60_000);

  it('exits with status 1 and says why when the port is taken, leaving nothing open', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const { DATABASE_URL: _ignored, ...env } = process.env;
      const taken = spawn(process.execPath, ['dist/main.js'], {
        cwd: packageDir,
        env: { ...env, PORT: String(port), ORDERFLOW_PG_URL: PG_URL, ORDERFLOW_SCHEMA: schema },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      taken.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const [code] = await once(taken, 'exit');
      expect(code).toBe(1);
      expect(stderr).toContain('did not start');
      expect(stderr).toContain('ListenFailed');
    } finally {
      blocker.close();
    }
  }, 60_000);
});
