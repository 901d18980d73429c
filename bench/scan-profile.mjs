#!/usr/bin/env node
// Where a whole-tree scan spends its time, per phase (reading, latin1 views, decoding) and per rule family: how many
// files each family's needles and prefilter see and pass, and the time spent in needles, prefilters and `scan`. Usage: node bench/scan-profile.mjs [tree] (default: the scan bench's
// tree). Not part of `npm run bench`; run it when a scan gets slower to find the family that caused it.
import * as fs from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const tree = process.argv[2] ?? join(tmpdir(), 'tls-doctor-bench', 'tree');
const out = join(repo, 'bench', 'work', 'scan-profile.js');
fs.mkdirSync(dirname(out), { recursive: true });
require('esbuild').buildSync({
  stdin: {
    contents: `export { families } from './src/core/rules/registry'; export { NeedleHits } from './src/core/rules/needles'; export * from './src/core/scan/index'; export { readBytesForScan } from './src/core/scan/walk';`,
    resolveDir: repo,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: out,
  mainFields: ['module', 'main'],
  logLevel: 'error',
});
const core = require(out);

const stats = new Map(
  core.families.map((f) => [f.id, { applies: 0, needled: 0, passed: 0, found: 0, needleMs: 0, preMs: 0, scanMs: 0 }]),
);
const slow = [];
let files = 0;
let readMs = 0;
let latin1Ms = 0;
let decodeMs = 0;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (const ev of core.walkFiles([tree], { accept: (p) => core.isScannable(p) })) {
  if (ev.kind !== 'file') continue;
  files++;
  const scanPath = relative(tree, ev.path);
  let t = performance.now();
  const read = core.readBytesForScan(ev.path, undefined, true); // as the CLI reads: one reused buffer
  readMs += performance.now() - t;
  if ('skip' in read) continue;
  let raw;
  let text;
  const hits = new core.NeedleHits(read.bytes);
  for (const f of core.families) {
    if (!f.appliesTo(scanPath)) continue;
    const s = stats.get(f.id);
    s.applies++;
    // As mayHaveFindings: needles in the bytes (shared: a needle another family searched is not searched again, so a
    // family's needle time is what its needles added), then the prefilter on a latin1 view made once per file.
    t = performance.now();
    const needled = hits.any(f);
    s.needleMs += performance.now() - t;
    if (!needled) continue;
    s.needled++;
    if (raw === undefined) {
      t = performance.now();
      raw = read.bytes.toString('latin1');
      latin1Ms += performance.now() - t;
    }
    t = performance.now();
    const pass = f.prefilter.test(raw);
    s.preMs += performance.now() - t;
    if (!pass) continue;
    s.passed++;
    if (text === undefined) {
      t = performance.now();
      text = read.bytes.toString('utf8');
      decodeMs += performance.now() - t;
    }
    t = performance.now();
    const n = f.scan(text, scanPath).length;
    const ms = performance.now() - t;
    s.scanMs += ms;
    s.found += n;
    slow.push({ family: f.id, path: scanPath, ms, n });
  }
}
const total = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
console.log(
  `${files} files under ${tree}: ${total.toFixed(0)} ms in all (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms, one thread), ${readMs.toFixed(0)} ms reading, ${latin1Ms.toFixed(0)} ms latin1 views, ${decodeMs.toFixed(0)} ms UTF-8 decoding`,
);
console.log(
  '| family | files it reads | needles pass | prefilter passes | findings | needles ms | prefilter ms | scan ms |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const [id, s] of stats) {
  if (!s.applies) continue;
  console.log(
    `| ${id} | ${s.applies} | ${s.needled} | ${s.passed} | ${s.found} | ${s.needleMs.toFixed(0)} | ${s.preMs.toFixed(0)} | ${s.scanMs.toFixed(0)} |`,
  );
}
slow.sort((a, b) => b.ms - a.ms);
console.log('\nslowest scans:');
for (const s of slow.slice(0, 15)) console.log(`  ${s.ms.toFixed(1)} ms ${s.family} ${s.path} (${s.n} findings)`);
