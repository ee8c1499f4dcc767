/**
 * The guides are checked like code: every relative link resolves (to a file, and to a
 * heading when it has an anchor), and every ```ts block compiles against the built
 * packages. Run after `pnpm build` (the root `test` script builds first).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const markdownFiles = (): string[] => {
  const files = [join(root, 'README.md')];
  for (const name of readdirSync(join(root, 'docs'))) {
    if (name.endsWith('.md')) files.push(join(root, 'docs', name));
  }
  for (const group of ['packages', 'packages/adapters', 'examples']) {
    const dir = join(root, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const readme = join(dir, name, 'README.md');
      if (existsSync(readme)) files.push(readme);
    }
  }
  return files;
};

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to dashes. */
const slug = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[`*_~]/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');

const headingsOf = (text: string): Set<string> =>
  new Set(
    text
      .replace(/```[\s\S]*?```/g, '')
      .split('\n')
      .filter((l) => /^#{1,6}\s/.test(l))
      .map((l) => slug(l.replace(/^#+\s*/, ''))),
  );

describe('docs', () => {
  it('has no broken relative links or anchors', () => {
    const broken: string[] = [];
    for (const file of markdownFiles()) {
      const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
      for (const match of text.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)) {
        const href = match[1] ?? '';
        if (/^(https?:|mailto:)/.test(href)) continue;
        const [path = '', anchor] = href.split('#');
        const target = path === '' ? file : resolve(dirname(file), path);
        if (!existsSync(target)) {
          broken.push(`${relative(root, file)}: ${href} (no such file)`);
          continue;
        }
        if (anchor !== undefined && target.endsWith('.md')) {
          if (!headingsOf(readFileSync(target, 'utf8')).has(anchor)) {
            broken.push(`${relative(root, file)}: ${href} (no such heading)`);
          }
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('has code blocks that compile against the built packages', () => {
    const dir = join(root, 'docs', '.snippets');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const written: string[] = [];
    for (const file of markdownFiles().filter(
      (f) => !f.includes('/packages/') && !f.includes('/examples/'),
    )) {
      const text = readFileSync(file, 'utf8');
      let n = 0;
      for (const match of text.matchAll(/```ts\n([\s\S]*?)```/g)) {
        n += 1;
        const name = `${relative(root, file).replace(/[^A-Za-z0-9]/g, '_')}_${n}.ts`;
        writeFileSync(join(dir, name), `${match[1] ?? ''}\nexport {};\n`);
        written.push(name);
      }
    }
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: '../../tsconfig.base.json',
        compilerOptions: { composite: false, noEmit: true, noUnusedLocals: false },
        include: ['*.ts'],
      }),
    );
    if (written.length === 0) return;
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe('');
  });
});
