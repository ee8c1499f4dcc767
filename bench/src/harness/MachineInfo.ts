/** The machine and library versions a run measured, printed above the table. */
import { createRequire } from 'node:module';
import os from 'node:os';

/** Where and with what a run was measured. */
export interface MachineInfo {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly versions: Readonly<Record<string, string>>;
  readonly loadAverage: readonly number[];
}

const require = createRequire(import.meta.url);

/** The installed version of a package reachable from bench/, or `?` if none is. */
const versionOf = (name: string): string => {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    // A package whose exports map hides package.json: find it through its entry point.
    return '?';
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
  };
};
