import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * One vitest run over every workspace package. Tests import workspace packages through the
 * `@orderflow/source` export condition, so they run against `src/` without a build.
 */
const conditions = ['@orderflow/source', 'node', 'import', 'default'];
const nodeConditions = ['@orderflow/source', 'node'];

const children = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'package.json')))
        .map((d) => join(dir, d.name))
    : [];

const roots = [
  ...children('packages'),
  ...children('packages/adapters'),
  ...children('examples'),
  ...['bench', 'docs'].filter((dir) => existsSync(join(dir, 'package.json'))),
];

export default defineConfig({
  resolve: { conditions },
  // vitest passes ssr.resolve.conditions to Node as --conditions; 'import' there makes
  // require() inside CommonJS packages load ESM entries (pg → pg-pool) and breaks them.
  ssr: { resolve: { conditions: nodeConditions, externalConditions: nodeConditions } },
  test: {
    // A 2-core CI machine runs every project at once; give slow-but-correct tests room.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: roots.map((root) => ({
      extends: true as const,
      test: {
        name: root.replace(/^packages\/(adapters\/)?/, ''),
        root,
        include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
      },
    })),
  },
});
