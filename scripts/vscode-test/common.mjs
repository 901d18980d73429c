// Shared by both integration runners (run.mjs: offline VS Code server + Chromium; electron.mjs: desktop VS Code).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where a plain `tsc -p tsconfig.integration.json` (the VS Code task) puts the compiled tests: used by --no-build. */
export const DEFAULT_TESTS_OUT = join(ROOT, 'out', 'test', 'integration');
const RUN_OUT_PREFIX = 'integration-run-';
/** The workspace every suite opens a fresh copy of. */
export const FIXTURE_WORKSPACE = join(ROOT, 'test', 'fixtures', 'workspace');
/**
 * The suites: untrusted/ runs in a workspace that is not trusted, empty/ in an empty folder (no endpoints: the views'
 * empty states) with workspace trust off, the rest in the fixture workspace with workspace trust off.
 */
export const SUITES = ['trusted', 'untrusted', 'empty'];
/** Suites with a folder of their own under test/integration/ (the trusted suite is everything else). */
const OWN_FOLDER = SUITES.filter((s) => s !== 'trusted');

/** Prints a line to stdout (the runners' only output channel, so CI logs keep their order). */
export function log(line) {
  process.stdout.write(`${line}\n`);
}

/** Runs a build step in the repo root with inherited output; throws with the step's name if it fails. */
export function sh(title, cmd, args) {
  log(`[runner] ${title}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${title} failed (exit ${r.status ?? r.signal})`);
}

/**
 * Bundles the extension (dist/) and compiles the integration tests into a folder of this run's own,
 * out/integration-run-<pid>/, so that runs started at the same time in one work tree never delete or overwrite
 * each other's tests (and no stale test of a deleted file survives). Returns the compiled tests' folder.
 */
export function build() {
  sh('bundle', process.execPath, ['esbuild.js']);
  removeStaleRunDirs();
  const outDir = join(ROOT, 'out', `${RUN_OUT_PREFIX}${process.pid}`);
  rmSync(outDir, { recursive: true, force: true });
  sh('compile tests', process.execPath, [
    join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
    '-p',
    'tsconfig.integration.json',
    '--outDir',
    outDir,
  ]);
  return {
    testsOut: join(outDir, 'test', 'integration'),
    cleanup: () => rmSync(outDir, { recursive: true, force: true }),
  };
}

/** Removes out/integration-run-<pid>/ folders left by runs that were killed (their process is gone). */
function removeStaleRunDirs() {
  const out = join(ROOT, 'out');
  if (!existsSync(out)) return;
  for (const name of readdirSync(out)) {
    const pid = Number(name.startsWith(RUN_OUT_PREFIX) ? name.slice(RUN_OUT_PREFIX.length) : NaN);
    if (Number.isInteger(pid) && !isAlive(pid)) rmSync(join(out, name), { recursive: true, force: true });
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** True when the suite has at least one compiled *.test.js under `testsOut`. */
export function hasTests(suite, testsOut) {
  if (!existsSync(testsOut)) return false;
  return readdirSync(testsOut, { recursive: true })
    .map(String)
    .some(
      (f) =>
        f.endsWith('.test.js') &&
        (suite === 'trusted' ? !OWN_FOLDER.some((s) => f.startsWith(`${s}/`)) : f.startsWith(`${suite}/`)),
    );
}

/** Copies the fixture workspace to `dest`, so tests may edit files without touching the repository. */
export function copyWorkspace(dest) {
  cpSync(FIXTURE_WORKSPACE, dest, { recursive: true });
  return dest;
}

/** The folder a suite opens: a copy of the fixture workspace, or for the empty suite a folder with no files at all. */
export function suiteWorkspace(suite, dest) {
  if (suite !== 'empty') return copyWorkspace(dest);
  mkdirSync(dest, { recursive: true });
  return dest;
}

/** Parses `[--no-build] [--suite trusted|untrusted|empty]...`; every suite by default. */
export function parseArgs(argv) {
  const opts = { build: true, suites: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--no-build') opts.build = false;
    else if (argv[i] === '--suite' && SUITES.includes(argv[i + 1])) opts.suites.push(argv[++i]);
    else throw new Error(`unknown argument "${argv[i]}". Usage: [--no-build] [--suite trusted|untrusted|empty]...`);
  }
  if (opts.suites.length === 0) opts.suites = [...SUITES];
  return opts;
}

/** Prints the closing line and writes MOCHA_SUMMARY_FILE for scripts/test.mjs. */
export function report(totals) {
  const skipped = totals.pending ? `, ${totals.pending} skipped` : '';
  log(`integration: ${totals.passes} passed, ${totals.failures} failed${skipped}`);
  if (process.env.MOCHA_SUMMARY_FILE) writeFileSync(process.env.MOCHA_SUMMARY_FILE, JSON.stringify(totals));
}
