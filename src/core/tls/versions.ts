// Version-aware fixes: which switch a client has depends on its version. The versions come from the tools on PATH,
// asked once per process with a short bound (a missing or slow tool just leaves the generic fix).
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Fix } from './types';

/** Versions found, as [major, minor, patch]; absent when the tool is missing or did not answer in time. */
export interface ClientVersions {
  readonly node?: readonly number[];
  readonly python?: readonly number[];
  readonly pip?: readonly number[];
  /** The Python pip runs on (pip's truststore needs ≥ 3.10). */
  readonly pipPython?: readonly number[];
  readonly uv?: readonly number[];
  readonly conda?: readonly number[];
  /** The platform the clients run on (git's schannel, Java's Windows-ROOT / KeychainStore); default this process's. */
  readonly platform?: NodeJS.Platform;
}

/**
 * The version thresholds of the clients' OS-store switches, in one place: the diagnosis's fixes (below) and
 * `tls-doctor trust`'s plans (core/trust/mechanisms.ts) both ask these. Facts from /work/shared/notes/trust-switches.md.
 */
export const SWITCHES = {
  /** NODE_USE_SYSTEM_CA=1: Node 22.19+ on the 22 line, 24.6+ (not 23.x, not 24.0–24.5). */
  nodeUseSystemCaEnv: (v: readonly number[]) => (v[0] === 22 && atLeast(v, [22, 19])) || atLeast(v, [24, 6]),
  /** --use-system-ca: Node 23.8+. */
  nodeUseSystemCaFlag: (v: readonly number[]) => atLeast(v, [23, 8]),
  /** truststore.inject_into_ssl(): Python 3.10+. */
  pythonTruststore: (v: readonly number[]) => atLeast(v, [3, 10]),
  /** pip reads the OS store (its bundled truststore) from 24.2, on Python 3.10+. */
  pipOsStore: (pip: readonly number[], python: readonly number[] | undefined) =>
    atLeast(pip, [24, 2]) && (python === undefined || atLeast(python, [3, 10])),
  /** UV_SYSTEM_CERTS: uv 0.11+ (UV_NATIVE_TLS / --native-tls before, deprecated since). */
  uvSystemCerts: (v: readonly number[]) => atLeast(v, [0, 11]),
  /** ssl_verify: truststore: conda 23.9+. */
  condaTruststore: (v: readonly number[]) => atLeast(v, [23, 9]),
  /** Yarn's CA-file key by major version: 1 `cafile` (.yarnrc), 2–3 `caFilePath`, 4+ `httpsCaFilePath` (.yarnrc.yml). */
  yarnCaKey: (major: number): 'cafile' | 'caFilePath' | 'httpsCaFilePath' | undefined =>
    major === 1 ? 'cafile' : major === 2 || major === 3 ? 'caFilePath' : major >= 4 ? 'httpsCaFilePath' : undefined,
} as const;

/** "v22.19.0" / "3.11.7" → [22, 19, 0]. */
export function parseVersion(text: string): number[] | undefined {
  const m = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
}

/** a ≥ b, component-wise from the left. */
export function atLeast(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < b.length; i++) {
    if ((a[i] ?? 0) !== b[i]) return (a[i] ?? 0) > b[i];
  }
  return true;
}

function ask(cmd: string, args: string[], timeoutMs: number, env: NodeJS.ProcessEnv): Promise<number[] | undefined> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs, env }, (err, stdout, stderr) =>
      resolve(err ? undefined : parseVersion(`${stdout}${stderr}`)),
    );
  });
}

const cache = new Map<string, Promise<ClientVersions>>();

/** `node`, `python`, `python -m pip`, `uv` and `conda --version` from PATH, at most `timeoutMs` each, in parallel;
 * cached per interpreter. A missing tool is just absent. */
export function detectVersions(
  python: string,
  timeoutMs: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ClientVersions> {
  let p = cache.get(python);
  if (!p) {
    const pip = ['-c', 'import sys, pip; print(pip.__version__, "%d.%d" % sys.version_info[:2])'];
    p = Promise.all([
      ask('node', ['--version'], timeoutMs, env),
      ask(python, ['--version'], timeoutMs, env),
      askText(python, pip, timeoutMs, env),
      ask('uv', ['--version'], timeoutMs, env),
      ask('conda', ['--version'], timeoutMs, env),
    ]).then(([node, py, pipOut, uv, conda]) => {
      const [pipV, pipPy] = (pipOut ?? '').trim().split(/\s+/).map(parseVersion);
      return {
        ...(node ? { node } : {}),
        ...(py ? { python: py } : {}),
        ...(pipV ? { pip: pipV } : {}),
        ...(pipPy ? { pipPython: pipPy } : {}),
        ...(uv ? { uv } : {}),
        ...(conda ? { conda } : {}),
      };
    });
    cache.set(python, p);
    // A tool that did not answer (in a short bound) is asked again next time, not remembered as missing.
    void p.then((v) => {
      if (!v.node || !v.python) cache.delete(python);
    });
  }
  return p;
}

function askText(cmd: string, args: string[], timeoutMs: number, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs, env }, (err, stdout) => resolve(err ? undefined : stdout));
  });
}

const v = (n: readonly number[]) => n.join('.');

/**
 * Fixes for "the OS store trusts it, this client doesn't", by the versions present (SWITCHES): each client's switch
 * to read the OS store, or nothing for that client when its version is unknown or too old (the table's generic fix,
 * a bundle, stays). `{bundle}` is filled in later with the saved bundle's path, like the table's own fixes.
 */
export function osStoreFixes(found: ClientVersions): Fix[] {
  const out: Fix[] = [];
  const n = found.node;
  if (n && SWITCHES.nodeUseSystemCaEnv(n)) {
    out.push({
      client: 'node',
      text: `Node ${v(n)} can read the OS store: set NODE_USE_SYSTEM_CA=1 (no bundle to maintain)`,
      snippet: 'export NODE_USE_SYSTEM_CA=1',
    });
  } else if (n && SWITCHES.nodeUseSystemCaFlag(n)) {
    out.push({
      client: 'node',
      text: `Node ${v(n)} can read the OS store with --use-system-ca`,
      snippet: 'node --use-system-ca app.js   # or: export NODE_OPTIONS=--use-system-ca',
    });
  }
  const p = found.python;
  if (p && SWITCHES.pythonTruststore(p)) {
    out.push({
      client: 'python-requests',
      text: `Python ${v(p)}: use the OS store through truststore (requests, urllib3, pip and httpx then trust what the OS trusts)`,
      snippet:
        'pip install truststore\n# at start-up, before any connection:\nimport truststore; truststore.inject_into_ssl()',
    });
  }
  if (found.pip) {
    out.push(
      SWITCHES.pipOsStore(found.pip, found.pipPython)
        ? {
            client: 'pip',
            text: `pip ${v(found.pip)} already reads the OS store (truststore, pip ≥ 24.2): nothing to change`,
          }
        : {
            client: 'pip',
            text: `pip ${v(found.pip)} uses certifi only (the OS store from pip 24.2 on Python ≥ 3.10): give it the bundle, or upgrade pip`,
            snippet: 'pip config set global.cert {bundle}   # or: python -m pip install -U pip',
          },
    );
  }
  if (found.uv) {
    out.push(
      SWITCHES.uvSystemCerts(found.uv)
        ? {
            client: 'uv',
            text: `uv ${v(found.uv)} can read the OS store (UV_NATIVE_TLS is deprecated)`,
            snippet: 'export UV_SYSTEM_CERTS=true',
          }
        : {
            client: 'uv',
            text: `uv ${v(found.uv)} predates UV_SYSTEM_CERTS (0.11): use its native-TLS switch`,
            snippet: 'export UV_NATIVE_TLS=true   # or: uv … --native-tls',
          },
    );
  }
  if (found.conda) {
    out.push(
      SWITCHES.condaTruststore(found.conda)
        ? {
            client: 'conda',
            text: `conda ${v(found.conda)} can read the OS store (\`conda build\` ignores it)`,
            snippet: 'conda config --set ssl_verify truststore',
          }
        : {
            client: 'conda',
            text: `conda ${v(found.conda)} predates ssl_verify: truststore (23.9): give it the bundle`,
            snippet: 'conda config --set ssl_verify {bundle}',
          },
    );
  }
  out.push(...platformFixes(found.platform ?? process.platform));
  return out;
}

/** The OS-store switches that depend on the platform, not a version: git's schannel backend and Java's store types. */
function platformFixes(platform: NodeJS.Platform): Fix[] {
  if (platform === 'win32') {
    return [
      {
        client: 'git',
        text: 'Git for Windows can use the Windows store (schannel)',
        snippet: 'git config --global http.sslBackend schannel',
      },
      {
        client: 'java',
        text: 'Let the JVM use the Windows store',
        snippet:
          'java -Djavax.net.ssl.trustStoreType=Windows-ROOT …   # Gradle/Maven: in org.gradle.jvmargs / MAVEN_OPTS',
      },
    ];
  }
  if (platform === 'darwin') {
    return [
      {
        client: 'java',
        text: 'Let the JVM use the macOS keychain',
        snippet: 'java -Djavax.net.ssl.trustStoreType=KeychainStore …',
      },
    ];
  }
  return [];
}

/** The Yarn a workspace uses: its major version when the workspace says it, and what said so. */
export interface YarnFacts {
  readonly major?: number;
  readonly source: string;
}

/**
 * Which Yarn `folder` uses, from its own files (Corepack runs what they say, whatever `yarn` is on PATH):
 * package.json `packageManager: "yarn@4.1.0"`, then `.yarnrc.yml` (Yarn 2+; `yarnPath: .yarn/releases/yarn-4.x.cjs`
 * names the version), then `.yarnrc` or a v1 `yarn.lock` (Yarn 1). Undefined when the folder shows no Yarn.
 */
export async function detectYarn(folder: string): Promise<YarnFacts | undefined> {
  const read = (f: string) => fs.readFile(path.join(folder, f), 'utf8').catch(() => undefined);
  const pkg = await read('package.json');
  const pm = pkg ? /"packageManager"\s*:\s*"yarn@(\d+)/.exec(pkg) : null;
  if (pm) return { major: Number(pm[1]), source: `package.json packageManager yarn@${pm[1]}` };
  const yml = await read('.yarnrc.yml');
  if (yml !== undefined) {
    const rel = /^yarnPath\s*:.*yarn-(\d+)\.[\d.]+\.c?js/m.exec(yml);
    return rel ? { major: Number(rel[1]), source: `.yarnrc.yml yarnPath yarn-${rel[1]}` } : { source: '.yarnrc.yml' };
  }
  if ((await read('.yarnrc')) !== undefined) return { major: 1, source: '.yarnrc' };
  const lock = await read('yarn.lock');
  if (lock !== undefined) {
    return /^__metadata:/m.test(lock) ? { source: 'yarn.lock (Berry)' } : { major: 1, source: 'yarn.lock v1' };
  }
  return undefined;
}
