#!/usr/bin/env node
// Integration tests in a real VS Code extension host, offline: VS Code's server build (code-server@4.100.3 = VS Code
// 1.100.3, installed by setup.sh) + Debian's headless Chromium. Builds the extension and the tests, then runs two
// suites, each in a fresh server, browser profile and temp copy of test/fixtures/workspace:
//   trusted   test/integration/**/*.test.ts except untrusted/ (server started with --disable-workspace-trust)
//   untrusted test/integration/untrusted/*.test.ts (workspace trust on and never granted: restricted mode)
//   empty     test/integration/empty/*.test.ts in an empty folder instead of the fixture (trust off): empty states
// Prints the extension host's console (mocha's report), ends with "integration: N passed, N failed" and exits
// non-zero on any failure. Env: TLS_DOCTOR_GREP=<regex> runs matching tests only; TLS_DOCTOR_IT_TIMEOUT_S
// (default 1200) bounds the whole run; TLS_DOCTOR_VERBOSE=1 also prints workbench/server logs;
// TLS_DOCTOR_KEEP_TMP=1 keeps the temp folders; MOCHA_SUMMARY_FILE receives {passes,failures,pending} as JSON;
// TLS_DOCTOR_START_TIMEOUT_S (default 150): a suite whose tests have not started by then is relaunched once (a
// workbench that never loads the extension host was seen on a heavily loaded machine); TLS_DOCTOR_UPDATE_SCREENSHOTS=1
// saves screenshots into docs/images/ (what the README shows) instead of test-results/screenshots/.
// Flags: --no-build, --suite trusted|untrusted|empty (repeatable).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, wirePage, workbenchUrl, CHROMIUM } from './browser.mjs';
import { build, hasTests, suiteWorkspace, log, parseArgs, report, sh, DEFAULT_TESTS_OUT, ROOT } from './common.mjs';
import { serverPaths, serverVersion, startServer, stopServer, writeSettings } from './server.mjs';

const { vscodeDir, serverMain } = serverPaths(ROOT);
const RESULT_MARKER = '__TLS_DOCTOR_RESULT__'; // both printed by test/integration/index.ts
const START_MARKER = '__TLS_DOCTOR_SUITE_START__';
const TIMEOUT_S = Number(process.env.TLS_DOCTOR_IT_TIMEOUT_S || 1200);
const VERBOSE = process.env.TLS_DOCTOR_VERBOSE === '1';
const DEADLINE = Date.now() + TIMEOUT_S * 1000; // for the whole run, build included
const START_TIMEOUT_S = Number(process.env.TLS_DOCTOR_START_TIMEOUT_S || 150);
const IMAGES_DIR =
  process.env.TLS_DOCTOR_UPDATE_SCREENSHOTS === '1'
    ? join(ROOT, 'docs', 'images')
    : join(ROOT, 'test-results', 'screenshots');

const live = { server: undefined, context: undefined, tmp: [], testsOut: DEFAULT_TESTS_OUT, removeTests: undefined }; // what cleanup() must end and remove

/** Runs setup.sh unless its ready-marker says the VS Code server is installed (a fresh clone just works). */
function ensureSetup() {
  const tools = join(ROOT, '.vscode-test');
  if (existsSync(serverMain) && readdirSync(tools).some((f) => f.startsWith('.ready-code-server-'))) return;
  sh('setting up the VS Code server', 'bash', [join(ROOT, 'scripts', 'vscode-test', 'setup.sh')]);
}

function makeDirs(suite) {
  const tmp = mkdtempSync(join(tmpdir(), `tls-doctor-it-${suite}-`));
  live.tmp.push(tmp);
  const dirs = {};
  for (const d of ['workspace', 'userData', 'serverData', 'extensions', 'logs', 'chromium']) {
    dirs[d] = join(tmp, d);
    mkdirSync(dirs[d], { recursive: true });
  }
  suiteWorkspace(suite, dirs.workspace);
  writeSettings(dirs.userData);
  return dirs;
}

/** Output that is not the extension host's: kept in a ring and printed only when the suite fails (or VERBOSE). */
function makeNoise() {
  const lines = [];
  return {
    add(line) {
      if (VERBOSE) log(line);
      lines.push(line);
      if (lines.length > 200) lines.shift();
    },
    dump() {
      if (!VERBOSE && lines.length) {
        log('[runner] last workbench/server log lines:');
        lines.slice(-60).forEach((l) => log(`  ${l}`));
      }
    },
  };
}

/**
 * Routes one console line: between the suite's start marker and its result marker, lines from the log service are
 * the extension host's console (mocha's report, test output) and go to stdout; everything else is workbench noise.
 */
function routeConsole(line, state, noise) {
  const { text, logService, level } = line;
  if (text.includes(START_MARKER)) {
    state.inSuite = true;
    state.onStart?.();
    return;
  }
  const i = text.indexOf(RESULT_MARKER);
  if (i >= 0) {
    Object.assign(state.result, JSON.parse(text.slice(i + RESULT_MARKER.length)));
    state.inSuite = false;
    return;
  }
  if (state.inSuite && logService) log(level === 'INFO' ? text : `[${level}] ${text}`);
  else noise.add(`[browser${logService ? ` ${level}` : ''}] ${text}`);
}

/** Waits (bounded) until the suite's result marker has been read from the console. */
async function resultArrived(state, ms) {
  for (const end = Date.now() + ms; state.result.passes === undefined && Date.now() < end;) {
    await new Promise((r) => setTimeout(r, 50));
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function runSuite(suite) {
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptSuite(suite);
    if (outcome.started || attempt === 2 || Date.now() > DEADLINE) return outcome.counts;
    log(`[runner] suite "${suite}": the tests did not start within ${START_TIMEOUT_S} s; relaunching once`);
  }
}

/** One launch of a suite; `started` tells whether the tests module began to run (else the launch may be retried). */
async function attemptSuite(suite) {
  const dirs = makeDirs(suite);
  const noise = makeNoise();
  const state = { inSuite: false, result: {} };
  const started = new Promise((resolve) => {
    state.onStart = resolve;
  });
  // EXTENSIONS_GALLERY={}: no marketplace, so the workbench never looks anything up on the internet.
  const env = { ...process.env, TLS_DOCTOR_SUITE: suite, TLS_DOCTOR_SCREENSHOTS: '1', EXTENSIONS_GALLERY: '{}' };
  log(
    `\n[runner] suite "${suite}": workspace ${dirs.workspace} (${suite !== 'untrusted' ? '--disable-workspace-trust' : 'workspace trust on, not granted'})`,
  );
  const t0 = Date.now();
  let code = 1;
  let didStart = false;
  try {
    const run = openWorkbench(suite, dirs, env, state, noise);
    await withTimeout(Promise.race([started, run]), START_TIMEOUT_S * 1000, `start of suite "${suite}"`);
    didStart = state.inSuite || state.result.passes !== undefined;
    code = await withTimeout(run, DEADLINE - Date.now(), `suite "${suite}"`);
    await resultArrived(state, 10_000); // the exit call can overtake the console line that carries the counts
  } catch (e) {
    log(`[runner] ERROR: ${e.message}`);
  }
  log(`[runner] suite "${suite}" finished in ${((Date.now() - t0) / 1000).toFixed(1)} s, exit code ${code}`);
  if (code !== 0 || state.result.passes === undefined) noise.dump();
  await cleanupSuite();
  return { started: didStart, counts: summarize(suite, code, state.result) };
}

/** Starts the server and the browser, opens the workbench on the workspace copy and resolves with the exit code. */
async function openWorkbench(suite, dirs, env, state, noise) {
  const onLine = (l) => noise.add(`[server] ${l}`);
  const { proc, port } = await startServer({
    serverMain,
    dirs,
    trusted: suite !== 'untrusted',
    env,
    onLine,
    onSpawn: (p) => {
      live.server = p;
    },
  });
  const serverDied = new Promise((res) =>
    proc.once('exit', (c) => {
      noise.add(`[runner] server exited (${c})`);
      res(1);
    }),
  );
  const { context, page } = await launchBrowser(dirs.chromium);
  live.context = context;
  const { exited } = await wirePage(page, {
    imagesDir: IMAGES_DIR,
    log,
    onConsole: (line) => routeConsole(line, state, noise),
  });
  await page.goto(workbenchUrl(port, dirs.workspace, ROOT, join(live.testsOut, 'index.js')));
  return Promise.race([exited, serverDied]);
}

function summarize(suite, code, result) {
  if (result.passes === undefined) {
    log(`[runner] suite "${suite}" reported no results (the tests module failed to load or the run crashed)`);
    return { passes: 0, failures: 1, pending: 0 };
  }
  const counts = { passes: result.passes, failures: result.failures, pending: result.pending ?? 0 };
  if (code !== 0 && counts.failures === 0) counts.failures = 1; // exited non-zero without a failing test: count it
  return counts;
}

async function cleanupSuite() {
  const { context, server } = live;
  live.context = undefined;
  live.server = undefined;
  if (context) await context.close().catch(() => {});
  await stopServer(server);
}

async function cleanup() {
  await cleanupSuite();
  live.removeTests?.();
  if (process.env.TLS_DOCTOR_KEEP_TMP === '1') {
    log(`[runner] kept: ${live.tmp.join(' ')}`);
    return;
  }
  for (const dir of live.tmp) rmSync(dir, { recursive: true, force: true });
  live.tmp = [];
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  ensureSetup();
  const { version, commit } = serverVersion(vscodeDir);
  log(`[runner] VS Code ${version} (${commit.slice(0, 10)}), server build from code-server; browser ${CHROMIUM}`);
  if (opts.build) ({ testsOut: live.testsOut, cleanup: live.removeTests } = build());
  const totals = { passes: 0, failures: 0, pending: 0 };
  for (const suite of opts.suites) {
    if (!hasTests(suite, live.testsOut)) {
      log(`[runner] suite "${suite}": no compiled tests, skipped`);
      continue;
    }
    const counts = await runSuite(suite);
    for (const k of Object.keys(totals)) totals[k] += counts[k];
  }
  report(totals);
  return totals.failures > 0 || totals.passes === 0 ? 1 : 0;
}

async function exitWith(code) {
  await cleanup().catch((e) => log(`[runner] cleanup: ${e.message}`));
  process.exit(code);
}

const overall = setTimeout(
  () => {
    log(`[runner] ERROR: the integration run exceeded ${TIMEOUT_S} s; killing everything`);
    report({ passes: 0, failures: 1, pending: 0 });
    void exitWith(1);
  },
  TIMEOUT_S * 1000 + 30_000,
);
for (const [sig, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.on(sig, () => {
    log(`[runner] ${sig}: cleaning up`);
    void exitWith(code);
  });
}

main().then(
  (code) => {
    clearTimeout(overall);
    return exitWith(code);
  },
  (e) => {
    clearTimeout(overall);
    log(`[runner] ERROR: ${e.message}`);
    report({ passes: 0, failures: 1, pending: 0 });
    return exitWith(1);
  },
);
