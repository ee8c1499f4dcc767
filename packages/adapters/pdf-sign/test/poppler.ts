/** Runs poppler's `pdfsig` and `pdftotext` (Debian poppler-utils): verifiers we did not write. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (command: string, args: readonly string[]): Promise<{ code: number; out: string }> =>
  new Promise((resolve) => {
    execFile(command, args, { encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, out: `${stdout}${stderr}` });
    });
  });

const withFile = async <A>(pdf: Uint8Array, use: (path: string) => Promise<A>): Promise<A> => {
  const dir = await mkdtemp(join(tmpdir(), 'orderflow-poppler-'));
  try {
    const path = join(dir, 'document.pdf');
    await writeFile(path, pdf);
    return await use(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

/** `pdfsig` output for a PDF (exit code and text). */
export const pdfsig = (pdf: Uint8Array) => withFile(pdf, (path) => run('pdfsig', [path]));

/** The text poppler extracts from a PDF. */
export const pdftotext = (pdf: Uint8Array) =>
  withFile(pdf, async (path) => (await run('pdftotext', ['-enc', 'UTF-8', path, '-'])).out);
