import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_IDS, builtinPath } from '@orderflow/definitions';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';
import { runValidate } from '../../src/cli/validate.js';
import { collectIo } from './collectIo.js';

const dir = mkdtempSync(join(tmpdir(), 'orderflow-cli-'));
const good = join(dir, 'good.yaml');
writeFileSync(good, readFileSync(builtinPath('public-fund-purchase'), 'utf8'));
const bad = join(dir, 'bad.yaml');
writeFileSync(
  bad,
  readFileSync(builtinPath('public-fund-purchase'), 'utf8')
    .replace('currency: CNY', 'currency: RMB')
    .replace('{ id: supervisor, role: salesSupervisor', '{ id: supervisor, role: salesSupervsor'),
);

describe('orderflow validate', () => {
  it('prints one summary line per valid file and exits 0', () => {
    const io = collectIo();
    expect(runValidate([good], io)).toBe(0);
    expect(io.outLines).toEqual([
      `${good}: ok public-fund-purchase@1 (publicFund, CNY): 8 stages, 7 roles, 1 condition`,
    ]);
    expect(io.errLines).toEqual([]);
  });

  it('prints file:line:column: path: message per problem and exits 1', () => {
    const io = collectIo();
    expect(runValidate([good, bad], io)).toBe(1);
    expect(io.outLines).toHaveLength(1);
    expect(io.errLines).toEqual([
      `${bad}:8:11: currency: expected an ISO 4217 currency code such as "CNY", got "RMB"`,
    ]);
  });

  it('reports semantic problems once the file decodes', () => {
    const file = join(dir, 'role.yaml');
    writeFileSync(file, readFileSync(bad, 'utf8').replace('currency: RMB', 'currency: CNY'));
    const io = collectIo();
    expect(runValidate([file], io)).toBe(1);
    expect(io.errLines).toEqual([
      `${file}:28:33: stages[3].steps[0].role: unknown role "salesSupervsor" (did you mean "salesSupervisor"?); declared roles: salesRep, salesSupervisor, riskOfficer, complianceOfficer, returnVisitAgent, operations, financeOfficer`,
    ]);
  });

  it('prints a JSON report with --json', () => {
    const io = collectIo();
    expect(runValidate(['--json', good, bad], io)).toBe(1);
    expect(JSON.parse(io.outLines.join('\n'))).toEqual([
      { file: good, valid: true, key: 'public-fund-purchase@1', errors: [] },
      {
        file: bad,
        valid: false,
        errors: [
          {
            _tag: 'DefinitionError',
            rule: 'currency',
            file: bad,
            path: 'currency',
            line: 8,
            column: 11,
            message: 'expected an ISO 4217 currency code such as "CNY", got "RMB"',
          },
        ],
      },
    ]);
    expect(io.errLines).toEqual([]);
  });

  it('accepts built-in ids', () => {
    const io = collectIo();
    expect(runValidate([...BUILTIN_IDS], io)).toBe(0);
    expect(io.outLines.map((l) => l.split(':')[0])).toEqual([...BUILTIN_IDS]);
  });

  it('reports a file that does not exist', () => {
    const io = collectIo();
    expect(runValidate(['nope.yaml'], io)).toBe(1);
    expect(io.errLines).toEqual(['nope.yaml: cannot read the file (ENOENT)']);
  });

  it('refuses to run without files, and on an unknown option', () => {
    const none = collectIo();
    expect(runValidate([], none)).toBe(1);
    expect(none.errLines[0]).toBe('orderflow validate: no file given');
    const option = collectIo();
    expect(runValidate(['--strict', good], option)).toBe(1);
    expect(option.errLines[0]).toMatch(/^orderflow validate: Unknown option '--strict'/);
  });
});

describe('orderflow', () => {
  it('prints its help with --help and exits 0', async () => {
    const io = collectIo();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.outLines.join('\n')).toContain(
      'validate  check definition files and report every problem',
    );
  });

  it('refuses an unknown command in one line', async () => {
    const io = collectIo();
    expect(await runCli(['frobnicate'], io)).toBe(1);
    expect(io.errLines).toEqual([
      'orderflow: unknown command "frobnicate"; expected one of validate, diagram, explain (see orderflow --help)',
    ]);
  });

  it('dispatches validate', async () => {
    const io = collectIo();
    expect(await runCli(['validate', good], io)).toBe(0);
  });
});

describe('the built bin (run `npx tsc -b` first)', () => {
  const bin = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

  it('is built with a node shebang', () => {
    expect(existsSync(bin)).toBe(true);
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  // Spawning node takes seconds on a loaded machine: a generous timeout, not a timed assertion.
  it('validates a good file with exit code 0', { timeout: 30_000 }, () => {
    const stdout = execFileSync(process.execPath, [bin, 'validate', good], { encoding: 'utf8' });
    expect(stdout).toBe(
      `${good}: ok public-fund-purchase@1 (publicFund, CNY): 8 stages, 7 roles, 1 condition\n`,
    );
  });

  it('reports a bad file with exit code 1', { timeout: 30_000 }, () => {
    const run = spawnSync(process.execPath, [bin, 'validate', bad], { encoding: 'utf8' });
    expect([run.status, run.stdout, run.stderr]).toEqual([
      1,
      '',
      `${bad}:8:11: currency: expected an ISO 4217 currency code such as "CNY", got "RMB"\n`,
    ]);
  });
});
