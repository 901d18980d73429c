// Runs the CLI in-process and captures what it writes: shared by the CLI test files. Not a test file itself, so
// importing it registers no tests (a test file importing another one ran that file's tests twice under --parallel).
import { main } from '../../src/cli';
import { Io } from '../../src/cli/command';

/** Runs the CLI in-process and captures what it writes. */
export async function runCli(argv: string[], cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    out: (t) => {
      stdout += t;
    },
    err: (t) => {
      stderr += t;
    },
    isTTY: false,
    cwd,
    env: { ...process.env },
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
