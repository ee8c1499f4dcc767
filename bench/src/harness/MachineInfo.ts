/** The machine and library versions a run measured, printed above the table. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';

/** Where and with what a run was measured. */
export interface MachineInfo {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly versions: Readonly<Record<string, string>>;
  readonly loadAverage: readonly number[];
  readonly nodeEnv: string;
}

const require = createRequire(import.meta.url);

/** The nearest package.json at or above `file` that names `name`. */
const manifestAbove = (file: string, name: string): string | undefined => {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'package.json');
    if (!existsSync(candidate)) continue;
    const manifest = JSON.parse(readFileSync(candidate, 'utf8')) as {
      name?: string;
      version?: string;
    };
    if (manifest.name === name) return manifest.version;
  }
  return undefined;
};

/** The installed version of a package reachable from bench/, or `?` if none is. */
const versionOf = (name: string): string => {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    // A package whose exports map hides package.json: walk up from its entry point.
    try {
      return manifestAbove(require.resolve(name), name) ?? '?';
    } catch {
      return '?';
    }
  }
};

/** The packages whose versions a reader needs to compare runs. */
const packages = [
  'xstate',
  'bpmn-engine',
  'better-sqlite3',
  'pg',
  '@orderflow/core',
  '@orderflow/definitions',
  '@orderflow/sqlite',
  '@orderflow/postgres',
];

/** Reads the machine (CPU model, cores, memory, OS) and package versions. */
export const machineInfo = (extra: Readonly<Record<string, string>> = {}): MachineInfo => {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    versions: { ...Object.fromEntries(packages.map((p) => [p, versionOf(p)])), ...extra },
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    nodeEnv: process.env.NODE_ENV ?? '',
  };
};
