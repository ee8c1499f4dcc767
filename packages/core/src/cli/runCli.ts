/** The `orderflow` command line: dispatches a subcommand, prints help. */
import type { CliIo } from './CliIo.js';
import { runDiagram } from './diagram.js';
import { runExplain } from './explain.js';
import { runValidate } from './validate.js';

/** A subcommand: a one-line summary and how to run it on the words after its name. */
interface Command {
  readonly summary: string;
  run(args: string[], io: CliIo): number | Promise<number>;
}

/** The subcommands: one entry each, with a `run(args, io)` that gives the exit code. */
const COMMANDS: Readonly<Record<string, Command>> = {
  validate: { summary: 'check definition files and report every problem', run: runValidate },
  diagram: { summary: 'draw the compiled machine as Mermaid, DOT or SVG', run: runDiagram },
  explain: {
    summary: 'show which stages and approval steps apply to an order, and why',
    run: runExplain,
  },
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
 * @example await runCli(['validate', 'orders.yaml'], processIo)
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
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
  return await command.run(rest, io);
}
