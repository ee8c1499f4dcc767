/** A CliIo that keeps the lines written, for assertions. */
import type { CliIo } from '../../src/cli/CliIo.js';

/** Lines written to out and err. */
export interface CollectedIo extends CliIo {
  readonly outLines: string[];
  readonly errLines: string[];
}

/** A fresh in-memory CliIo. */
export function collectIo(): CollectedIo {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return { outLines, errLines, out: (l) => outLines.push(l), err: (l) => errLines.push(l) };
}
