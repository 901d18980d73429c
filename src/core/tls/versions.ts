// Version-aware fixes: which switch a client has depends on its version. The versions come from the tools on PATH,
// asked once per process with a short bound (a missing or slow tool just leaves the generic fix).
import { execFile } from 'node:child_process';
import type { Fix } from './types';

/** Versions found, as [major, minor, patch]; absent when the tool is missing or did not answer in time. */
export interface ClientVersions {
  readonly node?: readonly number[];
  readonly python?: readonly number[];
}

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

/** `node --version` and `python --version` from PATH, at most `timeoutMs` each, in parallel; cached per interpreter. */
export function detectVersions(
  python: string,
  timeoutMs: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ClientVersions> {
  let p = cache.get(python);
  if (!p) {
    p = Promise.all([ask('node', ['--version'], timeoutMs, env), ask(python, ['--version'], timeoutMs, env)]).then(
      ([node, py]) => ({ ...(node ? { node } : {}), ...(py ? { python: py } : {}) }),
    );
    cache.set(python, p);
    // A tool that did not answer (in a short bound) is asked again next time, not remembered as missing.
    void p.then((v) => {
      if (!v.node || !v.python) cache.delete(python);
    });
  }
  return p;
}

/**
 * Fixes for "the OS store trusts it, this client doesn't", by version: Node reads the OS store with
 * NODE_USE_SYSTEM_CA=1 from 22.19 (22.x) / 24.6, and with --use-system-ca from 23.8; Python ≥ 3.10 can use it
 * through truststore. Undefined entries: the version is unknown or too old (the table's generic fix stays).
 */
export function osStoreFixes(v: ClientVersions): Fix[] {
  const out: Fix[] = [];
  const n = v.node;
  if (n && ((n[0] === 22 && atLeast(n, [22, 19])) || atLeast(n, [24, 6]))) {
    out.push({
      client: 'node',
      text: `Node ${n.join('.')} can read the OS store: set NODE_USE_SYSTEM_CA=1 (no bundle to maintain)`,
      snippet: 'export NODE_USE_SYSTEM_CA=1',
    });
  } else if (n && atLeast(n, [23, 8])) {
    out.push({
      client: 'node',
      text: `Node ${n.join('.')} can read the OS store with --use-system-ca`,
      snippet: 'node --use-system-ca app.js   # or: export NODE_OPTIONS=--use-system-ca',
    });
  }
  const p = v.python;
  if (p && atLeast(p, [3, 10])) {
    out.push({
      client: 'python-requests',
      text: `Python ${p.join('.')}: use the OS store through truststore (requests, urllib3, pip and httpx then trust what the OS trusts)`,
      snippet:
        'pip install truststore\n# at start-up, before any connection:\nimport truststore; truststore.inject_into_ssl()',
    });
  }
  return out;
}
