import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  formatDefinitionError,
  loadDefinition,
  loadDefinitionFile,
  MAX_ALIAS_COUNT,
  MAX_DEFINITION_BYTES,
} from '@orderflow/definitions';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { errorsOf } from './errorsOf.js';
import { BASE, withLines } from './fixture.js';

describe('loadDefinition', () => {
  it('reports every problem of a file at once, in file order', () => {
    const text = withLines(
      [12, '  - { id: needs, kind: needsConfirmation, role: repp }'],
      [16, '    onReject: nowhere'],
      [19, '      - { id: risk, role: risk, aspect: risk, when: "amount >= " }'],
    );
    expect(
      errorsOf(text, 'orders.yaml').map(([rule, path, line, column]) => [rule, path, line, column]),
    ).toEqual([
      ['unknown-role', 'stages[0].role', 12, 49],
      ['unknown-reject-target', 'stages[2].onReject', 16, 15],
      ['feel-syntax', 'stages[2].steps[1].when', 19, 64],
    ]);
  });

  it('still reports the semantic problems of a file whose only other problems are typos', () => {
    const text = withLines(
      [16, '    onReject: entyr'],
      [18, '      - { id: boss, role: boss, aspect: supervisor, slaa: PT4H }'],
    );
    expect(errorsOf(text).map(([rule, path, line, column]) => [rule, path, line, column])).toEqual([
      ['unknown-reject-target', 'stages[2].onReject', 16, 15],
      ['unknown-key', 'stages[2].steps[0].slaa', 18, 53],
    ]);
  });

  it('still reports the semantic problems of a file with a bad optional value', () => {
    const text = withLines(
      [12, '  - { id: needs, kind: needsConfirmation, role: repp }'],
      [18, '      - { id: boss, role: boss, aspect: supervisor, sla: 4 hours }'],
    );
    expect(errorsOf(text).map(([rule, path, line, column]) => [rule, path, line, column])).toEqual([
      ['unknown-role', 'stages[0].role', 12, 49],
      ['duration', 'stages[2].steps[0].sla', 18, 58],
    ]);
  });

  it('does not echo a removed bad value as a semantic problem', () => {
    const text = withLines(
      [4, 'productKind: assetManagementPlan'],
      [12, '  - { id: needs, kind: qualification, role: rep, reviewRole: risk }'],
      [23, '  qualifiedInvestor: { minimumAmount: "1,000" }\nretention: { orderRecords: P20Y }'],
    );
    expect(errorsOf(text).map(([rule, path]) => [rule, path])).toEqual([
      ['amount-format', 'productRules.qualifiedInvestor.minimumAmount'],
    ]);
  });

  it('reports every codec problem at once', () => {
    const text = withLines(
      [5, 'currency: RMB'],
      [8, '  boss: { line: marketing }'],
      [11, 'stagse:'],
    );
    expect(errorsOf(text).map((e) => e[0])).toEqual([
      'missing-key',
      'currency',
      'invalid-value',
      'unknown-key',
    ]);
  });

  it('formats an error as file:line:column: path: message', () => {
    const loaded = loadDefinition(withLines([5, 'currency: RMB']), { file: 'orders.yaml' });
    expect(E.isLeft(loaded) && loaded.left.map(formatDefinitionError)).toEqual([
      'orders.yaml:5:11: currency: expected an ISO 4217 currency code such as "CNY", got "RMB"',
    ]);
  });

  it('loads a plain object, reporting errors without positions', () => {
    const object = parse(BASE) as Record<string, unknown>;
    const loaded = loadDefinition(object);
    expect(E.isRight(loaded) && loaded.right.key).toBe('fixture@1');
    expect(errorsOf({ ...object, currency: 'RMB' })).toEqual([
      [
        'currency',
        'currency',
        null,
        null,
        'expected an ISO 4217 currency code such as "CNY", got "RMB"',
      ],
    ]);
  });

  it('loads JSON text', () => {
    const loaded = loadDefinition(JSON.stringify(parse(BASE)));
    expect(E.isRight(loaded) && loaded.right.stages.map((s) => s.kind)).toEqual([
      'needsConfirmation',
      'entry',
      'approval',
      'payment',
    ]);
  });

  it('compiles each when condition once, keyed by its text', () => {
    const loaded = loadDefinition(BASE);
    if (E.isLeft(loaded)) throw new Error('base fixture must load');
    expect([...loaded.right.conditions.keys()]).toEqual(['amount >= 5000000']);
    expect(loaded.right.conditions.get('amount >= 5000000')?.names).toEqual(['amount']);
  });

  it('keeps the file name on the definition', () => {
    const loaded = loadDefinition(BASE, { file: 'orders.yaml' });
    expect(E.isRight(loaded) && loaded.right.file).toBe('orders.yaml');
  });

  it('refuses YAML that does not parse, at the position of the problem', () => {
    expect(errorsOf(withLines([3, 'name: [Fixture']))).toEqual([
      [
        'yaml-syntax',
        '',
        4,
        1,
        'Flow sequence in block collection must be sufficiently indented and end with a ]',
      ],
    ]);
  });

  it('refuses an empty file and a file that is not a mapping', () => {
    expect(errorsOf('')).toEqual([
      ['invalid-value', '', 1, 1, 'expected an object (Definition), got null'],
    ]);
    expect(errorsOf('- id: x\n')).toEqual([
      ['invalid-value', '', 1, 1, 'expected an object (Definition), got [{"id":"x"}]'],
    ]);
  });

  it('refuses a duplicate key', () => {
    expect(errorsOf(withLines([3, 'name: Fixture\nname: Twice']))).toEqual([
      ['yaml-syntax', '', 4, 1, 'Map keys must be unique'],
    ]);
  });

  it('refuses an alias bomb', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
    ].join('\n');
    const errors = errorsOf(bomb);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.slice(0, 4)).toEqual(['yaml-alias-limit', '', 2, 8]);
    expect(errors[0]?.[4]).toContain(`more than ${MAX_ALIAS_COUNT} times`);
  });

  it('refuses text over the size limit before parsing it', () => {
    const text = `${BASE}#${'x'.repeat(MAX_DEFINITION_BYTES)}\n`;
    expect(errorsOf(text)).toEqual([
      [
        'yaml-size-limit',
        '',
        null,
        null,
        `the definition is ${Buffer.byteLength(text)} bytes; the limit is ${MAX_DEFINITION_BYTES}`,
      ],
    ]);
  });
});

describe('loadDefinitionFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orderflow-definitions-'));

  it('names the file in every error', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, withLines([5, 'currency: RMB']));
    const loaded = loadDefinitionFile(file);
    expect(E.isLeft(loaded) && loaded.left.map((e) => [e.file, e.line, e.column])).toEqual([
      [file, 5, 11],
    ]);
  });

  it('refuses a file over the size limit without reading it', () => {
    const file = join(dir, 'huge.yaml');
    writeFileSync(file, `${BASE}#${'x'.repeat(MAX_DEFINITION_BYTES)}\n`);
    const loaded = loadDefinitionFile(file);
    expect(E.isLeft(loaded) && loaded.left.map((e) => [e.rule, e.file, e.line])).toEqual([
      ['yaml-size-limit', file, null],
    ]);
  });

  it('reports a file that cannot be read', () => {
    const file = join(dir, 'missing.yaml');
    const loaded = loadDefinitionFile(file);
    expect(E.isLeft(loaded) && loaded.left).toEqual([
      {
        _tag: 'DefinitionError',
        rule: 'file-read',
        file,
        path: '',
        line: null,
        column: null,
        message: 'cannot read the file (ENOENT)',
      },
    ]);
  });
});
