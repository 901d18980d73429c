// The in-editor half of `npm run bench:vscode` (bench/vscode.mjs): loaded by the extension host as the
// extensionTestsPath, in the workbench the runner opened on the generated tree. Measures, in this very extension
// host: the workspace scan (cold, then re-scans that reuse the persisted results), the time from the scan's start to
// the first TLS Doctor diagnostic, the extension-host CPU per cursor move on a 10,000-line file with findings (and per
// typing pause), and the extension host's memory after scan / re-scans / a cancelled scan (after a full GC).
// Prints one line `__TLS_DOCTOR_BENCH__ {json}` for the runner.
/* global exports */
const vscode = require('vscode');
const v8 = require('v8');
const vm = require('vm');
const { performance } = require('perf_hooks');
const inspector = require('inspector');

const MARK = '__TLS_DOCTOR_BENCH__';
const EXTENSION_ID = 'tls-doctor.tls-doctor';
const BIG_FILE = 'big/service_client.py';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const cpuMs = (u) => (u.user + u.system) / 1000;

/** A full GC before a memory sample, so the figure is what is retained, not what is waiting to be collected. */
function gcFunction() {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc');
}

async function memory(gc, label) {
  gc();
  await sleep(200);
  gc();
  // TLS_DOCTOR_BENCH_HEAP=<dir>: a heap snapshot at each sample, to see what a scan leaves behind (compare them in
  // Chrome's DevTools, or with bench/heap-diff.mjs); TLS_DOCTOR_BENCH_HEAP_AT=<label,label>: at those samples only.
  const at = process.env.TLS_DOCTOR_BENCH_HEAP_AT?.split(',');
  if (process.env.TLS_DOCTOR_BENCH_HEAP && (!at || at.includes(label))) {
    v8.writeHeapSnapshot(`${process.env.TLS_DOCTOR_BENCH_HEAP}/${label}.heapsnapshot`);
  }
  const m = process.memoryUsage();
  const mb = (b) => Math.round(b / 1e5) / 10;
  // V8's code space: machine code compiled as functions warm up (it grows over the first scans, then levels off).
  const code = v8.getHeapSpaceStatistics().find((x) => x.space_name === 'code_space')?.space_used_size;
  // heapTotal: what V8 keeps committed (RSS that a flat heapUsed does not explain); external: Buffers and the like.
  // The heap to 10 KB: a trend over re-scans is tens of KB per scan.
  return {
    rssMB: mb(m.rss),
    heapMB: Math.round(m.heapUsed / 1e4) / 100,
    heapTotalMB: mb(m.heapTotal),
    externalMB: mb(m.external),
    ...(code === undefined ? {} : { codeMB: Math.round(code / 1e4) / 100 }),
  };
}

function isOurs(uri) {
  return vscode.languages.getDiagnostics(uri).some((d) => d.source === 'TLS Doctor');
}

/**
 * Re-scans and cancelled scans in a row: six and four in the full run, so growth per scan shows as a trend rather
 * than one step; TLS_DOCTOR_BENCH_RESCANS / TLS_DOCTOR_BENCH_CANCELS set them (`--rescans N --cancels N`), and the
 * memory-only run does twelve of each, enough to tell a one-off step (V8 compiling code on first use) that levels
 * off from growth per scan.
 */
function counts(rescans, cancels) {
  const n = (v, d) => (Number.isInteger(Number(v)) && Number(v) > 0 ? Number(v) : d);
  return {
    rescans: n(process.env.TLS_DOCTOR_BENCH_RESCANS, rescans),
    cancels: n(process.env.TLS_DOCTOR_BENCH_CANCELS, cancels),
  };
}

/**
 * Deletes the persisted workspace results (the extension's storage under the folders bench/vscode.mjs names in
 * TLS_DOCTOR_BENCH_DATA), so the next scan is cold again; the number of files deleted.
 */
function dropPersisted() {
  const fs = require('fs');
  const path = require('path');
  let n = 0;
  for (const dir of (process.env.TLS_DOCTOR_BENCH_DATA ?? '').split(path.delimiter).filter(Boolean)) {
    for (const f of fs.readdirSync(dir, { recursive: true })) {
      const p = path.join(dir, String(f));
      if (p.includes(`${path.sep}${EXTENSION_ID}${path.sep}scan${path.sep}`) && p.endsWith('.json')) {
        fs.rmSync(p, { force: true });
        n++;
      }
    }
  }
  return n;
}

/**
 * CPU (ms) of the window (the Chromium processes under the profile folder bench/vscode.mjs names in
 * TLS_DOCTOR_BENCH_CHROMIUM, and all their descendants: the renderer draws the Problems panel) and of the server
 * (this extension host's parent: it relays between the host and the window), from /proc (Linux; undefined
 * elsewhere). Read before and after a scan, outside its timed part.
 */
function otherCpu() {
  const fs = require('fs');
  const marker = process.env.TLS_DOCTOR_BENCH_CHROMIUM;
  const procs = new Map();
  try {
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // utime and stime (fields 14 and 15) in clock ticks, 100 per second on Linux.
        const cpu = (Number(f[11]) + Number(f[12])) * 10;
        const cmd = marker ? fs.readFileSync(`/proc/${d}/cmdline`, 'utf8') : '';
        procs.set(Number(d), { ppid: Number(f[1]), cpu, root: Boolean(marker) && cmd.includes(marker) });
      } catch {
        // gone meanwhile
      }
    }
  } catch {
    return undefined;
  }
  const inWindow = (pid, depth = 0) => {
    const p = procs.get(pid);
    return Boolean(p) && depth < 20 && (p.root || inWindow(p.ppid, depth + 1));
  };
  let windowMs = 0;
  for (const [pid, p] of procs) if (inWindow(pid)) windowMs += p.cpu;
  return { windowMs: marker ? windowMs : undefined, serverMs: procs.get(process.ppid)?.cpu };
}

/** After minus before, per field (undefined where either is). */
function cpuDelta(before, after) {
  if (!before || !after) return undefined;
  const d = (k) => (before[k] === undefined || after[k] === undefined ? undefined : after[k] - before[k]);
  return { windowMs: d('windowMs'), serverMs: d('serverMs') };
}

/**
 * Runs one workspace scan; wall and host CPU of it, and when the first TLS Doctor diagnostic appeared. `extensionDir`:
 * under the sampling profiler, attributed to this extension's files; `cold`: the persisted results deleted first.
 */
async function timedScan(extensionDir, cold = false) {
  const dropped = cold ? dropPersisted() : undefined;
  const others0 = otherCpu();
  let first;
  const t0 = performance.now();
  const sub = vscode.languages.onDidChangeDiagnostics((e) => {
    if (first === undefined && e.uris.some(isOurs)) first = performance.now() - t0;
  });
  const stop = extensionDir && (await startProfile());
  const c0 = process.cpuUsage();
  const e0 = performance.eventLoopUtilization();
  const summary = await vscode.commands.executeCommand('tlsDoctor.scanWorkspace');
  const wallMs = performance.now() - t0;
  const cpu = cpuMs(process.cpuUsage(c0));
  const elu = performance.eventLoopUtilization(e0);
  sub.dispose();
  const profile = stop ? await stop() : undefined;
  // Until the window has drawn what the scan published (it draws after the host's last update).
  await sleep(300);
  const others = cpuDelta(others0, otherCpu());
  const sampled = profile ? attribute(profile, extensionDir) : undefined;
  // TLS_DOCTOR_BENCH_PROFILE_DIR: keep each sampled scan profile whole (open it in DevTools or any .cpuprofile viewer).
  const keep = process.env.TLS_DOCTOR_BENCH_PROFILE_DIR;
  if (profile && keep) {
    require('fs').writeFileSync(require('path').join(keep, `scan-${Date.now()}.cpuprofile`), JSON.stringify(profile));
  }
  return {
    wallMs: Math.round(wallMs),
    // process.cpuUsage() counts every thread of the host (the scan worker too); the main thread's busy time is the
    // event loop's active time.
    hostCpuMs: Math.round(cpu),
    mainThreadBusyMs: Math.round(elu.active),
    // The scan process's own CPU (start-up included), which process.cpuUsage() above does not count.
    processCpuMs: summary.processCpuMs ?? null,
    // The window's and the server's CPU from the scan's start to 300 ms after its end (their idle share included).
    windowCpuMs: others?.windowMs ?? null,
    serverCpuMs: others?.serverMs ?? null,
    firstDiagnosticMs: first === undefined ? null : Math.round(first),
    files: summary.files,
    read: summary.read,
    findings: summary.findings,
    skipped: summary.skipped,
    cancelled: summary.cancelled,
    ranIn: summary.ranIn,
    ...(dropped === undefined ? {} : { persistedFilesDeleted: dropped }),
    ...(sampled
      ? {
          mainThreadByOwnerMs: Object.fromEntries(Object.entries(sampled.ms).map(([k, v]) => [k, Math.round(v)])),
          topFunctions: sampled.top,
        }
      : {}),
  };
}

/** Extension-host CPU over `n` steps of `stepMs`, doing `act(i)` at each step (nothing: the idle baseline). */
async function cpuOver(n, stepMs, act) {
  return (await busyOver(n, stepMs, act)).cpu;
}

/**
 * The same, with the main thread's busy time (its event loop's active time): process.cpuUsage() counts every thread
 * of the host (the live scanner's worker too), the event loop's utilization only the main thread.
 */
async function busyOver(n, stepMs, act) {
  const c0 = process.cpuUsage();
  const e0 = performance.eventLoopUtilization();
  const t0 = threadCpu();
  for (let i = 0; i < n; i++) {
    act?.(i);
    await sleep(stepMs);
  }
  const cpu = cpuMs(process.cpuUsage(c0));
  const busy = performance.eventLoopUtilization(e0).active;
  return { cpu, busy, threads: threadCpuSince(t0) };
}

/**
 * On-CPU time of each of the host's threads (ns, the first field of /proc/self/task/<tid>/schedstat: precise, unlike
 * the tick-counted utime), by thread id; empty where there is no such file. The main thread's id is the process id.
 */
function threadCpu() {
  const fs = require('fs');
  const out = new Map();
  try {
    for (const tid of fs.readdirSync('/proc/self/task')) {
      try {
        out.set(Number(tid), Number(fs.readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ')[0]));
      } catch {
        // the thread ended while listed
      }
    }
  } catch {
    // not Linux
  }
  return out;
}

/** Per thread the CPU time (ms) since `before` (a thread started since counts from zero). */
function threadCpuSince(before) {
  const out = new Map();
  for (const [tid, ns] of threadCpu()) out.set(tid, (ns - (before.get(tid) ?? 0)) / 1e6);
  return out;
}

/** Starts the V8 sampling profiler on this thread (the extension host's main thread). */
async function startProfile() {
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) =>
    new Promise((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  return async () => {
    const { profile } = await post('Profiler.stop');
    session.disconnect();
    return profile;
  };
}

/**
 * Sampled CPU time by who caused it: a sample counts for TLS Doctor (dist/*.js of the extension) when any frame of
 * its stack is TLS Doctor's (the VS Code API it calls included), else for the bench harness, another extension or
 * the host itself; idle, program and GC samples are kept apart.
 */
function attribute(profile, extensionDir) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const rank = { host: 0, 'other extensions': 1, 'bench harness': 2, 'tls-doctor': 3 };
  const own = (url) =>
    url.startsWith(`${extensionDir}/dist/`)
      ? 'tls-doctor'
      : url.includes('vscode-host.cjs')
        ? 'bench harness'
        : /extensions[\\/]/.test(url)
          ? 'other extensions'
          : 'host';
  const owner = new Map();
  const ownerOf = (id) => {
    if (owner.has(id)) return owner.get(id);
    const n = byId.get(id);
    const name = n.callFrame.functionName;
    let o;
    if (name === '(idle)' || name === '(program)' || name === '(garbage collector)') o = name;
    else {
      const here = n.callFrame.url ? own(n.callFrame.url.replace(/^file:\/\//, '')) : 'host';
      const up = parent.has(id) ? ownerOf(parent.get(id)) : 'host';
      o = (rank[up] ?? 0) > rank[here] ? up : here;
    }
    owner.set(id, o);
    return o;
  };
  const ms = {};
  const fns = new Map();
  profile.samples.forEach((id, i) => {
    const o = ownerOf(id);
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    ms[o] = (ms[o] ?? 0) + dt;
    // For TLS Doctor's samples, name its deepest own frame (what of ours caused it), else the frame itself.
    let at = id;
    if (o === 'tls-doctor') {
      while (at !== undefined && !byId.get(at).callFrame.url.includes(`${extensionDir}/dist/`)) at = parent.get(at);
    }
    const f = byId.get(at ?? id).callFrame;
    const k = `${o}: ${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    if (!o.startsWith('(')) fns.set(k, (fns.get(k) ?? 0) + dt);
  });
  const top = [...fns.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([k, v]) => `${k} ${v.toFixed(1)} ms`);
  return { ms, top };
}

/** The bundle's source maps (the bench builds them next to the minified bundles), to name our frames by source file. */
function sourceMaps(extensionDir) {
  const { SourceMap } = require('module');
  const fs = require('fs');
  const maps = new Map();
  return (file) => {
    if (!maps.has(file)) {
      let map;
      try {
        map = new SourceMap(JSON.parse(fs.readFileSync(`${extensionDir}/dist/${file}.map`, 'utf8')));
      } catch {
        map = undefined;
      }
      maps.set(file, map);
    }
    return maps.get(file);
  };
}

/** TLS Doctor's components, by the source files of its frames in a sample's stack (first match, deepest frame first). */
const COMPONENTS = [
  ['live re-scan (scanText)', /src\/core\/(scan|rules|text)\//],
  ['findings store (facts)', /src\/extension\/(findings|findingFacts)\.ts|src\/core\/(endpoints|fixes)\//],
  ['endpoint decorator', /src\/extension\/endpoints\/(decorate|tracker)\.ts/],
  ['diagnostics manager (getText, publish)', /src\/extension\/(diagnostics\/manager|convert)\.ts/],
  ['code actions', /src\/extension\/fixes\//],
  ['URL code lens + hover', /src\/extension\/checkUrl\/(codeLens|urls)\.ts/],
  ['endpoint lens', /src\/extension\/endpoints\/index\.ts/],
  ['PEM hover', /src\/extension\/inspect\/hover\.ts/],
  ['status bar', /src\/extension\/status\//],
];

/**
 * Sampled CPU by TLS Doctor component (COMPONENTS; the VS Code API calls made from a component count for it) and, for
 * the rest, by owner (host, other extensions by folder, the bench harness); garbage collection apart.
 */
function attributeByComponent(profile, extensionDir, capMs = Infinity) {
  const mapOf = sourceMaps(extensionDir);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const dist = `${extensionDir}/dist/`;
  const sourceOf = (cf) => {
    const url = cf.url.replace(/^file:\/\//, '');
    const map = mapOf(url.slice(dist.length));
    return map?.findEntry(cf.lineNumber, cf.columnNumber)?.originalSource ?? url;
  };
  const cache = new Map();
  const componentOf = (id) => {
    if (cache.has(id)) return cache.get(id);
    const sources = [];
    let other;
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const cf = byId.get(at).callFrame;
      const url = cf.url.replace(/^file:\/\//, '');
      if (url.startsWith(dist)) sources.push(sourceOf(cf));
      else if (!other && url.includes('vscode-host.cjs')) other = 'bench harness';
      else if (!other) {
        const ext = /extensions[\\/]([^\\/]+)[\\/]/.exec(url);
        if (ext) other = `extension ${ext[1]}`;
      }
    }
    const name = byId.get(id).callFrame.functionName;
    let c;
    if (name === '(garbage collector)') c = '(garbage collector)';
    else if (name === '(idle)' || name === '(program)') c = name;
    else if (sources.length) {
      const hit = COMPONENTS.find(([, re]) => sources.some((s) => re.test(s)));
      c = `tls-doctor: ${hit ? hit[0] : `other (${sources[0].split('/src/').pop()})`}`;
    } else c = other ?? 'host';
    cache.set(id, c);
    return c;
  };
  const ms = {};
  profile.samples.forEach((id, i) => {
    const c = componentOf(id);
    ms[c] = (ms[c] ?? 0) + Math.min((profile.timeDeltas[i] ?? 0) / 1000, capMs);
  });
  return ms;
}

/**
 * The sampler ticks on wall time: a thread the OS has descheduled gets one sample for the whole gap when it runs
 * again, so on a loaded machine whatever frame was on top absorbs the wait. Capped at twice the interval, a sample
 * counts about what the thread ran (the figure to compare across runs of different load).
 */
const SAMPLE_CAP_MS = 0.2;

/**
 * Typing pauses: one character typed on a line next to a finding, then a pause long enough for the debounced re-scan
 * and what follows it (diagnostics, code actions, lenses). Host CPU without the profiler, then the same under the
 * sampling profiler to break it down. `char`: '#' starts a comment in Python, 'x' only lengthens an identifier.
 */
async function typingPauses(editor, ours, extensionDir) {
  const T = 8;
  const STEP = 1500;
  // The threads before the first pause: one that starts after them is the live scanner's worker (the pauses start it;
  // it is stopped after a minute idle, and the cursor moves before this never use it).
  const before = new Set(threadCpu().keys());
  const idleRun = await busyOver(T, STEP);
  const idle = idleRun.cpu;
  const split = (threads) => {
    let main = 0;
    let worker = 0;
    let others = 0;
    for (const [tid, ms] of threads) {
      if (tid === process.pid) main += ms;
      else if (before.has(tid)) others += ms;
      else worker += ms;
    }
    return { main, worker, others };
  };
  const idleThreads = split(idleRun.threads);
  const perPause = (ms, idleMs) => Math.round(((ms - idleMs) / T) * 100) / 100;
  let typed = 0;
  const type = (char) => () => {
    const line = ours[typed++ % ours.length].range.start.line + 1;
    void editor.edit((b) => b.insert(new vscode.Position(line, 0), char));
  };
  const out = {
    pauses: T,
    idleCpuPerStepMs: Math.round((idle / T) * 100) / 100,
    idleBusyPerStepMs: Math.round((idleRun.busy / T) * 100) / 100,
  };
  for (const [label, char] of [
    ['comment', '#'],
    ['letter', 'x'],
    // A line break moves every finding below it: the pause's findings are new, and published.
    ['newline', '\n'],
  ]) {
    const run = await busyOver(T, STEP, type(char));
    const cpu = run.cpu;
    const threads = split(run.threads);
    const stop = await startProfile();
    await cpuOver(T, STEP, type(char));
    const profile = await stop();
    const keep = process.env.TLS_DOCTOR_BENCH_PROFILE_DIR;
    if (keep) {
      require('fs').writeFileSync(require('path').join(keep, `typing-${label}.cpuprofile`), JSON.stringify(profile));
    }
    const sampled = attributeByComponent(profile, extensionDir);
    const capped = attributeByComponent(profile, extensionDir, SAMPLE_CAP_MS);
    // TLS Doctor's frames with the most time, callees included (named by source file and line).
    const own = selfTimes(profile, extensionDir, 8, true);
    out[label] = {
      char,
      hostCpuPerPauseMs: Math.round(((cpu - idle) / T) * 10) / 10,
      // The main thread alone (the edit's own handling by the host and every extension included).
      mainThreadBusyPerPauseMs: Math.round(((run.busy - idleRun.busy) / T) * 10) / 10,
      // On-CPU time per thread (schedstat), idle subtracted: the main thread; threads started since the pauses began
      // (the live scanner's worker: its scans, its GC); the host's other threads.
      threadCpuPerPauseMs: threads.main
        ? {
            main: perPause(threads.main, idleThreads.main),
            liveWorker: perPause(threads.worker, idleThreads.worker),
            others: perPause(threads.others, idleThreads.others),
          }
        : undefined,
      // TLS Doctor's sampled main-thread time, all its components together (and with samples capped, SAMPLE_CAP_MS).
      ownSampledPerPauseMs: ownPerPause(sampled, T),
      ownCappedPerPauseMs: ownPerPause(capped, T),
      ownTop: own,
      sampledMsPerPause: Object.fromEntries(
        Object.entries(sampled)
          .filter(([k]) => k !== '(idle)')
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) => [k, Math.round((v / T) * 100) / 100]),
      ),
    };
  }
  return out;
}

/** TLS Doctor's components of `ms` (attributeByComponent) together, per pause. */
function ownPerPause(ms, pauses) {
  const own = Object.entries(ms)
    .filter(([k]) => k.startsWith('tls-doctor'))
    .reduce((a, [, v]) => a + v, 0);
  return Math.round((own / pauses) * 100) / 100;
}

/** The `n` frames with the most sampled self time, ours named by source file and line (source maps). */
function selfTimes(profile, extensionDir, n, ownOnly = false) {
  const mapOf = sourceMaps(extensionDir);
  const dist = `${extensionDir}/dist/`;
  const by = new Map();
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const parent = new Map();
  for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  profile.samples.forEach((id, i) => {
    // ownOnly: the sample counts for the deepest TLS Doctor frame of its stack (what it calls, the VS Code API
    // included, counts for it), and samples without one are left out.
    let at = id;
    if (ownOnly) {
      while (
        at !== undefined &&
        !byId
          .get(at)
          .callFrame.url.replace(/^file:\/\//, '')
          .startsWith(dist)
      ) {
        at = parent.get(at);
      }
      if (at === undefined) return;
    }
    const cf = byId.get(at).callFrame;
    // Idle, and the inspector's dispatch of the profiler itself, are not the bundle's cost.
    if (cf.functionName === '(idle)' || (cf.functionName === 'dispatch' && !cf.url)) return;
    const url = cf.url.replace(/^file:\/\//, '');
    let where = `${url.split('/').pop()}:${cf.lineNumber}`;
    if (url.startsWith(dist)) {
      const e = mapOf(url.slice(dist.length))?.findEntry(cf.lineNumber, cf.columnNumber);
      if (e?.originalSource) where = `${e.originalSource.split('/src/').pop()}:${e.originalLine + 1}`;
    }
    const k = `${cf.functionName || '(anonymous)'} ${where}`;
    by.set(k, (by.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...by.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${k} ${v.toFixed(1)} ms`);
}

async function cursorMoves(doc, extensionDir) {
  const editor = await vscode.window.showTextDocument(doc);
  const start = performance.now();
  while (!isOurs(doc.uri) && performance.now() - start < 30_000) await sleep(100);
  const ours = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'TLS Doctor');
  // Count what the workbench asks for, to prove cursor moves really reach the code-action providers.
  let asked = 0;
  const counter = vscode.languages.registerCodeActionsProvider(
    { pattern: `**/${BIG_FILE}` },
    { provideCodeActions: () => (asked++, []) },
  );
  const N = 40;
  const STEP = 400; // longer than the workbench's lightbulb delay, so every move is a request
  const move = (i) => {
    const d = ours[(i * 7) % ours.length];
    const p = i % 2 === 0 ? d.range.start : d.range.start.translate(1, 0); // onto a finding, then off it
    editor.selection = new vscode.Selection(p, p);
  };
  const idle = await cpuOver(N, STEP);
  const moves = await cpuOver(N, STEP, move);
  // The same moves again under the sampling profiler (which costs CPU itself), only to say who caused what.
  const stop = await startProfile();
  await cpuOver(N, STEP, move);
  const { ms: sampled, top } = attribute(await stop(), extensionDir);
  const requestsFromMoves = asked;
  // The provider alone, through VS Code's command (includes the round trip and every provider for the file).
  const c0 = process.cpuUsage();
  const K = 50;
  for (let i = 0; i < K; i++) {
    const d = ours[(i * 7) % ours.length];
    await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, d.range);
  }
  const perRequest = cpuMs(process.cpuUsage(c0)) / K;
  counter.dispose();
  const typing = await typingPauses(editor, ours, extensionDir);
  return {
    lines: doc.lineCount,
    findings: ours.length,
    moves: N,
    codeActionRequestsSeen: requestsFromMoves,
    hostCpuPerMoveMs: Math.round(((moves - idle) / N) * 100) / 100,
    sampledMsPerMove: Object.fromEntries(
      Object.entries(sampled)
        .filter(([k]) => !k.startsWith('('))
        .map(([k, v]) => [k, Math.round((v / N) * 1000) / 1000]),
    ),
    idleCpuPerStepMs: Math.round((idle / N) * 100) / 100,
    topFunctions: top,
    hostCpuPerCodeActionRequestMs: Math.round(perRequest * 100) / 100,
    typing,
  };
}

/** The host's thread count (a running live-scan worker is one more isolate and its threads). */
function threads() {
  try {
    return Number(/^Threads:\s+(\d+)/m.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))?.[1]) || null;
  } catch {
    return null;
  }
}

/** The last step of both runs: cursor moves and typing pauses on the big file, memory after them and after the file
 * closes, then the figures printed after MARK for bench/vscode.mjs. */
async function typingThenReport(ext, gc, out) {
  const folder = vscode.workspace.workspaceFolders[0].uri;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, BIG_FILE));
  out.cursor = await cursorMoves(doc, ext.extensionPath);
  Object.assign(out.memory, await afterTyping(gc));
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  out.memory.end = await memory(gc, 'end');
  console.log(`${MARK} ${JSON.stringify(out)}`);
}

/**
 * The host's memory after the typing pauses (the live scanner's worker running), then again once the worker's idle
 * stop (a minute without requests) has passed, to tell its isolate from what the main thread keeps.
 */
async function afterTyping(gc) {
  const typing = { ...(await memory(gc, 'afterTyping')), threads: threads() };
  await sleep(IDLE_STOP_MS + 5000);
  const idle = { ...(await memory(gc, 'afterWorkerIdle')), threads: threads() };
  return { afterTyping: typing, afterWorkerIdleStop: idle };
}

/** liveScan.ts: the live scanner's worker ends after this long without requests. */
const IDLE_STOP_MS = 60_000;

/** TLS_DOCTOR_BENCH_ONLY=typing (`node bench/vscode.mjs --typing-only`): the cursor moves and typing pauses alone. */
async function typingOnly(gc, ext) {
  const out = { activation: { alreadyActive: ext.isActive } };
  await ext.activate();
  await sleep(1000);
  out.memory = { beforeScan: await memory(gc, 'beforeTyping') };
  await typingThenReport(ext, gc, out);
}

/**
 * `n.rescans` re-scans (the persisted results reused; the third under the profiler when `extensionDir` is given), then
 * `n.cancels` scans each cancelled by a newer one (what a setting change or a second "Scan Workspace" does), with the
 * host's memory after each, so what a scan or a cancel leaves behind shows as a trend.
 */
async function rescansAndCancels(gc, out, n, extensionDir) {
  out.scans.rescans = [];
  out.memory.rescans = [];
  for (let i = 0; i < n.rescans; i++) {
    out.scans.rescans.push(await timedScan(i === 2 ? extensionDir : undefined));
    out.memory.rescans.push(await memory(gc, i === 2 ? 'afterRescans' : `afterRescan${i + 1}`));
  }
  out.memory.afterRescans = out.memory.rescans[2];
  out.scans.cancels = [];
  out.memory.cancels = [];
  for (let i = 0; i < n.cancels; i++) {
    const first = vscode.commands.executeCommand('tlsDoctor.scanWorkspace');
    await sleep(150);
    const second = vscode.commands.executeCommand('tlsDoctor.scanWorkspace');
    const [c1, c2] = await Promise.all([first, second]);
    out.scans.cancels.push({ firstCancelled: c1.cancelled, secondCancelled: c2.cancelled, findings: c2.findings });
    out.memory.cancels.push(await memory(gc, i === 0 ? 'afterCancel' : `afterCancel${i + 1}`));
  }
  out.scans.cancelled = out.scans.cancels[0];
  out.memory.afterCancel = out.memory.cancels[0];
}

/**
 * TLS_DOCTOR_BENCH_ONLY=memory (`node bench/vscode.mjs --memory-only`): the features loaded, a cold scan, then twelve
 * re-scans and twelve cancels with the host's memory after each; no profiler, no typing (minutes, not a quarter hour).
 */
async function memoryOnly(gc, ext) {
  const out = { activation: { alreadyActive: ext.isActive } };
  await ext.activate();
  out.memory = { beforeFirstUse: await memory(gc, 'beforeFirstUse') };
  out.activation.entry = await vscode.commands.executeCommand('tlsDoctor.entry.state').then(
    (s) => s,
    () => undefined,
  );
  await sleep(1000);
  out.memory.beforeScan = await memory(gc, 'beforeScan');
  out.scans = { cold: await timedScan(undefined, true) };
  out.memory.afterScan = await memory(gc, 'afterScan');
  await rescansAndCancels(gc, out, counts(12, 12), undefined);
  console.log(`${MARK} ${JSON.stringify(out)}`);
}

exports.run = async function run() {
  const out = {};
  const gc = gcFunction();
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed`);
  if (process.env.TLS_DOCTOR_BENCH_ONLY === 'typing') return typingOnly(gc, ext);
  if (process.env.TLS_DOCTOR_BENCH_ONLY === 'memory') return memoryOnly(gc, ext);
  const wasActive = ext.isActive;
  const a0 = performance.now();
  await ext.activate();
  out.activation = { alreadyActive: wasActive, awaitMs: Math.round(performance.now() - a0) };
  // Active and idle, nothing of TLS Doctor used yet (the features bundle not loaded).
  out.memory = { beforeFirstUse: await memory(gc, 'beforeFirstUse') };
  // The features load on first use (the bench turns the scan on activation off, so nothing used them yet): load them
  // now, so the memory baseline below holds them and the scans measure scanning only.
  out.activation.entry = await vscode.commands.executeCommand('tlsDoctor.entry.state').then(
    (s) => s,
    () => undefined,
  );
  // What loading the bundles costs (the entry is VS Code's "code loading" part of activation; the features bundle
  // loads on first use): a second, unused copy of each, timed, then once more under the sampling profiler.
  out.activation.bundles = {};
  for (const name of ['extension.js', 'main.js']) {
    const bundle = require('path').join(ext.extensionPath, 'dist', name);
    const saved = require.cache[bundle];
    if (!saved && name === 'main.js') continue; // a bundle without the split
    const fresh = () => {
      delete require.cache[bundle];
      require(bundle);
    };
    const l0 = performance.now();
    const c0 = process.cpuUsage();
    fresh();
    const ms = Math.round((performance.now() - l0) * 10) / 10;
    const cpu = Math.round(cpuMs(process.cpuUsage(c0)) * 10) / 10;
    const stop = await startProfile();
    fresh();
    const top = selfTimes(await stop(), ext.extensionPath, 6);
    require.cache[bundle] = saved;
    out.activation.bundles[name] = { ms, cpuMs: cpu, top };
  }
  await sleep(1000);
  // The features loaded (the baseline the scans are compared with): what any window pays once it used TLS Doctor.
  out.memory.beforeScan = await memory(gc, 'beforeScan');
  // The cold scan compared with the CLI runs without the sampling profiler (at 0.1 ms it costs the main thread
  // hundreds of ms, on the cores the scan process needs); a second cold scan, its persisted results deleted first,
  // runs under it for the breakdown by owner.
  // TLS_DOCTOR_BENCH_PROFILE_COLD=1: the first one under the profiler too (to see what publishing its findings costs).
  out.scans = {
    cold: await timedScan(process.env.TLS_DOCTOR_BENCH_PROFILE_COLD === '1' ? ext.extensionPath : undefined),
  };
  out.memory.afterScan = await memory(gc, 'afterScan');
  out.scans.coldProfiled = { ...(await timedScan(ext.extensionPath, true)) };
  out.memory.afterProfiledCold = await memory(gc, 'afterProfiledCold');
  await rescansAndCancels(gc, out, counts(6, 4), ext.extensionPath);
  await typingThenReport(ext, gc, out);
};
