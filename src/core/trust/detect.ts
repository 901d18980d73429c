// Which tools are on PATH, and which versions: the plan depends on them (pip ≥ 24.2 reads the OS store, Node ≥ 22.19
// has NODE_USE_SYSTEM_CA, Yarn's key changes by major version…). Each probe is `--version` with a time limit.
import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import * as path from 'node:path';

/** The tools a plan knows. */
export const TOOL_IDS = [
  'python',
  'pip',
  'uv',
  'conda',
  'poetry',
  'node',
  'npm',
  'yarn',
  'pnpm',
  'bun',
  'deno',
  'git',
  'curl',
  'wget',
  'aws',
  'gcloud',
  'az',
  'docker',
  'java',
] as const;
export type ToolId = (typeof TOOL_IDS)[number];

/** One tool found on PATH. */
export interface Tool {
  readonly id: ToolId;
  readonly path: string;
  /** e.g. "24.2" (undefined when `--version` failed or printed nothing we understand). */
  readonly version?: string;
  /** Extra facts: python's requests version, pip's Python version, Java's keytool. */
  readonly facts: Readonly<Record<string, string>>;
}

interface Probe {
  readonly bin: readonly string[];
  readonly args: readonly string[];
  readonly re: RegExp;
  /** More facts from other commands (name → [args, regex]). */
  readonly more?: Readonly<Record<string, readonly [readonly string[], RegExp]>>;
}

const SEMVER = /(\d+\.\d+(?:\.\d+)?)/;

const PROBES: Readonly<Record<ToolId, Probe>> = {
  python: {
    bin: ['python3', 'python'],
    args: ['--version'],
    re: /Python (\d+\.\d+(?:\.\d+)?)/,
    more: { requests: [['-c', 'import requests; print(requests.__version__)'], SEMVER] },
  },
  pip: {
    bin: ['python3', 'python'],
    args: ['-m', 'pip', '--version'],
    re: /pip (\d+\.\d+(?:\.\d+)?)/,
    more: { python: [['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], SEMVER] },
  },
  uv: { bin: ['uv'], args: ['--version'], re: SEMVER },
  conda: { bin: ['conda'], args: ['--version'], re: SEMVER },
  poetry: { bin: ['poetry'], args: ['--version'], re: SEMVER },
  node: { bin: ['node'], args: ['--version'], re: SEMVER },
  npm: { bin: ['npm'], args: ['--version'], re: SEMVER },
  yarn: { bin: ['yarn'], args: ['--version'], re: SEMVER },
  pnpm: { bin: ['pnpm'], args: ['--version'], re: SEMVER },
  bun: { bin: ['bun'], args: ['--version'], re: SEMVER },
  deno: { bin: ['deno'], args: ['--version'], re: SEMVER },
  git: { bin: ['git'], args: ['--version'], re: SEMVER },
  curl: { bin: ['curl'], args: ['--version'], re: SEMVER },
  wget: { bin: ['wget'], args: ['--version'], re: SEMVER },
  aws: { bin: ['aws'], args: ['--version'], re: /aws-cli\/(\d+\.\d+(?:\.\d+)?)/ },
  gcloud: { bin: ['gcloud'], args: ['--version'], re: SEMVER },
  az: { bin: ['az'], args: ['--version'], re: SEMVER },
  docker: { bin: ['docker'], args: ['--version'], re: SEMVER },
  java: { bin: ['java'], args: ['-version'], re: /version "?(\d+(?:\.\d+)*)/ },
};

/** The first executable called `name` on `env.PATH`, or undefined. */
export function which(name: string, env: NodeJS.ProcessEnv): string | undefined {
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const ext of exts) {
      const file = path.join(dir, name + ext);
      try {
        if (!statSync(file).isFile()) continue;
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/** Runs `file args` with a time limit; stdout + stderr, or undefined on failure. */
function run(
  file: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(file, [...args], { env, timeout: timeoutMs, encoding: 'utf8', windowsHide: true }, (err, stdout, stderr) =>
      resolve(err ? undefined : `${stdout}\n${stderr}`),
    );
  });
}

async function detectOne(id: ToolId, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Tool | undefined> {
  const probe = PROBES[id];
  const found = probe.bin.map((b) => which(b, env)).find(Boolean);
  if (!found) return undefined;
  const out = await run(found, probe.args, env, timeoutMs);
  // pip is only there when `python3 -m pip` works.
  if (id === 'pip' && out === undefined) return undefined;
  const facts: Record<string, string> = {};
  for (const [name, [args, re]] of Object.entries(probe.more ?? {})) {
    const v = re.exec((await run(found, args, env, timeoutMs)) ?? '')?.[1];
    if (v) facts[name] = v;
  }
  if (id === 'java') {
    const keytool = which('keytool', env);
    if (keytool) facts.keytool = keytool;
  }
  const version = probe.re.exec(out ?? '')?.[1];
  return { id, path: found, ...(version ? { version } : {}), facts };
}

/** The tools among `ids` present on PATH, probed a few at a time (these machines share their cores). */
export async function detectTools(
  env: NodeJS.ProcessEnv,
  ids: readonly ToolId[] = TOOL_IDS,
  timeoutMs = 5000,
): Promise<Tool[]> {
  const out: (Tool | undefined)[] = new Array(ids.length);
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const i = next++;
      out[i] = await detectOne(ids[i], env, timeoutMs);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return out.filter((t): t is Tool => t !== undefined);
}

/** Compares dotted versions: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** True when `v` is known and ≥ `min`. */
export function atLeast(v: string | undefined, min: string): boolean {
  return v !== undefined && compareVersions(v, min) >= 0;
}
