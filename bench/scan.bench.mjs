#!/usr/bin/env node
// Scan speed: `tls-doctor scan` vs ripgrep (same keywords as one regex) vs bandit, over a ~100 MB tree of real
// source (Python stdlib + Debian's dist-packages + this repo's node_modules JS/TS) plus fixtures with known findings,
// and the in-process re-scan time of a 10,000-line file after an edit. The tree is built once under bench/work/.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(repo, 'bench', 'work');
// The tree lives outside the repository: tsconfig.json includes bench/**/*.ts, and thousands of copied .ts files
// under bench/work/ would break `npm run typecheck`. Small outputs (bundles, bandit report, stamp) stay in bench/work/.
const tree = join(tmpdir(), 'tls-doctor-bench', 'tree');
const require = createRequire(import.meta.url);
const TARGET_MB = 100;

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
        const to = join(dest, relative(src, from).replace(/(^|\/)node_modules(\/|$)/g, '$1nm$2'));
        fs.mkdirSync(dirname(to), { recursive: true });
        fs.copyFileSync(from, to);
        bytes += fs.statSync(from).size;
      }
    }
  };
  walk(src);
  return bytes;
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
  if (fs.existsSync(stamp)) return JSON.parse(fs.readFileSync(stamp, 'utf8'));
  fs.rmSync(tree, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const parts = {};
  parts.pythonStdlib = copySource('/usr/lib/python3.11', join(tree, 'python-stdlib'), ['.py'], 1e9);
  parts.pythonDist = copySource('/usr/lib/python3/dist-packages', join(tree, 'python-dist'), ['.py'], 30e6);
  const left = TARGET_MB * 1e6 - parts.pythonStdlib - parts.pythonDist;
  parts.nodeJsTs = copySource(
    join(repo, 'node_modules'),
    join(tree, 'js-src'),
    ['.js', '.ts', '.mjs', '.cjs', '.tsx'],
    left - 1e6,
    [],
  );
  let expected = 0;
  for (let i = 0; i < 100; i++) {
    for (const [ext, body] of Object.entries(FIXTURE)) {
      const f = join(tree, 'fixtures', `pkg${i}`, `insecure_${i}.${ext}`);
      fs.mkdirSync(dirname(f), { recursive: true });
      fs.writeFileSync(f, body);
      expected += FINDINGS_PER_FIXTURE[ext];
    }
  }
  const info = { parts, expectedFixtureFindings: expected };
  fs.writeFileSync(stamp, JSON.stringify(info));
  return info;
}

/** Best wall time of `runs` runs, in ms (after one warm-up run that fills the page cache). */
function time(cmd, args, runs = 3, opts = {}) {
  spawnSync(cmd, args, { stdio: 'ignore', ...opts });
  let best = Infinity;
  let last;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = spawnSync(cmd, args, { maxBuffer: 1 << 30, encoding: 'utf8', ...opts });
    best = Math.min(best, performance.now() - t);
  }
  return { ms: best, out: last.stdout, status: last.status, stderr: last.stderr };
}

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

/** Edits one line of `base` 21 times and re-scans it each time, in-process; returns the median and the size. */
function medianRescan(scanText, base, path, edit) {
  const times = [];
  for (let i = 0; i < 21; i++) {
    base[5001] = edit(i);
    const text = base.join('\n');
    const t = performance.now();
    const n = scanText(text, path).length;
    times.push(performance.now() - t);
    if (n === 0) throw new Error(`re-scan of ${path} found nothing`);
  }
  times.sort((a, b) => a - b);
  return { path, median: times[10], bytes: base.join('\n').length };
}

/** 10,000 lines in the shape of `make(i)`, with a finding every 500 lines. */
function synthetic(make, finding) {
  return Array.from({ length: 10000 }, (_, i) => (i % 500 === 0 ? finding : make(i)));
}

/**
 * In-process: edit one line of a 10,000-line file and re-scan it (median of 21): real Python stdlib source, and
 * generated shell, Dockerfile, CI YAML and .env files (the surfaces whose matchers work line by line).
 */
function rescan() {
  const core = join(work, 'scan-core.js');
  require('esbuild').buildSync({
    entryPoints: [join(repo, 'src/core/scan/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: core,
    mainFields: ['module', 'main'],
    logLevel: 'error',
  });
  const { scanText } = require(core);
  const lines = [];
  for (const f of [
    'ssl.py',
    'urllib/request.py',
    'http/client.py',
    'asyncio/sslproto.py',
    'argparse.py',
    'typing.py',
    'inspect.py',
    'subprocess.py',
  ]) {
    lines.push(...fs.readFileSync(join('/usr/lib/python3.11', f), 'utf8').split('\n'));
  }
  const py = lines.slice(0, 10000);
  py[5000] = '    r = requests.get(url, verify=False)';
  return [
    { ...medianRescan(scanText, py, 'big.py', (i) => `    x = ${i}  # edited`), what: 'Python (real stdlib source)' },
    {
      ...medianRescan(
        scanText,
        synthetic((i) => `echo "step ${i}" && ls -la /tmp/dir${i} | grep foo`, 'curl -sk https://x.test/api'),
        'deploy.sh',
        (i) => `echo edited ${i}`,
      ),
      what: 'shell script',
    },
    {
      ...medianRescan(
        scanText,
        [
          'FROM debian',
          ...synthetic((i) => `RUN echo ${i} && apt-get install -y pkg${i}`, 'RUN curl -k https://x.test'),
        ],
        'Dockerfile',
        (i) => `RUN echo edited ${i}`,
      ),
      what: 'Dockerfile',
    },
    {
      ...medianRescan(
        scanText,
        [
          'jobs:',
          '  build:',
          '    steps:',
          ...synthetic((i) => `      - run: echo ${i}`, '      - run: curl -k https://x.test'),
        ],
        '.github/workflows/ci.yml',
        (i) => `      - run: echo edited ${i}`,
      ),
      what: 'CI YAML',
    },
    {
      ...medianRescan(
        scanText,
        synthetic((i) => `VAR_${i}=value${i}`, 'NODE_TLS_REJECT_UNAUTHORIZED=0'),
        '.env',
        (i) => `EDITED=${i}`,
      ),
      what: '.env',
    },
  ];
}

const mb = (b) => (b / 1e6).toFixed(1);
const info = buildTree();
const totalBytes = Object.values(info.parts).reduce((a, b) => a + b, 0);
const cli = cliBundle();
const tls = time(process.execPath, [cli.path, 'scan', tree, '--format', 'json']);
const findings = JSON.parse(tls.out).findings;
const fixtureHits = findings.filter((f) => f.file.includes('fixtures/')).length;
const rg = time('rg', ['-c', '--no-messages', '-e', RG_REGEX, tree]);
const bd = bandit(info.parts.pythonStdlib + info.parts.pythonDist);
const re = rescan();

console.log(
  `tree: ${mb(totalBytes)} MB of source (Python stdlib ${mb(info.parts.pythonStdlib)} MB, Python dist-packages ${mb(info.parts.pythonDist)} MB, node_modules JS/TS ${mb(info.parts.nodeJsTs)} MB, 600 fixture files) at ${tree}`,
);
if (cli.note) console.log(`note: ${cli.note}`);
console.log('');
console.log('| what | wall time | vs ripgrep | notes |');
console.log('|---|---|---|---|');
console.log(
  `| tls-doctor scan --format json | ${tls.ms.toFixed(0)} ms | ${(tls.ms / rg.ms).toFixed(1)}× | ${findings.length} findings (fixtures: ${fixtureHits} of ${info.expectedFixtureFindings} expected), best of 3 |`,
);
console.log(`| rg -c (same keywords, one regex) | ${rg.ms.toFixed(0)} ms | 1.0× | best of 3 |`);
if (bd) {
  console.log(
    `| bandit -r -q (Python part, scaled) | ${(bd.scaled / 1000).toFixed(1)} s | ${(bd.scaled / rg.ms).toFixed(0)}× | measured ${(bd.ms / 1000).toFixed(1)} s on python-stdlib/email (${mb(bd.subsetBytes)} MB${bd.timedOut ? ', hit the 120 s cap' : ''}), scaled by bytes to the ${mb(info.parts.pythonStdlib + info.parts.pythonDist)} MB Python part |`,
  );
} else console.log('| bandit | not installed | | |');
for (const r of re) {
  console.log(
    `| re-scan a 10,000-line ${r.what} after an edit (in-process) | ${r.median.toFixed(1)} ms | | median of 21, ${mb(r.bytes)} MB; target < 10 ms |`,
  );
}
if (fixtureHits !== info.expectedFixtureFindings) {
  console.error('fixture findings do not match the expected count');
  process.exitCode = 1;
}
