/** The start `orderflow diagram` and `orderflow explain` share: options, `--help`, one definition. */
import type { CliIo } from './CliIo.js';

/** A command that runs on: its parsed options, its definition argument, and how it fails. */
export interface CommandRun<P> {
  readonly _tag: 'Run';
  readonly parsed: P;
  readonly source: string;
  /** Writes `orderflow <name>: message` to stderr and returns exit code 1. */
  readonly fail: (message: string) => number;
}

/** A command that has already answered (help, or a usage error) with this exit code. */
export interface CommandExit {
  readonly _tag: 'Exit';
  readonly code: number;
}

/**
 * Parses `args` with `parse` (node's `parseArgs`, strict), prints `usage` for `--help`, and
 * takes exactly one positional argument, the definition (a file or a built-in id). A parse
 * error or a wrong number of definitions is one line on stderr and exit code 1.
 *
 * @example
 * const start = startDefinitionCommand('diagram', DIAGRAM_USAGE, parse, args, io);
 * if (start._tag === 'Exit') return start.code;
 */
export function startDefinitionCommand<
  P extends { readonly values: { readonly help?: boolean }; readonly positionals: string[] },
>(
  name: string,
  usage: string,
  parse: (args: string[]) => P,
  args: string[],
  io: CliIo,
): CommandRun<P> | CommandExit {
  const fail = (message: string): number => {
    io.err(`orderflow ${name}: ${message}`);
    return 1;
  };
  const exit = (code: number): CommandExit => ({ _tag: 'Exit', code });
  let parsed: P;
  try {
    parsed = parse(args);
  } catch (error) {
    return exit(fail(error instanceof Error ? error.message : String(error)));
  }
  if (parsed.values.help === true) {
    io.out(usage);
    return exit(0);
  }
  const [source, ...extra] = parsed.positionals;
  if (source === undefined) return exit(fail('no definition given (a file or a built-in id)'));
  if (extra.length > 0) {
    return exit(fail(`one definition at a time, got ${parsed.positionals.length}`));
  }
  return { _tag: 'Run', parsed, source, fail };
}
