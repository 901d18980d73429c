#!/usr/bin/env node
// `npm run bench:vscode`: the workspace scan in the real workbench (the integration harness: VS Code's server build +
// headless Chromium, the extension loaded from this checkout) side by side with the CLI on the same generated tree, in
// the same run. The tree (>= 200 MB of real Python/JS/TS source, fixtures with known findings, a 10,000-line file with
// findings, and a node_modules folder that both must skip) is generated into the temp folder and removed afterwards
// (TLS_DOCTOR_KEEP_TMP=1 keeps it). The in-editor figures come from bench/vscode-host.cjs, run inside the extension
// host. Prints the figures with the load average (2 shared cores make every figure noisy: compare within one run).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bigFile, buildTree, cliScan, FIXTURE } from './vscode-tree.mjs';
import { launchBrowser, wirePage, workbenchUrl, CHROMIUM } from '../scripts/vscode-test/browser.mjs';
import { serverPaths, startServer, stopServer, writeSettings } from '../scripts/vscode-test/server.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MARK = '__TLS_DOCTOR_BENCH__';
const FIRST_MARK = '__TLS_DOCTOR_BENCH_FIRST__'; // bench/vscode-first-host.cjs
const KEEP = process.env.TLS_DOCTOR_KEEP_TMP === '1';
const log = (l) => process.stdout.write(`${l}\n`);

/** Every line of the server's logs that holds `needle` (the extension's log channel is a file there). */
function grepLogs(dir, needle) {
  const out = [];
  for (const f of fs.readdirSync(dir, { recursive: true })) {
    const p = join(dir, String(f));
    if (!p.endsWith('.log') || !fs.statSync(p).isFile()) continue;
    for (const line of fs.readFileSync(p, 'utf8').split('\n')) if (line.includes(needle)) out.push(line.trim());
  }
  return out;
}

async function inEditor(tmp, ws, env = {}) {
  const dirs = {};
  for (const d of ['userData', 'serverData', 'extensions', 'logs', 'chromium']) {
    dirs[d] = join(tmp, d);
    fs.mkdirSync(dirs[d], { recursive: true });
  }
  writeSettings(dirs.userData);
  // The bench starts each scan itself (to time it); the scan on activation would race it.
  for (const sub of ['User', 'Machine']) {
    const file = join(dirs.userData, sub, 'settings.json');
    const s = JSON.parse(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, JSON.stringify({ ...s, 'tlsDoctor.scan.onActivation': false }, null, 2));
  }
  const { result } = await inWorkbench({
    dirs,
    ws,
    // Where the extension's storage is, so the host can delete the persisted results for a second cold scan.
    // The Chromium profile names the window's processes, whose CPU the host reads.
    env: {
      ...env,
      TLS_DOCTOR_BENCH_DATA: [dirs.userData, dirs.serverData].join(delimiter),
      TLS_DOCTOR_BENCH_CHROMIUM: dirs.chromium,
    },
    host: 'vscode-host.cjs',
    mark: MARK,
    timeoutMs: 600_000,
    what: 'the in-editor bench',
  });
  result.activateLog = grepLogs(dirs.logs, 'activate() took');
  result.scanLog = grepLogs(dirs.logs, 'workspace scan ');
  return result;
}

/**
 * Opens a workbench on `ws` (VS Code's server with `dirs`, headless Chromium) with `host` (a file in bench/) run in
 * the extension host, and returns the JSON it prints after `mark`, with the time the page was opened. Both windows
 * close before it returns; `what` names the phase in its errors.
 */
async function inWorkbench({ dirs, ws, env, host, mark, timeoutMs, what }) {
  const { serverMain } = serverPaths(ROOT);
  let server;
  let context;
  try {
    const started = await startServer({
      serverMain,
      dirs,
      trusted: true,
      env: { ...process.env, EXTENSIONS_GALLERY: '{}', ...env },
      onLine: () => {},
      onSpawn: (p) => (server = p),
    });
    const browser = await launchBrowser(dirs.chromium);
    context = browser.context;
    let result;
    const { exited } = await wirePage(browser.page, {
      imagesDir: join(ROOT, 'test-results', 'screenshots'),
      log,
      onConsole: ({ text }) => {
        const i = text.indexOf(mark);
        if (i >= 0) result = JSON.parse(text.slice(i + mark.length));
        else if (/Error|error:/.test(text) && process.env.TLS_DOCTOR_VERBOSE === '1') log(`[host] ${text}`);
      },
    });
    const opened = Date.now();
    await browser.page.goto(workbenchUrl(started.port, ws, ROOT, join(ROOT, 'bench', host)));
    // The deadline is cleared once the window exits: a pending timer kept this process alive for the whole
    // timeoutMs after the report was printed (a finished run sat idle for minutes).
    let timer;
    const timeout = new Promise((_, rej) => (timer = setTimeout(() => rej(new Error(`${what} timed out`)), timeoutMs)));
    await Promise.race([exited, timeout]).finally(() => clearTimeout(timer));
    for (let i = 0; i < 50 && !result; i++) await new Promise((r) => setTimeout(r, 100));
    if (!result) throw new Error(`${what} reported nothing`);
    return { result, opened };
  } finally {
    if (context) await context.close().catch(() => {});
    await stopServer(server);
  }
}

/**
 * What a user sees on opening a folder: a fresh window (nothing persisted) on `ws` with the default settings (the scan
 * on activation on), no command run. The extension activates on its own and scans by itself; bench/vscode-first-host.cjs
 * watches for the first TLS Doctor diagnostic and reports it against VS Code's own activation mark (one clock).
 * `shot`: the name of a screenshot of the Problems panel taken at the end (test-results/screenshots/<shot>.png).
 */
async function firstProblem(tmp, ws, shot) {
  const dirs = {};
  const base = fs.mkdtempSync(join(tmp, 'first-')); // fresh for each window: nothing persisted, no profile reused
  for (const d of ['userData', 'serverData', 'extensions', 'logs', 'chromium']) {
    dirs[d] = join(base, d);
    fs.mkdirSync(dirs[d], { recursive: true });
  }
  writeSettings(dirs.userData);
  const load = loadavg();
  const { result, opened } = await inWorkbench({
    dirs,
    ws,
    env: { TLS_DOCTOR_BENCH_SHOT: shot ?? '' },
    host: 'vscode-first-host.cjs',
    mark: FIRST_MARK,
    timeoutMs: 180_000,
    what: 'the first-problem phase',
  });
  return {
    ...result,
    opened,
    load,
    activateLog: grepLogs(dirs.logs, 'activate() took'),
    scanLog: grepLogs(dirs.logs, 'workspace scan '),
  };
}

/** Prints the first-problem phase (firstProblem()). */
function reportFirst(label, f) {
  const la = f.load.map((x) => x.toFixed(2)).join(' ');
  const m = f.marks;
  if (!m.willActivate) {
    log(`  first problem (${label}): the extension did not activate on its own (load average ${la})`);
    return;
  }
  const since = (t) => (t === undefined || t === null ? '?' : `${t - m.willActivate}`);
  const first =
    f.firstAt === null
      ? 'no problem within 60 s'
      : `first problem ${f.firstAt - m.willActivate} ms after activation${f.firstBeforeHarness ? ' (at most: published before the bench module ran)' : ''}`;
  log(`  ${first} (${label}; load average ${la}; first in ${f.firstFile})`);
  log(
    `      ${f.problemsAtEnd} TLS Doctor problems when the diagnostics settled (no change for 3 s; the last change, of any extension, ${since(f.lastChangeAt)} ms after activation)`,
  );
  log(
    `      activate() called ${m.willActivate - f.opened} ms after the page was opened, ${Math.round(m.willActivate - m.hostStart)} ms after the extension host started; code loaded in ${m.willActivate - m.willLoadCode} ms; activate() returned after ${since(m.didActivate)} ms; the bench module ran at ${since(f.harnessAt)} ms (extension active then: ${f.activeAtHarness})`,
  );
  if (f.entry) {
    log(
      `      features (dist/main.js) loaded ${Math.round(f.entry.loadedAfterMs)} ms after activation (first use: ${f.entry.reason}) in ${f.entry.loadMs.toFixed(1)} ms`,
    );
  }
  for (const l of f.scanLog) log(`      log: ${l.replace(/^.*\] /, '')}`);
  if (f.screenshot) log(`      screenshot: ${f.screenshot}`);
}

/**
 * `node bench/vscode.mjs --first-only`: the user's journey alone, in a minute: a folder holding one Python file with
 * `verify=False`, the window opens, no command is run; the first problem is timed and the Problems panel saved as
 * test-results/screenshots/bench-first-problem.png.
 */
async function firstOnly(tmp, ws) {
  try {
    fs.mkdirSync(ws);
    fs.writeFileSync(join(ws, 'app.py'), FIXTURE.py);
    const bare = await firstProblem(tmp, ws, 'bench-first-problem-bare');
    // The same folder with a file an activation event names (package.json: workspaceContains), in a fresh window.
    const ws2 = join(tmp, 'workspace-with-package-json');
    fs.mkdirSync(ws2);
    fs.writeFileSync(join(ws2, 'app.py'), FIXTURE.py);
    fs.writeFileSync(join(ws2, 'package.json'), JSON.stringify({ name: 'app', private: true }));
    const withManifest = await firstProblem(tmp, ws2, 'bench-first-problem');
    log('');
    reportFirst('a folder with one app.py holding verify=False, a fresh window', bare);
    reportFirst('the same app.py beside a package.json, a fresh window', withManifest);
  } finally {
    if (KEEP) log(`[bench] kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * `node bench/vscode.mjs --typing-only`: the cursor moves and typing pauses alone (a few minutes): a folder holding the
 * 10,000-line file, no workspace scan; then the host's memory after typing and after the live worker's idle stop.
 */
async function typingOnly(tmp, ws) {
  try {
    fs.mkdirSync(join(ws, 'big'), { recursive: true });
    fs.writeFileSync(join(ws, 'big', 'service_client.py'), bigFile());
    const load0 = loadavg();
    const editor = await inEditor(tmp, ws, { TLS_DOCTOR_BENCH_ONLY: 'typing' });
    const la = (l) => l.map((x) => x.toFixed(2)).join(' ');
    log('');
    log(
      `typing bench (10,000-line file, no workspace scan): load average ${la(load0)} at start, ${la(loadavg())} at end`,
    );
    reportCursor(editor);
    reportMemory(editor.memory, ['afterTyping', 'afterWorkerIdleStop', 'end']);
  } finally {
    if (KEEP) log(`[bench] kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * `node bench/vscode.mjs --memory-only [--rescans N] [--cancels N]`: the host's memory over a cold scan, then twelve
 * re-scans and twelve cancelled scans (or N) on the bench tree, a row per step and the trend; no CLI, no profiler, no
 * typing (a few minutes). TLS_DOCTOR_BENCH_HEAP=<dir> writes a heap snapshot at each step (bench/heap-diff.mjs).
 */
async function memoryOnly(tmp, ws) {
  try {
    fs.mkdirSync(ws);
    const tree = buildTree(ws);
    const load0 = loadavg();
    const editor = await inEditor(tmp, ws, { TLS_DOCTOR_BENCH_ONLY: 'memory', ...countsEnv() });
    const la = (l) => l.map((x) => x.toFixed(2)).join(' ');
    const { cold, rescans, cancels } = editor.scans;
    log('');
    log(
      `memory bench: ${(tree.bytes / 1e6).toFixed(0)} MB, ${tree.files} files; load average ${la(load0)} at start, ${la(loadavg())} at end`,
    );
    log(
      `  cold scan ${cold.wallMs} ms (${cold.findings} findings); re-scans ${rescans.map((r) => r.wallMs).join(' / ')} ms; cancels: ${cancels.filter((c) => c.firstCancelled && !c.secondCancelled).length} of ${cancels.length} cancelled and followed by a full scan`,
    );
    const m = editor.memory;
    reportMemory(m, ['afterScan', ...m.rescans.map((_, i) => `rescan${i}`), ...m.cancels.map((_, i) => `cancel${i}`)]);
    trend('re-scans', m.rescans);
    trend('cancels', m.cancels);
  } finally {
    if (KEEP) log(`[bench] kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** --rescans N / --cancels N for the host (bench/vscode-host.cjs counts()). */
function countsEnv() {
  const env = {};
  for (const [flag, name] of [
    ['--rescans', 'TLS_DOCTOR_BENCH_RESCANS'],
    ['--cancels', 'TLS_DOCTOR_BENCH_CANCELS'],
  ]) {
    const i = process.argv.indexOf(flag);
    if (i >= 0) env[name] = process.argv[i + 1];
  }
  return env;
}

async function main() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const load0 = loadavg();
  // TLS_DOCTOR_BENCH_BUNDLE=dev: the development bundle (not minified), so the sampled functions keep their names;
  // the production bundle gets source maps beside it (--external-maps) for the per-component breakdown.
  const dev = process.env.TLS_DOCTOR_BENCH_BUNDLE === 'dev';
  log(`[bench] bundling (${dev ? 'development: names kept for the profiles' : 'production'})`);
  const b = spawnSync(
    process.execPath,
    [join(ROOT, 'esbuild.js'), ...(dev ? [] : ['--production', '--external-maps'])],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (b.status !== 0) throw new Error('the bundle failed');
  const tmp = fs.mkdtempSync(join(tmpdir(), 'tls-doctor-bench-vscode-'));
  const ws = join(tmp, 'workspace');
  if (process.argv.includes('--first-only')) return firstOnly(tmp, ws);
  if (process.argv.includes('--typing-only')) return typingOnly(tmp, ws);
  if (process.argv.includes('--memory-only')) return memoryOnly(tmp, ws);
  try {
    fs.mkdirSync(ws);
    const tree = buildTree(ws);
    log(
      `[bench] tree: ${(tree.bytes / 1e6).toFixed(0)} MB of scannable text, ${tree.files} files (+ node_modules symlink), built in ${tree.ms} ms: ${ws}`,
    );
    const cli = [cliScan(ws), cliScan(ws)];
    log(`[bench] CLI: ${cli.map((c) => `${c.ms} ms`).join(', ')} (${cli[0].findings} findings)`);
    // Before the main phase, in a window of its own: what a user sees on opening the folder (nothing persisted).
    const first = await firstProblem(tmp, ws);
    const editor = await inEditor(tmp, ws, countsEnv());
    const cliAfter = cliScan(ws);
    const load1 = loadavg();
    report({ tree, cli: [...cli, cliAfter], editor, load: [load0, load1] });
    reportFirst('a fresh window on this tree, the scan on activation left on', first);
  } finally {
    if (KEEP) log(`[bench] kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const MEMORY_ROWS = {
  beforeFirstUse: 'before first use (active, features not loaded)',
  beforeScan: 'features loaded, before the first scan',
  afterScan: 'after the cold scan',
  afterProfiledCold: 'after the second (profiled) cold scan',
  afterCancel: 'after a cancelled scan (and the one after it)',
  afterTyping: 'after cursor moves and typing (live worker running)',
  afterWorkerIdleStop: "after the live worker's idle stop (65 s later)",
  end: 'end (the file closed)',
};

/** Host memory rows `keys` of `m` (rescanN: the re-scans), +/- against the baseline before the first scan. */
function reportMemory(m, keys, heading = true) {
  const mem = (x) => `${x.rssMB} MB RSS / ${x.heapMB} MB heap`;
  const vs = (x) => {
    const d = (a, b) => `${a - b >= 0 ? '+' : ''}${(a - b).toFixed(2)}`;
    const threads = x.threads ? `, ${x.threads} threads` : '';
    const code = x.codeMB === undefined ? '' : `, code space ${x.codeMB} MB`;
    return `${mem(x)} (${d(x.rssMB, m.beforeScan.rssMB)} / ${d(x.heapMB, m.beforeScan.heapMB)} MB; V8 committed ${x.heapTotalMB} MB${code}, external ${x.externalMB} MB${threads})`;
  };
  if (heading) {
    log(`  host memory (after GC), +/- against the features loaded before the first scan (or the typing):`);
    if (m.beforeFirstUse) log(`      ${MEMORY_ROWS.beforeFirstUse.padEnd(52)}${vs(m.beforeFirstUse)}`);
    log(`      ${MEMORY_ROWS.beforeScan.padEnd(52)}${vs(m.beforeScan)}`);
  }
  let prev;
  for (const k of keys) {
    const r = /^rescan(\d+)$/.exec(k);
    const c = /^cancel(\d+)$/.exec(k);
    const x = r
      ? (m.rescans ?? [m.afterRescans])[Number(r[1])]
      : c
        ? (m.cancels ?? [m.afterCancel])[Number(c[1])]
        : m[k];
    const label = r
      ? `after re-scan ${Number(r[1]) + 1}`
      : c
        ? `after cancelled scan ${Number(c[1]) + 1} (and the one after it)`
        : MEMORY_ROWS[k];
    if (!x) continue;
    // The heap's change since the row above: a step that levels off reads as a column of zeros.
    const step = prev
      ? `; step ${x.heapMB - prev.heapMB >= 0 ? '+' : ''}${(x.heapMB - prev.heapMB).toFixed(2)} MB heap`
      : '';
    log(`      ${label.padEnd(52)}${vs(x)}${step}`);
    prev = x;
  }
}

/**
 * The heap's trend over a series of samples (the re-scans, the cancels): MB per scan from a least-squares line over
 * its first and its second half. Growth per scan keeps both; a one-off step that levels off (V8's code compiled on
 * first use, caches that fill once) leaves the second near 0.
 */
function trend(label, xs) {
  if (!xs || xs.length < 4) return;
  const slope = (ys) => {
    const n = ys.length;
    const mx = (n - 1) / 2;
    const my = ys.reduce((a, b) => a + b, 0) / n;
    let num = 0;
    let den = 0;
    ys.forEach((y, i) => {
      num += (i - mx) * (y - my);
      den += (i - mx) ** 2;
    });
    return num / den;
  };
  const heap = xs.map((x) => x.heapMB);
  const half = Math.floor(heap.length / 2);
  const f = (v) => `${v >= 0 ? '+' : ''}${(v * 1000).toFixed(0)} KB`;
  log(
    `      trend over the ${heap.length} ${label}: ${f(slope(heap.slice(0, half + 1)))} heap per scan over the first half, ${f(slope(heap.slice(half)))} over the second; ${f((heap.at(-1) - heap[0]) / (heap.length - 1))} per scan overall`,
  );
}

/** The cursor-move and typing-pause figures (bench/vscode-host.cjs cursorMoves()). */
function reportCursor(editor) {
  const c = editor.cursor;
  log(
    `  cursor moves on ${c.lines} lines / ${c.findings} findings: ${c.hostCpuPerMoveMs} ms host CPU per move (idle ${c.idleCpuPerStepMs} ms per step subtracted; ${c.codeActionRequestsSeen} code-action requests seen for ${c.moves} moves)`,
  );
  log(
    `  sampled main-thread CPU per move by cause (a stack with a TLS Doctor frame counts for TLS Doctor; the profiler's own dispatch is in host): ${Object.entries(
      c.sampledMsPerMove,
    )
      .map(([k, v]) => `${k} ${v} ms`)
      .join(', ')}`,
  );
  for (const f of c.topFunctions) log(`      ${f}`);
  log(`  vscode.executeCodeActionProvider           ${c.hostCpuPerCodeActionRequestMs} ms host CPU per request`);
  for (const kind of ['comment', 'letter', 'newline']) {
    const t = c.typing[kind];
    if (!t) continue;
    log(
      `  typing pause (${JSON.stringify(t.char)} typed, then ${c.typing.pauses} pauses): ${t.hostCpuPerPauseMs} ms host CPU per pause, all threads (idle ${c.typing.idleCpuPerStepMs} ms per step subtracted); main thread busy ${t.mainThreadBusyPerPauseMs ?? '?'} ms per pause (idle ${c.typing.idleBusyPerStepMs ?? '?'} ms subtracted; the edit itself included)`,
    );
    const th = t.threadCpuPerPauseMs;
    if (th) {
      log(
        `      on-CPU per pause, idle subtracted (schedstat): main thread ${th.main} ms, live worker ${th.liveWorker} ms, the host's other threads ${th.others} ms`,
      );
    }
    log(
      `      TLS Doctor sampled on the main thread: ${t.ownSampledPerPauseMs ?? '?'} ms per pause (${t.ownCappedPerPauseMs ?? '?'} ms with each sample capped at 0.2 ms: the time a descheduled thread waited left out); by owner:`,
    );
    for (const [k, v] of Object.entries(t.sampledMsPerPause)) log(`      ${k} ${v} ms`);
    if (t.ownTop?.length) {
      log(
        `      TLS Doctor's deepest frames (their calls into VS Code included) over the ${c.typing.pauses} pauses: ${t.ownTop.join('; ')}`,
      );
    }
  }
}

function report({ tree, cli, editor, load }) {
  const best = Math.min(...cli.map((c) => c.ms));
  const { cold, coldProfiled, rescans, cancelled } = editor.scans;
  const la = (l) => l.map((x) => x.toFixed(2)).join(' ');
  log('');
  log(
    `in-editor bench: ${(tree.bytes / 1e6).toFixed(0)} MB, ${tree.files} files; load average ${la(load[0])} at start, ${la(load[1])} at end (2 shared cores)`,
  );
  log(
    `  CLI scan (node dist/cli.js scan)         ${cli.map((c) => `${c.ms} ms`).join(' / ')}  (before, before, after the editor) ${cli[0].findings} findings`,
  );
  log(
    `  in-editor scan, cold (nothing persisted)  ${cold.wallMs} ms wall, ${cold.hostCpuMs} ms host CPU (all threads), ${cold.processCpuMs ?? '?'} ms scan-process CPU, ${cold.mainThreadBusyMs} ms main thread busy, ${cold.files} files, ${cold.read} read, ${cold.findings} findings, in ${cold.ranIn} = ${(cold.wallMs / best).toFixed(2)}x the best CLI run`,
  );
  log(`  first diagnostic after the scan started   ${cold.firstDiagnosticMs} ms`);
  const others = (r) =>
    `window (Chromium) CPU ${r.windowCpuMs ?? '?'} ms, server CPU ${r.serverCpuMs ?? '?'} ms, from the scan's start to 300 ms after its end`;
  log(`      cold scan: ${others(cold)}; re-scan 1: ${rescans[0] ? others(rescans[0]) : '?'}`);
  if (coldProfiled) {
    const c = coldProfiled;
    log(
      `  cold again, under the 0.1 ms sampling profiler (${c.persistedFilesDeleted} persisted file(s) deleted first; its findings were shown already, so confirmed, not published)  ${c.wallMs} ms wall, ${c.hostCpuMs} ms host CPU, ${c.processCpuMs ?? '?'} ms scan-process CPU, ${c.mainThreadBusyMs} ms main thread busy, ${c.read} read, ${c.findings} findings = ${(c.wallMs / best).toFixed(2)}x the best CLI run`,
    );
  }
  for (const [i, r] of rescans.entries()) {
    log(
      `  re-scan ${i + 1} (persisted results)           ${r.wallMs} ms wall, ${r.hostCpuMs} ms host CPU, ${r.processCpuMs ?? '?'} ms scan-process CPU, ${r.mainThreadBusyMs} ms main thread busy, ${r.read} read, ${r.findings} findings, first diagnostic ${r.firstDiagnosticMs === null ? 'none published (nothing changed)' : `${r.firstDiagnosticMs} ms`}`,
    );
  }
  for (const [i, c] of (editor.scans.cancels ?? [cancelled]).entries()) {
    log(
      `  scan cancelled by a newer one (${i + 1})          first cancelled: ${c.firstCancelled}, second completed: ${!c.secondCancelled} (${c.findings} findings)`,
    );
  }
  const m = editor.memory;
  reportMemory(m, [
    'afterScan',
    ...(m.afterProfiledCold ? ['afterProfiledCold'] : []),
    ...(m.rescans ?? [m.afterRescans]).map((_, i) => `rescan${i}`),
    ...(m.cancels ?? [m.afterCancel]).map((_, i) => `cancel${i}`),
  ]);
  trend('re-scans', m.rescans);
  trend('cancels', m.cancels);
  reportMemory(m, ['afterTyping', 'afterWorkerIdleStop', 'end'], false);
  const profiled = (label, r) => {
    if (!r.mainThreadByOwnerMs) return;
    const by = Object.entries(r.mainThreadByOwnerMs)
      .filter(([k]) => !k.startsWith('(') || k === '(garbage collector)')
      .map(([k, v]) => `${k} ${v} ms`)
      .join(', ');
    log(`  ${label} main thread, sampled by owner: ${by}`);
    for (const f of r.topFunctions) log(`      ${f}`);
  };
  profiled('cold scan', cold);
  profiled('second cold scan', coldProfiled ?? {});
  profiled('re-scan 3', rescans[2]);
  reportCursor(editor);
  log(
    `  activation: ${editor.activateLog.map((l) => l.replace(/^.*\] /, '')).join('; ') || '(no log line)'} (await ext.activate() ${editor.activation.awaitMs} ms, already active: ${editor.activation.alreadyActive})`,
  );
  const e = editor.activation.entry;
  if (e) {
    log(
      `  features (dist/main.js): loaded ${Math.round(e.loadedAfterMs)} ms after activation (first use: ${e.reason}), require ${e.loadMs.toFixed(1)} ms`,
    );
  }
  for (const [name, b] of Object.entries(editor.activation.bundles)) {
    log(`  loading dist/${name} again: ${b.ms} ms wall, ${b.cpuMs} ms host CPU; sampled self time:`);
    for (const f of b.top) log(`      ${f}`);
  }
  for (const l of editor.scanLog) log(`  log: ${l.replace(/^.*\] /, '')}`);
}

main().catch((e) => {
  log(`[bench] ERROR: ${e.message}`);
  process.exitCode = 1;
});
