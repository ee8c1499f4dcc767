/** Runs the example: `pnpm --filter @orderflow/example-custom-approval-chain start`. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChain } from './runChain.js';

const here = dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? join(here, '..', 'team-chain.yaml');
process.exitCode = await runChain(file, resolve('.orderflow/custom-chain'), (line) =>
  process.stdout.write(`${line}\n`),
);
