// The whole plan: data files (bundle, root), each tool's mechanism, one env file of TLS Doctor's and one marked line
// per shell startup file, each file's exact before/after. Reading only: `apply` writes what the plan says.
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { createBundle } from '../certs/bundle';
import { trustCommands } from '../certs/ostrust';
import { pemCertificates } from '../text/pem';
import { shellSingleQuoted } from '../text/quote';
import { Tool, which } from './detect';
import { unifiedDiff } from './diff';
import { setKey, setMarkedLine } from './edit';
import { mechanismFor, PlanContext, RunStep, ToolPlan } from './mechanisms';
import { dataFile, UserPaths } from './paths';
import type { RootCandidate } from './root';

/** The comment that marks TLS Doctor's line in a startup file (how re-applying finds it instead of adding another). */
export const MARKER = '# tls-doctor trust';

/** One file the plan writes. */
export interface FileChange {
  readonly file: string;
  /** What it is for: "bundle", "env (sh)", "bash interactive", a tool id… */
  readonly purpose: string;
  /** The current text (undefined: the file does not exist). */
  readonly before?: string;
  readonly after: string;
  /** How the bytes map to text: UTF-8, or latin1 for files that are not UTF-8 (one char per byte, nothing lost). */
  readonly encoding: 'utf8' | 'latin1';
  readonly diff: string;
  /** A data file of ours (bundle, root): shown as a summary, not a diff. */
  readonly data?: boolean;
}

export interface Plan {
  readonly roots: readonly RootCandidate[];
  readonly paths: UserPaths;
  readonly bundle: string;
  readonly ca: string;
  readonly envFile: string;
  readonly env: Readonly<Record<string, string>>;
  readonly tools: readonly ToolPlan[];
  /** Tools asked for (--tools) but not found on PATH. */
  readonly missing: readonly string[];
  /** Only the files whose text changes. */
  readonly changes: readonly FileChange[];
  readonly runs: readonly RunStep[];
  /** Commands for the OS store (never run: they need sudo). */
  readonly osStore?: { readonly install: string; readonly notes: readonly string[] };
  /** 'workspace': the plan for a team's repository (workspace.ts); absent: the user's home. */
  readonly scope?: 'workspace';
  /** Things to do by hand for the whole plan (the workspace scope's Dockerfile lines and CI variables). */
  readonly notes?: readonly string[];
}

/** A file's text and the encoding that keeps its bytes (UTF-8, else latin1). */
export function readText(file: string): { text?: string; encoding: 'utf8' | 'latin1' } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return { encoding: 'utf8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf8' };
  } catch {
    return { text: bytes.toString('latin1'), encoding: 'latin1' };
  }
}

/** One file's change: its bytes before (when it exists), after, and the diff; undefined when `after` changes nothing.
 * `data`: a file whose content is data (a bundle), shown without a diff. */
export function change(
  file: string,
  purpose: string,
  after: (before: string) => string,
  data = false,
): FileChange | undefined {
  const { text, encoding } = readText(file);
  const next = after(text ?? '');
  if (text !== undefined && next === text) return undefined;
  return {
    file,
    purpose,
    ...(text !== undefined ? { before: text } : {}),
    after: next,
    encoding,
    diff: data ? '' : unifiedDiff(file, text, next),
    ...(data ? { data } : {}),
  };
}

/** The confirmed roots plus the ones trusted by an earlier apply (so a second root does not drop the first). */
function caPems(roots: readonly RootCandidate[], caFile: string): string[] {
  const earlier = pemCertificates(readText(caFile).text ?? '');
  const all = [...earlier, ...roots.flatMap((r) => [r.pem, ...r.intermediates])];
  const seen = new Set<string>();
  return all
    .filter((p) => {
      const fp = new X509Certificate(p).fingerprint256;
      if (seen.has(fp)) return false;
      seen.add(fp);
      return true;
    })
    .map((p) => new X509Certificate(p).toString());
}

/** `export NAME='value'` lines for POSIX shells and `set -gx` for fish, under a header saying whose file it is. */
export function envScripts(env: Readonly<Record<string, string>>): { sh: string; fish: string } {
  const head =
    '# Written by TLS Doctor (tls-doctor trust apply); `tls-doctor trust undo` removes it. Regenerated on every apply: do not edit.\n';
  const fishQuote = (s: string) => `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;
  const entries = Object.entries(env);
  return {
    sh: head + entries.map(([k, v]) => `export ${k}=${shellSingleQuoted(v)}\n`).join(''),
    fish: head + entries.map(([k, v]) => `set -gx ${k} ${fishQuote(v)}\n`).join(''),
  };
}

/** Startup files that get the marked line: bash interactive and login, zsh, fish (only shells that are there). */
function startupFiles(
  u: UserPaths,
  env: NodeJS.ProcessEnv,
  envSh: string,
  envFish: string,
): { file: string; purpose: string; after: (t: string) => string }[] {
  if (u.platform === 'win32') return [];
  const p = path.posix;
  const source = `if [ -f ${shellSingleQuoted(envSh)} ]; then . ${shellSingleQuoted(envSh)}; fi ${MARKER}`;
  const marked = (t: string) => setMarkedLine(t, MARKER, source);
  const out = [];
  const bashrc = p.join(u.home, '.bashrc');
  if (which('bash', env) || existsSync(bashrc)) {
    out.push({ file: bashrc, purpose: 'bash (interactive)', after: marked });
  }
  // A login bash reads the first of these that exists; ~/.profile also serves sh and dash login shells.
  const login =
    ['.bash_profile', '.bash_login'].map((f) => p.join(u.home, f)).find((f) => existsSync(f)) ??
    p.join(u.home, '.profile');
  out.push({ file: login, purpose: 'login shells', after: marked });
  const zshrc = p.join(env.ZDOTDIR || u.home, '.zshrc');
  if (which('zsh', env) || existsSync(zshrc)) out.push({ file: zshrc, purpose: 'zsh', after: marked });
  const fishDir = p.join(u.config, 'fish');
  if (which('fish', env) || existsSync(fishDir)) {
    const line = `test -f ${shellSingleQuoted(envFish)}; and source ${shellSingleQuoted(envFish)} ${MARKER}`;
    out.push({
      file: p.join(fishDir, 'conf.d', 'tls-doctor.fish'),
      purpose: 'fish',
      after: (t: string) => setMarkedLine(t, MARKER, line),
    });
  }
  return out;
}

/** Java's default cacerts next to the `java` on PATH (or Debian's shared one). */
function javaCacerts(tools: readonly Tool[]): string | undefined {
  const java = tools.find((t) => t.id === 'java');
  if (!java) return undefined;
  let home: string;
  try {
    home = path.dirname(path.dirname(realpathSync(java.path)));
  } catch {
    return undefined;
  }
  return [
    path.join(home, 'lib', 'security', 'cacerts'),
    path.join(home, 'jre', 'lib', 'security', 'cacerts'),
    '/etc/ssl/certs/java/cacerts',
  ].find((f) => existsSync(f));
}

/** The OS-store command for the first root, when it is not there yet (shown; it needs sudo). */
function osStoreAdvice(u: UserPaths, roots: readonly RootCandidate[], ca: string): Plan['osStore'] {
  const root = roots.find((r) => !r.inOsStore);
  if (!root) return undefined;
  try {
    const x = new X509Certificate(root.pem);
    const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
    const c = trustCommands(
      u.platform,
      {
        certPath: ca,
        sha256: x.fingerprint256.replace(/:/g, ''),
        sha1: x.fingerprint.replace(/:/g, ''),
        serial: x.serialNumber,
      },
      osRelease,
    );
    return {
      install: c.install,
      notes: [
        'Optional: tools that read the OS store (browsers, pip ≥ 24.2, Node with NODE_USE_SYSTEM_CA) then need nothing else; this plan does not depend on it.',
        ...c.notes,
      ],
    };
  } catch {
    return undefined;
  }
}

/** Builds the plan for `roots` and the detected `tools` (reads the current files; writes nothing). */
export function buildPlan(
  roots: readonly RootCandidate[],
  tools: readonly Tool[],
  paths: UserPaths,
  env: NodeJS.ProcessEnv,
  missing: readonly string[] = [],
): Plan {
  const bundle = dataFile(paths, 'bundle');
  const ca = dataFile(paths, 'ca');
  const pems = caPems(roots, ca);
  const ctx: PlanContext = {
    paths,
    env,
    bundle,
    ca,
    truststore: dataFile(paths, 'truststore'),
    inOsStore: roots.length > 0 && roots.every((r) => r.inOsStore),
    rootNames: roots.map((r) => ({ sha256: r.sha256, pem: r.pem })),
    javaCacerts: javaCacerts(tools),
  };
  const toolPlans = tools.map((t) => mechanismFor(t, ctx));
  const vars: Record<string, string> = {};
  for (const t of toolPlans) Object.assign(vars, t.env);
  const envSh = path.join(paths.envDir, 'env.sh');
  const envFish = path.join(paths.envDir, 'env.fish');
  const scripts = envScripts(vars);
  const hasEnv = Object.keys(vars).length > 0;
  const startup = startupFiles(paths, env, envSh, envFish);
  // Edits of the same file apply one after the other (npm and pnpm share ~/.npmrc: the second finds the line in place).
  const byFile = new Map<string, { purpose: string[]; edits: ToolPlan['edits'] }>();
  for (const t of toolPlans) {
    for (const e of t.edits) {
      const entry = byFile.get(e.file) ?? { purpose: [], edits: [] };
      if (!entry.purpose.includes(t.tool)) entry.purpose.push(t.tool);
      byFile.set(e.file, { purpose: entry.purpose, edits: [...entry.edits, e] });
    }
  }
  const changes = [
    change(bundle, 'bundle: public roots + your root(s)', () => createBundle(pems), true),
    change(ca, 'your root(s) alone', () => pems.join(''), true),
    ...(hasEnv ? [change(envSh, 'environment (sh, bash, zsh)', () => scripts.sh)] : []),
    ...(hasEnv && startup.some((s) => s.purpose === 'fish')
      ? [change(envFish, 'environment (fish)', () => scripts.fish)]
      : []),
    ...(hasEnv ? startup.map((s) => change(s.file, s.purpose, s.after)) : []),
    ...[...byFile].map(([file, { purpose, edits }]) =>
      change(file, purpose.join(', '), (t) => edits.reduce((acc, e) => setKey(acc, e.edit), t)),
    ),
  ].filter((c): c is FileChange => c !== undefined);
  const runs = toolPlans.flatMap((t) => (t.run ? [t.run] : []));
  const osStore = osStoreAdvice(paths, roots, ca);
  return {
    roots,
    paths,
    bundle,
    ca,
    envFile: envSh,
    env: vars,
    tools: toolPlans,
    missing,
    changes,
    runs,
    ...(osStore ? { osStore } : {}),
  };
}
