/** Runs the demo: `pnpm demo` from the repository root. */
import { resolve } from 'node:path';
import { paintFor } from './paint.js';
import { runDemo } from './runDemo.js';

const dir = resolve(process.env.ORDERFLOW_DEMO_DIR ?? '.orderflow/demo');
process.exitCode = await runDemo({
  dir,
  out: (line) => process.stdout.write(`${line}\n`),
  paint: paintFor(process.stdout),
});
