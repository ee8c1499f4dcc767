/** The `orderflow` command line: dispatches a subcommand, prints help. */
import type { CliIo } from './CliIo.js';
import { runValidate } from './validate.js';

/** A subcommand: a one-line summary and how to run it on the words after its name. */
interface Command {
  readonly summary: string;
  run(args: string[], io: CliIo): number;
}

/**
 * The subcommands. `diagram` and `explain` are added here when they exist: one entry each,
 * with a `run(args, io)` that returns the exit code.
 */
const COMMANDS: Readonly<Record<string, Command>> = {
  validate: { summary: 'check definition files and report every problem', run: runValidate },
};

/** The top-level help text. */
export function cliUsage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return [
    'Usage: orderflow <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `orderflow <command> --help` for the options of a command.',
  ].join('\n');
}

/**
 * Runs the CLI on `argv` (without node and the script) and returns the exit code.
 *
 * @example runCli(['validate', 'orders.yaml'], processIo)
 */
export function runCli(argv: string[], io: CliIo): number {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(cliUsage());
    return 1;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(cliUsage());
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    io.err(
      `orderflow: unknown command "${name}"; expected one of ${Object.keys(COMMANDS).join(', ')} (see orderflow --help)`,
    );
    return 1;
  }
  return command.run(rest, io);
}
