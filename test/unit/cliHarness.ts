// Runs the CLI in-process and captures what it writes: shared by the CLI test files. Not a test file itself, so
// importing it registers no tests (a test file importing another one ran that file's tests twice under --parallel).
import { main } from '../../src/cli';
import { Io } from '../../src/cli/command';

export interface CliRun {
  /** Working directory (default: this process's). */
  readonly cwd?: string;
  /** The whole environment the CLI sees (default: a copy of this process's, presets included). */
  readonly env?: NodeJS.ProcessEnv;
  readonly isTTY?: boolean;
  /** Piped standard input; absent = a terminal (reading it then gives ''). */
  readonly stdin?: string;
}

/** `main(argv)` on an Io that collects stdout and stderr. */
export async function runCliWith(argv: string[], o: CliRun = {}) {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    out: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
    isTTY: o.isTTY ?? false,
    cwd: o.cwd ?? process.cwd(),
    env: o.env ?? { ...process.env },
    stdinIsTTY: o.stdin === undefined,
    readStdin: async () => o.stdin ?? '',
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** The CLI with this process's environment, in `cwd`. */
export function runCli(argv: string[], cwd = process.cwd()) {
  return runCliWith(argv, { cwd });
}
