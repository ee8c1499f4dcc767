/**
 * `pnpm bench`: measures orderflow and its peers in one run and prints the table
 * (Markdown) on stdout, progress on stderr.
 *
 *   node bench/dist/main.js [--quick] [--json] [--only 1,3]
 *
 * `--quick` finishes in under a minute (CI smoke); `--json` also writes bench/results.json.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

// Users run the engine with NODE_ENV=production (immer and xstate skip development checks);
// so does the bench, unless told otherwise. Set before the engine's modules load.
process.env.NODE_ENV ??= 'production';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});

const { runBench } = await import('./runBench.js');
const { formatTable } = await import('./harness/formatTable.js');
const { meetsTarget, ratioOf } = await import('./harness/BenchRow.js');

const report = await runBench({
  quick: values.quick === true,
  ...(values.only === undefined ? {} : { sections: values.only.split(',') }),
  log: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(`${formatTable(report)}\n`);
if (values.json === true) {
  const path = fileURLToPath(new URL('../results.json', import.meta.url));
  const rows = report.rows.map((row) => ({
    ...row,
    ratio: ratioOf(row) ?? null,
    targetMet: meetsTarget(row) ?? null,
  }));
  writeFileSync(path, `${JSON.stringify({ ...report, rows }, null, 2)}\n`);
  process.stderr.write(`wrote ${path}\n`);
}
