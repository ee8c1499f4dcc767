/** Where a CLI command writes: lines to standard output and to standard error. */

/** The output of a command, one line per call (tests collect it in memory). */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** A {@link CliIo} on the process's stdout and stderr. */
export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};
