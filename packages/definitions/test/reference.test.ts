/** Keeps docs/definition-reference.md in step with the codecs and the rules. */
import { readFileSync } from 'node:fs';
import { DefinitionCodec, ORDER_RULES, RULES, STAGE_KINDS } from '@orderflow/definitions';
import type * as t from 'io-ts';
import { describe, expect, it } from 'vitest';

const doc = readFileSync(new URL('../../../docs/definition-reference.md', import.meta.url), 'utf8');

interface StructInfo {
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

/** Every closed record reachable from the definition codec, by name. */
function structs(): Map<string, StructInfo> {
  const found = new Map<string, StructInfo>();
  const walk = (codec: t.Mixed): void => {
    const c = codec as t.Mixed & {
      required?: t.Props;
      optional?: t.Props;
      members?: readonly t.Mixed[];
      type?: t.Mixed;
      codomain?: t.Mixed;
      _tag?: string;
    };
    if (c.required !== undefined && c.optional !== undefined) {
      if (found.has(c.name)) return;
      found.set(c.name, { required: Object.keys(c.required), optional: Object.keys(c.optional) });
      for (const v of [...Object.values(c.required), ...Object.values(c.optional)]) walk(v);
    } else if (c.members !== undefined) {
      for (const m of c.members) walk(m);
    } else if (c._tag === 'ArrayType' && c.type !== undefined) {
      walk(c.type);
    } else if (c._tag === 'DictionaryType' && c.codomain !== undefined) {
      walk(c.codomain);
    }
  };
  walk(DefinitionCodec);
  return found;
}

/** The cells of every table row of `text`, trimmed (Biome pads Markdown tables). */
function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => line.split(/(?<!\\)\|/).map((c) => c.trim()));
}

/** The field rows of a `### \`Name\`` section: field → its Required column. */
function section(name: string): Map<string, string> | undefined {
  const start = doc.indexOf(`\n### \`${name}\`\n`);
  if (start < 0) return undefined;
  const rest = doc.slice(start + 1);
  const end = rest.slice(4).search(/\n#{2,3} /);
  const body = end < 0 ? rest : rest.slice(0, end + 4);
  const rows = new Map<string, string>();
  for (const cells of tableRows(body)) {
    const field = /^`([^`]+)`$/.exec(cells[1] ?? '')?.[1];
    if (field !== undefined) rows.set(field, cells[3] ?? '');
  }
  return rows;
}

describe('docs/definition-reference.md', () => {
  const all = structs();

  it('finds the codecs it documents', () => {
    expect(all.size).toBeGreaterThanOrEqual(29);
  });

  it.each([...all.keys()])('documents every field of %s, marking the required ones', (name) => {
    const info = all.get(name) as StructInfo;
    const rows = section(name);
    expect(rows, `no "### \`${name}\`" section`).toBeDefined();
    const documented = [...(rows?.keys() ?? [])].sort();
    expect(documented).toEqual([...info.required, ...info.optional].sort());
    for (const key of info.required) expect(rows?.get(key), key).toBe('required');
    for (const key of info.optional) expect(rows?.get(key), key).toMatch(/^optional|^with /);
  });

  const rows = tableRows(doc).map((cells) => cells.slice(1, 3).join(' | '));

  it('lists every rule id with its meaning', () => {
    for (const [rule, meaning] of Object.entries(RULES)) {
      expect(rows).toContain(`\`${rule}\` | ${meaning.replace(/\|/g, '\\|')}`);
    }
  });

  it('names every stage kind and every ordering rule', () => {
    for (const kind of STAGE_KINDS) expect(doc).toContain(`\`${kind}\``);
    for (const rule of ORDER_RULES) {
      expect(rows).toContain(`\`${rule.before}\` | \`${rule.after}\``);
    }
  });
});
