// Running the trust-store tools (certutil, keytool, sudo …): bounded in time, results instead of throws, and a
// PATH lookup so "is this store available?" is answered without spawning anything.
import { execFile, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** How a command ended. `ok` is exit status 0; `error` explains a spawn failure or a timeout. */
export interface RunResult {
  ok: boolean;
  code: number | null;
  stdout: string;
  stderr: string;
  error?: string;
}

/** Options of run(). */
export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** Kill the command after this long (default 30 s: a JVM start on a busy machine takes seconds). */
  timeoutMs?: number;
  /** Connect the user's terminal (for sudo's password prompt); stdout/stderr are then not captured. */
  interactive?: boolean;
}

/** Runs `cmd args` without a shell. Never rejects. */
export function run(cmd: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const timeout = opts.timeoutMs ?? 30_000;
  if (opts.interactive) return runInteractive(cmd, args, opts.env, timeout);
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      { env: opts.env, timeout, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' },
      (err, stdout, stderr) => {
        const e = err as (NodeJS.ErrnoException & { killed?: boolean; code?: number | string }) | null;
        if (!e) return resolve({ ok: true, code: 0, stdout, stderr });
        const code = typeof e.code === 'number' ? e.code : null;
        const error = e.killed
          ? `${cmd} did not finish within ${timeout} ms`
          : typeof e.code === 'string'
            ? `${cmd}: ${e.code}`
            : undefined;
        resolve({ ok: false, code, stdout: stdout ?? '', stderr: stderr ?? '', ...(error ? { error } : {}) });
      },
    );
  });
}

function runInteractive(
  cmd: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv | undefined,
  timeout: number,
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: 'inherit' });
    const timer = setTimeout(() => child.kill(), timeout);
    child.once('error', (e) => {
      clearTimeout(timer);
      resolve({
        ok: false,
        code: null,
        stdout: '',
        stderr: '',
        error: `${cmd}: ${(e as NodeJS.ErrnoException).code ?? e.message}`,
      });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({
        ok: code === 0,
        code,
        stdout: '',
        stderr: '',
        ...(signal ? { error: `${cmd} stopped by ${signal}` } : {}),
      });
    });
  });
}

/** The first executable `name` on PATH (from `env`), or undefined. */
export function which(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const ext of exts) {
      const file = path.join(dir, name + ext);
      if (isExecutable(file)) return file;
    }
  }
  return undefined;
}

/** True for an existing, executable regular file. */
export function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The most useful line of a failed command's output, for a one-line message. */
export function failureText(r: RunResult): string {
  const text = (r.error ?? `${r.stderr}\n${r.stdout}`).trim().split('\n').filter(Boolean);
  return text[text.length - 1] ?? `exit status ${r.code}`;
}
