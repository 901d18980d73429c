// What every CLI subcommand looks like, and the one argument parser they share.
import { parseArgs, ParseArgsConfig } from 'node:util';

/** Where a command writes; tests pass buffers, the CLI passes the process streams. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when stdout is a terminal: colour and progress are allowed. */
  readonly isTTY: boolean;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** False when standard input is piped (commands that read a message from stdin use it). */
  readonly stdinIsTTY?: boolean;
  /** All of standard input as text. */
  readStdin?(): Promise<string>;
}

/** The process's own streams as an Io (main() and devcert's short path both run on it). */
export function processIo(): Io {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
    env: process.env,
    // A getter: touching process.stdin builds its stream (a few ms), which only `explain` needs.
    get stdinIsTTY() {
      return Boolean(process.stdin.isTTY);
    },
    readStdin,
  };
}

/** Standard input as text (for `explain -` and piped messages). */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A subcommand: `run` returns the process exit code (0 ok, 1 findings/failure, 2 usage or I/O error). */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  /** More than the usage line for `<command> --help`: options and exit codes. */
  readonly help?: string;
  run(argv: string[], io: Io): Promise<number>;
}

/** Bad command-line input: the CLI prints the message and the usage line, and exits 2. */
export class UsageError extends Error {}

/** Runs `command` as main() does: its exit code; a UsageError prints the message and the usage line, any other error
 * the message, both exit 2 (shared by main() and devcert's short path, so the two can never differ). */
export async function runCommand(command: Command, argv: string[], io: Io): Promise<number> {
  try {
    return await command.run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`tls-doctor ${command.name}: ${e.message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    io.err(`tls-doctor ${command.name}: ${(e as Error).message}\n`);
    return 2;
  }
}

export type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict parsing: unknown flags and missing values become a UsageError with a readable message. */
export function parse<T extends Options>(argv: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals });
  } catch (e) {
    const msg = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(msg);
  }
}

/** Validates a value against a fixed list, e.g. `--format`. */
export function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
}

/** Parses a positive integer flag such as `--repeat` or `--timeout`, at most `max` when given. */
export function positiveInt(flag: string, value: string | undefined, fallback: number, max?: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} must be a positive whole number (got "${value}")`);
  if (max !== undefined && n > max) throw new UsageError(`${flag} must be at most ${max} (got ${value})`);
  return n;
}
