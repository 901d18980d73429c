// Helpers for the tests that drive the engines teams already run (pre-commit, Prometheus blackbox_exporter): find
// the Debian tool, skip with a reason when it is absent, and build a clean environment for the child processes.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The absolute path of `name` on PATH, or undefined. */
export function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, name);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

/** Skips the running test and says why in its title (mocha's `this.skip()` prints no reason). */
export function skipBecause(ctx: Mocha.Context, reason: string): never {
  const t = ctx.currentTest ?? ctx.test;
  if (t && !t.title.includes('(skipped:')) t.title += ` (skipped: ${reason})`;
  ctx.skip();
}

/**
 * A minimal environment: system PATH, a throw-away HOME, no CA or proxy variables the machine presets, plus `extra`.
 * Git identity is set so commits work without a ~/.gitconfig.
 */
export function cleanEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: home,
    LANG: 'C.UTF-8',
    GIT_AUTHOR_NAME: 'tls-doctor test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'tls-doctor test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
    GIT_CONFIG_NOSYSTEM: '1',
    ...extra,
  };
}

/** Runs a command to completion; throws with its output when it fails (setup steps only). */
export function must(cmd: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): string {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.error?.message}):\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

/** js-yaml is in node_modules through the dev tools (vsce, mocha), not a dependency of ours: loaded untyped. */
export function parseYaml(text: string): unknown {
  const yaml = require('js-yaml') as { load(text: string): unknown };
  return yaml.load(text);
}
