#!/usr/bin/env node
// Scan speed: `tls-doctor scan` vs ripgrep (same keywords as one regex) vs bandit, over a >= 250 MB tree of real
// source (Python's standard library with its tests, Debian's dist-packages, this repo's node_modules JS/TS, the Go
// standard library and the JDK's java.base sources, whichever of them this machine has) plus fixtures with known
// findings, and the in-process re-scan time of a 10,000-line file after an edit. The tree is built once, at bench
// time, under the system temp folder (see `tree` below) and reused while its stamp matches TREE_VERSION.
// `node bench/scan.bench.mjs --tree-only` builds the tree and prints what it holds; `--rescan-only` times re-scans only
// (`--only <regex>` picks surfaces by name; `--against <git-ref>` also times that revision, in turn on the same texts).
// On the whole tree, `--against <git-ref>` times that revision's CLI too (runs alternating), `--scan-only` skips
// bandit and the re-scans.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { medianRescan, surfaces } from './rescan-surfaces.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(repo, 'bench', 'work');
// The tree lives outside the repository: tsconfig.json includes bench/**/*.ts, and thousands of copied .ts files
// under bench/work/ would break `npm run typecheck`. Small outputs (bundles, bandit report, stamp) stay in bench/work/.
const tree = join(tmpdir(), 'tls-doctor-bench', 'tree');
const require = createRequire(import.meta.url);
/** Bump when the tree's recipe changes: an older stamp makes the tree be rebuilt. */
const TREE_VERSION = 2;
const MIN_TREE_MB = 250;
const RUNS = 5;

/**
 * Folder names the scanner never enters (scan/walk.ts DEFAULT_EXCLUDES). The copy renames them (`dist` -> `dist_`),
 * as it renames node_modules to nm, so that both tools read the same bytes and the ratio is honest.
 */
const SCANNER_SKIPS = new Set(['node_modules', 'dist', 'build', 'out', 'target', 'site-packages', 'venv', '.venv']);
const renameSkipped = (rel) =>
  rel
    .split('/')
    .map((part, i, all) =>
      i < all.length - 1 && SCANNER_SKIPS.has(part) ? (part === 'node_modules' ? 'nm' : `${part}_`) : part,
    )
    .join('/');

/** Copies text source files (by extension) from `src` into `dest`, until `budget` bytes; returns bytes copied. */
function copySource(src, dest, exts, budget, skipDirs = ['__pycache__']) {
  let bytes = 0;
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (bytes >= budget) return;
      const from = join(dir, e.name);
      if (e.isDirectory() && !skipDirs.includes(e.name)) walk(from);
      else if (e.isFile() && exts.some((x) => e.name.endsWith(x)) && !e.name.endsWith('.min.js')) {
        const to = join(dest, renameSkipped(relative(src, from)));
        fs.mkdirSync(dirname(to), { recursive: true });
        fs.copyFileSync(from, to);
        bytes += fs.statSync(from).size;
      }
    }
  };
  walk(src);
  return bytes;
}

/** The last (highest-versioned) existing match of the first pattern in `candidates` that has one (`*` globs a name). */
function firstExisting(candidates, test = (p) => fs.existsSync(p)) {
  for (const c of candidates) {
    const hit = glob(c).filter(test).pop();
    if (hit) return hit;
  }
  return undefined;
}

/** Absolute paths matching `pattern`, where `*` stands for any part of one path segment; sorted by version. */
function glob(pattern) {
  let paths = ['/'];
  for (const seg of pattern.split('/').filter(Boolean)) {
    if (!seg.includes('*')) {
      paths = paths.map((p) => join(p, seg));
      continue;
    }
    const re = new RegExp(
      `^${seg
        .split('*')
        .map((x) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    paths = paths.flatMap((p) => {
      try {
        return fs
          .readdirSync(p)
          .filter((n) => re.test(n))
          .sort((x, y) => x.localeCompare(y, 'en', { numeric: true }))
          .map((n) => join(p, n));
      } catch {
        return [];
      }
    });
  }
  return paths;
}

/** Python's standard library with its test suite (Debian ships the tests separately; pyenv builds keep them). */
function pythonStdlib() {
  const hasTests = (p) => fs.existsSync(join(p, 'test', 'test_ssl.py'));
  return firstExisting(
    [
      '/usr/lib/python3.*',
      '/usr/local/lib/python3.*',
      join(process.env.HOME ?? '/root', '.pyenv/versions/*/lib/python3.*'),
    ],
    hasTests,
  );
}

/** The Go standard library's sources (a Go install, or Debian's golang-*-src package). */
function goSources() {
  let goroot;
  try {
    goroot = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
  } catch {
    goroot = undefined;
  }
  return firstExisting(
    [...(goroot ? [join(goroot, 'src')] : []), '/usr/local/go/src', '/usr/lib/go/src', '/usr/share/go-*/src'],
    (p) => fs.existsSync(join(p, 'crypto', 'tls', 'common.go')),
  );
}

/** A JDK's src.zip (java.base and the HTTP client modules get unpacked). */
function jdkSources() {
  return firstExisting([
    '/usr/lib/jvm/default-java/lib/src.zip',
    '/usr/lib/jvm/*/lib/src.zip',
    '/usr/lib/jvm/*/src.zip',
  ]);
}

function unzipJava(zip, dest) {
  fs.mkdirSync(dest, { recursive: true });
  const r = spawnSync('unzip', [
    '-q',
    '-o',
    zip,
    'java.base/*.java',
    'java.net.http/*.java',
    'jdk.httpserver/*.java',
    'jdk.compiler/*.java',
    '-d',
    dest,
  ]);
  if (r.error || (r.status !== 0 && r.status !== 11)) return 0;
  return Number(execFileSync('du', ['-sb', dest], { encoding: 'utf8' }).split('\t')[0]);
}

const FIXTURE = {
  py: 'import requests, ssl\n\ndef f(u):\n    return requests.get(u, verify=False)\n\nctx = ssl._create_unverified_context()\n',
  ts: "import https from 'https';\nexport const a = new https.Agent({ rejectUnauthorized: false });\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\n",
  go: 'package main\n\nvar cfg = &tls.Config{InsecureSkipVerify: true}\n',
  java: 'class A { void f() { conn.setHostnameVerifier((h, s) -> true); } }\n',
  rb: 'http.verify_mode = OpenSSL::SSL::VERIFY_NONE\n',
  php: '<?php curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);\n',
};
const FINDINGS_PER_FIXTURE = { py: 2, ts: 2, go: 1, java: 1, rb: 1, php: 1 };

function buildTree() {
  const stamp = join(tree, '..', 'tree.json');
  if (fs.existsSync(stamp)) {
    const info = JSON.parse(fs.readFileSync(stamp, 'utf8'));
    if (info.version === TREE_VERSION) return info;
  }
  fs.rmSync(tree, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const parts = {};
  const sources = {};
  const stdlib = pythonStdlib() ?? '/usr/lib/python3.11';
  sources.pythonStdlib = stdlib;
  parts.pythonStdlib = copySource(stdlib, join(tree, 'python-stdlib'), ['.py'], 1e9, ['__pycache__', 'site-packages']);
  sources.pythonDist = '/usr/lib/python3/dist-packages';
  parts.pythonDist = copySource(sources.pythonDist, join(tree, 'python-dist'), ['.py'], 30e6);
  sources.nodeJsTs = join(repo, 'node_modules');
  parts.nodeJsTs = copySource(
    sources.nodeJsTs,
    join(tree, 'js-src'),
    ['.js', '.ts', '.mjs', '.cjs', '.tsx'],
    130e6,
    [],
  );
  const go = goSources();
  if (go) {
    sources.go = go;
    parts.go = copySource(go, join(tree, 'go-src'), ['.go'], 60e6, ['testdata']);
  }
  const jdk = jdkSources();
  if (jdk) {
    sources.java = jdk;
    parts.java = unzipJava(jdk, join(tree, 'java-src'));
  }
  let expected = 0;
  for (let i = 0; i < 100; i++) {
    for (const [ext, body] of Object.entries(FIXTURE)) {
      const f = join(tree, 'fixtures', `pkg${i}`, `insecure_${i}.${ext}`);
      fs.mkdirSync(dirname(f), { recursive: true });
      fs.writeFileSync(f, body);
      expected += FINDINGS_PER_FIXTURE[ext];
    }
  }
  const info = { version: TREE_VERSION, parts, sources, expectedFixtureFindings: expected };
  fs.writeFileSync(stamp, JSON.stringify(info));
  return info;
}

/**
 * Median wall time of `runs` runs in ms (after one warm-up run that fills the page cache), with the median peak RSS
 * in MB when /usr/bin/time is there to measure the child (GNU time's %M, in KB).
 */
function time(cmd, args, runs = RUNS, opts = {}) {
  spawnSync(cmd, args, { stdio: 'ignore', ...opts });
  const gnuTime = fs.existsSync('/usr/bin/time');
  const rssFile = join(work, 'rss.txt');
  const walls = [];
  const rss = [];
  const cpus = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = gnuTime
      ? spawnSync('/usr/bin/time', ['-f', '%U %S %M', '-o', rssFile, cmd, ...args], {
          maxBuffer: 1 << 30,
          encoding: 'utf8',
          ...opts,
        })
      : spawnSync(cmd, args, { maxBuffer: 1 << 30, encoding: 'utf8', ...opts });
    walls.push(performance.now() - t);
    if (gnuTime) {
      const [user, sys, kb] = fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
      rss.push(kb / 1024);
      cpus.push((user + sys) * 1000);
    }
  }
  return {
    ms: median(walls),
    all: walls,
    rssMb: rss.length ? median(rss) : undefined,
    cpuMs: cpus.length ? median(cpus) : undefined,
    out: last.stdout,
    status: last.status,
    stderr: last.stderr,
  };
}

/**
 * `time` for two commands whose runs alternate (a, b, a, b, …), so that a load that comes and goes on a shared
 * machine weighs on both alike: the before/after of `--against`.
 */
function timeAlternating(a, b, runs = RUNS) {
  const ra = [];
  const rb = [];
  for (let i = 0; i < runs; i++) {
    ra.push(time(a[0], a[1], 1));
    rb.push(time(b[0], b[1], 1));
  }
  const merge = (rs) => ({
    ms: median(rs.map((r) => r.ms)),
    all: rs.map((r) => r.ms),
    rssMb: rs[0].rssMb === undefined ? undefined : median(rs.map((r) => r.rssMb)),
    cpuMs: rs[0].cpuMs === undefined ? undefined : median(rs.map((r) => r.cpuMs)),
    out: rs[rs.length - 1].out,
    status: rs[rs.length - 1].status,
  });
  return [merge(ra), merge(rb)];
}

/** The CLI of git revision `ref` (its src/ exported to bench/work/), bundled as this checkout's is by `bundleCli`. */
function baselineCli(ref) {
  const dir = join(work, `baseline-cli-${ref.replace(/[^\w.-]/g, '_')}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const tar = execFileSync('git', ['archive', ref, 'src', 'package.json'], { cwd: repo, maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  return bundleCli(dir, join(dir, 'cli.js'));
}

/** `entry` under `root` (this checkout, or another revision's copy) bundled to `out`, one way for both sides of `--against`. */
function bundle(root, entry, out) {
  require('esbuild').buildSync({
    entryPoints: [join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: out,
    mainFields: ['module', 'main'],
    nodePaths: [join(repo, 'node_modules')],
    logLevel: 'error',
  });
  return out;
}

/** src/cli.ts under `root` bundled to `out`. */
const bundleCli = (root, out) => bundle(root, 'src/cli.ts', out);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** dist/cli.js from `node esbuild.js`; if that bundle cannot load, a bundle with ESM main fields (reported). */
function cliBundle() {
  execFileSync(process.execPath, ['esbuild.js'], { cwd: repo, stdio: 'inherit' });
  const dist = join(repo, 'dist', 'cli.js');
  if (spawnSync(process.execPath, [dist, '--version']).status === 0) return { path: dist, note: '' };
  const alt = join(work, 'cli.js');
  require('esbuild').buildSync({
    entryPoints: [join(repo, 'src/cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: alt,
    mainFields: ['module', 'main'],
    logLevel: 'error',
  });
  return {
    path: alt,
    note: 'dist/cli.js did not load (jsonc-parser UMD build under esbuild); used an equivalent bundle with mainFields [module, main]',
  };
}

const RG_REGEX = String.raw`verify\s*=\s*False|ssl\s*=\s*False|verify_ssl|CERT_NONE|check_hostname\s*=\s*False|_create_unverified_context|_create_default_https_context|PYTHONHTTPSVERIFY|CURL_CA_BUNDLE|rejectUnauthorized\s*[:=]\s*false|NODE_TLS_REJECT_UNAUTHORIZED|strictSSL|checkServerIdentity|InsecureSkipVerify|HostnameVerifier|checkServerTrusted|ValidationCallback|DangerousAcceptAny|VERIFY_NONE|verify:\s*false|ssl_verify_peer|CURLOPT_SSL_VERIFY|withoutVerifying|danger_accept_invalid`;

/** Bandit is slow: run it on a bounded subset of the Python part (capped at 120 s) and scale by bytes. */
function bandit(pyBytes) {
  const subset = join(tree, 'python-stdlib', 'email');
  const subsetBytes = Number(execFileSync('du', ['-sb', subset], { encoding: 'utf8' }).split('\t')[0]);
  const t = performance.now();
  const r = spawnSync('bandit', ['-r', '-q', '-f', 'json', '-o', join(work, 'bandit.json'), subset], {
    timeout: 120000,
  });
  const ms = performance.now() - t;
  if (r.error?.code === 'ENOENT') return undefined;
  return { ms, subsetBytes, scaled: ms * (pyBytes / subsetBytes), timedOut: r.signal === 'SIGTERM' };
}

/** src/core/scan/index.ts under `root` bundled to `out`; its scanText. */
const scanTextOf = (root, out) => require(bundle(root, 'src/core/scan/index.ts', out)).scanText;

/** scanText of git revision `ref` (its src/ and package.json exported to bench/work/), to time before and after in the same run. */
function baselineScanText(ref) {
  const dir = join(work, `baseline-${ref.replace(/[^\w.-]/g, '_')}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const tar = execFileSync('git', ['archive', ref, 'src', 'package.json'], { cwd: repo, maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  return scanTextOf(dir, join(work, 'scan-core-baseline.js'));
}

/**
 * In-process: edit one line of a 10,000-line file and re-scan it (median of 21), for every surface the scanner
 * reads (bench/rescan-surfaces.mjs). `--against <git-ref>` times that revision on the same texts in the same run.
 */
function rescan() {
  fs.mkdirSync(work, { recursive: true });
  const scanText = scanTextOf(repo, join(work, 'scan-core.js'));
  const ref = argValue('--against');
  const baseline = ref ? baselineScanText(ref) : undefined;
  const only = argValue('--only');
  return surfaces(repo)
    .filter((s) => !only || new RegExp(only, 'i').test(s.what))
    .map((s) => medianRescan(scanText, s, baseline));
}

function argValue(flag) {
  const i = process.argv.indexOf(flag);
  return i === -1 ? undefined : process.argv[i + 1];
}

const mb = (b) => (b / 1e6).toFixed(1);
const rescanLine = (r) =>
  `re-scan ${r.what} (${r.source}, ${mb(r.bytes)} MB, ${r.findings} findings): ${r.median.toFixed(2)} ms, CPU ${r.cpu.toFixed(2)} ms${r.median >= 5 ? ' ✗' : ''}` +
  (r.before
    ? ` | before: ${r.before.median.toFixed(2)} ms, CPU ${r.before.cpu.toFixed(2)} ms${r.before.differs ? ' FINDINGS DIFFER' : ''}`
    : '');
if (process.argv.includes('--rescan-only')) {
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  const re = rescan();
  console.log(
    `load average at start: ${load}; after: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  for (const r of re) console.log(rescanLine(r));
  process.exit(re.some((r) => r.before?.differs) ? 1 : 0);
}
const info = buildTree();
fs.mkdirSync(work, { recursive: true }); // a fresh checkout with the tree already built has no bench/work/ yet
if (process.argv.includes('--tree-only')) {
  console.log(JSON.stringify(info, null, 2));
  process.exit(0);
}
const totalBytes = Object.values(info.parts).reduce((a, b) => a + b, 0);
const cli = cliBundle();
const load = loadavg()
  .map((x) => x.toFixed(2))
  .join(' ');
// `--against <git-ref>`: that revision's CLI too, its runs alternating with this checkout's (its findings compared).
const against = argValue('--against');
const scanArgs = (path) => [path, 'scan', tree, '--format', 'json'];
const [tls, before] = against
  ? timeAlternating(
      [process.execPath, scanArgs(bundleCli(repo, join(work, 'cli-against.js')))],
      [process.execPath, scanArgs(baselineCli(against))],
    )
  : [time(process.execPath, scanArgs(cli.path)), undefined];
const findings = JSON.parse(tls.out).findings;
const fixtureHits = findings.filter((f) => f.file.includes('fixtures/')).length;
const rg = time('rg', ['-c', '--no-messages', '-e', RG_REGEX, tree]);
// `--scan-only`: the tree scan and ripgrep, without bandit and the re-scans (a quicker before/after).
const scanOnly = process.argv.includes('--scan-only');
const bd = scanOnly ? undefined : bandit(info.parts.pythonStdlib + info.parts.pythonDist);
const re = scanOnly ? [] : rescan();

const partNames = {
  pythonStdlib: 'Python stdlib with tests',
  pythonDist: 'Python dist-packages',
  nodeJsTs: 'node_modules JS/TS',
  go: 'Go stdlib',
  java: 'JDK java.base & co',
};
console.log(
  `tree: ${mb(totalBytes)} MB of source (${Object.entries(info.parts)
    .map(([k, v]) => `${partNames[k] ?? k} ${mb(v)} MB`)
    .join(', ')}, 600 fixture files) at ${tree}`,
);
console.log(`sources: ${Object.values(info.sources).join(', ')}`);
console.log(
  `load average at start: ${load}; after: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} (${RUNS} runs each, medians)`,
);
if (cli.note) console.log(`note: ${cli.note}`);
console.log('');
const runs = (t) => `runs ${t.all.map((x) => x.toFixed(0)).join('/')} ms`;
const rssNote = (t) =>
  (t.rssMb === undefined ? '' : `, peak RSS ${t.rssMb.toFixed(0)} MB`) +
  (t.cpuMs === undefined ? '' : `, CPU ${t.cpuMs.toFixed(0)} ms`);
console.log('| what | wall time | vs ripgrep | notes |');
console.log('|---|---|---|---|');
console.log(
  `| tls-doctor scan --format json | ${tls.ms.toFixed(0)} ms | ${(tls.ms / rg.ms).toFixed(1)}× | ${findings.length} findings (fixtures: ${fixtureHits} of ${info.expectedFixtureFindings} expected), median of ${RUNS} (${runs(tls)})${rssNote(tls)}; target ≤ 3× rg, RSS < 300 MB |`,
);
if (before) {
  const same = JSON.stringify(JSON.parse(before.out).findings) === JSON.stringify(findings);
  console.log(
    `| the same at ${against} (runs alternating) | ${before.ms.toFixed(0)} ms | ${(before.ms / rg.ms).toFixed(1)}× | ${JSON.parse(before.out).findings.length} findings${same ? ', the same' : ', FINDINGS DIFFER'}, ${runs(before)}${rssNote(before)} |`,
  );
  if (!same) process.exitCode = 1;
}
console.log(
  `| rg -c (same keywords, one regex) | ${rg.ms.toFixed(0)} ms | 1.0× | median of ${RUNS} (${runs(rg)})${rssNote(rg)} |`,
);
if (bd) {
  console.log(
    `| bandit -r -q (Python part, scaled) | ${(bd.scaled / 1000).toFixed(1)} s | ${(bd.scaled / rg.ms).toFixed(0)}× | measured ${(bd.ms / 1000).toFixed(1)} s on python-stdlib/email (${mb(bd.subsetBytes)} MB${bd.timedOut ? ', hit the 120 s cap' : ''}), scaled by bytes to the ${mb(info.parts.pythonStdlib + info.parts.pythonDist)} MB Python part |`,
  );
} else if (!scanOnly) console.log('| bandit | not installed | | |');
for (const r of re) {
  console.log(
    `| re-scan a 10,000-line ${r.what} after an edit (in-process) | ${r.median.toFixed(1)} ms | | median of 21 (CPU ${r.cpu.toFixed(1)} ms), ${r.source}, ${mb(r.bytes)} MB, ${r.findings} findings; target < 5 ms${r.median >= 5 ? ' ✗' : ''} |`,
  );
}
if (totalBytes < MIN_TREE_MB * 1e6) {
  console.log(`note: the tree is under ${MIN_TREE_MB} MB here (missing sources above)`);
}
if (fixtureHits !== info.expectedFixtureFindings) {
  console.error('fixture findings do not match the expected count');
  process.exitCode = 1;
}
