#!/usr/bin/env node
// The in-editor workspace scan without the editor: forks dist/scanWorker.js as workspaceScan.ts does (same request,
// same IPC) on bench:vscode's tree, alternating with the CLI on the same tree in the same run. Seconds per round
// instead of bench:vscode's minutes, for iterating on the scan process; what it leaves out is the extension host's
// share (publishing the batches), which bench:vscode measures. CPU figures are the children's own (getrusage of
// waited-for children, /proc/self/stat), so they hold on a loaded machine where wall times do not.
//   node bench/vscode-fork.mjs [--tree DIR] [--rounds N] [--prof DIR] [--ca]
//   --node-flags "FLAGS": start the scan process with FLAGS (e.g. V8 options).
//   --tree: scan DIR instead of building the tree (kept); --prof: --cpu-prof the scan process into DIR.
//   --ahead MS: each scan again with its process forked MS before the request (the process started ahead).
//   --worker FILE: fork FILE instead of dist/scanWorker.js (e.g. a development bundle, whose profiles keep names).
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { buildTree, cliScan } from './vscode-tree.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const log = (l) => process.stdout.write(`${l}\n`);
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};

/** --ahead MS: each scan again with its process forked MS before the request (workspaceScan.ts's spare). */
const AHEAD_MS = Number(arg('--ahead', '0'));
/** --node-flags "...": extra flags for the scan process (to try V8 options). */
const NODE_FLAGS = (arg('--node-flags', '') ?? '').split(' ').filter(Boolean);

/** CPU (ms) of this process's waited-for children so far (utime + stime of them, in clock ticks of 10 ms). */
function childrenCpuMs() {
  const f = fs.readFileSync('/proc/self/stat', 'utf8');
  const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of stat (cutime, cstime); `rest` starts at field 3.
  return (Number(rest[13]) + Number(rest[14])) * 10;
}

/** The built-in folder excludes, read from src/core/scan/walk.ts itself (bundled on the fly) so they cannot drift. */
function defaultExcludes() {
  const out = join(ROOT, 'bench', 'work', 'walk-excludes.cjs');
  fs.mkdirSync(dirname(out), { recursive: true });
  createRequire(import.meta.url)('esbuild').buildSync({
    entryPoints: [join(ROOT, 'src', 'core', 'scan', 'walk.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    logLevel: 'error',
  });
  return createRequire(import.meta.url)(out).DEFAULT_EXCLUDES;
}

/** The exclude patterns excludePatterns() gives with the default settings (built-in folders + files.exclude). */
const DEFAULT_EXCLUDES = defaultExcludes();
const EXCLUDES = [
  ...DEFAULT_EXCLUDES.map((d) => `**/${d}/**`),
  '**/.git',
  '**/.svn',
  '**/.hg',
  '**/.DS_Store',
  '**/Thumbs.db',
];

/**
 * The environment workspaceScan.ts gives the scan process (scanProcessEnv: this one's, less NODE_EXTRA_CA_CERTS);
 * --ca keeps NODE_EXTRA_CA_CERTS, as before that change.
 */
function childEnv() {
  const env = { ...process.env, ELECTRON_RUN_AS_NODE: '1', TLS_DOCTOR_SCAN_CHILD: '1' };
  if (!process.argv.includes('--ca')) delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

/**
 * One scan by the scan process, as workspaceScan.ts runs it; resolves with its timeline. `aheadMs`: the process is
 * forked that long before the request (as workspaceScan.ts starts one ahead, spare.ts) and the timeline starts at the
 * request; its CPU figures still hold its start-up.
 */
async function forkScan(ws, cacheFile, prof, aheadMs = 0) {
  const cpu0 = childrenCpuMs();
  const own0 = process.cpuUsage();
  const child = fork(arg('--worker', join(ROOT, 'dist', 'scanWorker.js')), [], {
    execArgv: [...(prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : []), ...NODE_FLAGS],
    env: childEnv(),
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  if (aheadMs) await new Promise((r) => setTimeout(r, aheadMs));
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    child.send({ root: ws, excludes: EXCLUDES, maxFileSize: 1024 * 1024, known: [], cacheFile, cacheKey: 'bench' });
    const r = { batches: 0, files: 0, findings: 0, firstBatchMs: null, firstFindingMs: null };
    child.on('message', (m) => {
      const at = Math.round(performance.now() - t0);
      if (m.kind === 'batch') {
        r.batches++;
        r.files += m.batch.files.length;
        for (const f of m.batch.files) r.findings += f.findings.length;
        r.firstBatchMs ??= at;
        if (m.batch.files.length) r.firstFindingMs ??= at;
      } else if (m.kind === 'done') {
        r.doneMs = at;
        r.done = m;
      } else if (m.kind === 'error') reject(new Error(m.message));
    });
    child.on('error', reject);
    child.on('exit', () => {
      r.exitMs = Math.round(performance.now() - t0);
      r.processCpuMs = childrenCpuMs() - cpu0;
      const own = process.cpuUsage(own0);
      r.receiverCpuMs = Math.round((own.user + own.system) / 1000);
      resolve(r);
    });
  });
}

function row(label, r) {
  const d = r.done ?? {};
  const t = d.totals ?? {};
  const helper = d.helper ? `, helper busy ${d.helper.busyMs} / idle ${d.helper.idleMs} ms` : '';
  const phases = d.phases
    ? `; ${Object.entries(d.phases)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`
    : '';
  log(
    `  ${label.padEnd(14)} done ${r.doneMs} ms (exit ${r.exitMs}), process CPU ${r.processCpuMs} ms (${d.processCpuMs} by itself), receiver CPU ${r.receiverCpuMs} ms; start-up ${d.startUpMs} ms (then waited ${d.waitedMs ?? 0} ms), scan ${t.durationMs} ms${helper}; first batch ${r.firstBatchMs} ms, first finding ${r.firstFindingMs} ms; ${r.batches} batches, ${t.read} read, ${r.files} files / ${r.findings} findings${phases}`,
  );
}

async function main() {
  let ws = arg('--tree');
  const rounds = Number(arg('--rounds', '3'));
  const prof = arg('--prof');
  const tmp = fs.mkdtempSync(join(tmpdir(), 'tls-doctor-bench-fork-'));
  try {
    if (!ws) {
      ws = join(tmp, 'workspace');
      fs.mkdirSync(ws);
      const tree = buildTree(ws);
      log(`[fork] tree: ${(tree.bytes / 1e6).toFixed(0)} MB, ${tree.files} files, built in ${tree.ms} ms`);
    }
    const cacheFile = join(tmp, 'cache', 'scan.json');
    log(
      `[fork] load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
    const cli = [];
    for (let i = 0; i < rounds; i++) {
      const c0 = childrenCpuMs();
      const c = cliScan(ws);
      cli.push({ ...c, cpuMs: childrenCpuMs() - c0 });
      fs.rmSync(cacheFile, { force: true });
      row(`cold ${i + 1}`, await forkScan(ws, cacheFile, prof));
      row(`rescan`, await forkScan(ws, cacheFile, undefined));
      if (AHEAD_MS) {
        fs.rmSync(cacheFile, { force: true });
        row(`cold ${i + 1} ahead`, await forkScan(ws, cacheFile, undefined, AHEAD_MS));
        row(`rescan ahead`, await forkScan(ws, cacheFile, undefined, AHEAD_MS));
      }
    }
    log(
      `  CLI            ${cli.map((c) => `${c.ms} ms wall / ${c.cpuMs} ms CPU`).join(', ')} (${cli[0].findings} findings)`,
    );
    log(
      `[fork] load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  log(`[fork] ERROR: ${e.message}`);
  process.exitCode = 1;
});
