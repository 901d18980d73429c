#!/usr/bin/env node
// Where a whole-tree scan spends its time, per rule family: how many files each family's prefilter sees and passes,
// and the CPU spent in needles + prefilters vs. in `scan`. Usage: node bench/scan-profile.mjs [tree] (default: the scan bench's
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
    contents: `export { families } from './src/core/rules/registry'; export * from './src/core/scan/index'; export { readBytesForScan } from './src/core/scan/walk';`,
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

const stats = new Map(core.families.map((f) => [f.id, { applies: 0, passed: 0, found: 0, preMs: 0, scanMs: 0 }]));
const slow = [];
let files = 0;
let readMs = 0;
const t0 = performance.now();
for (const ev of core.walkFiles([tree], { accept: (p) => core.isScannable(p) })) {
  if (ev.kind !== 'file') continue;
  files++;
  const scanPath = relative(tree, ev.path);
  let t = performance.now();
  const read = core.readBytesForScan(ev.path);
  readMs += performance.now() - t;
  if ('skip' in read) continue;
  const raw = read.bytes.toString('latin1');
  let text;
  for (const f of core.families) {
    if (!f.appliesTo(scanPath)) continue;
    const s = stats.get(f.id);
    s.applies++;
    t = performance.now();
    const pass = (!f.needles || f.needles.some((n) => raw.includes(n))) && f.prefilter.test(raw); // as mayHaveFindings
    s.preMs += performance.now() - t;
    if (!pass) continue;
    s.passed++;
    text ??= read.bytes.toString('utf8');
    t = performance.now();
    const n = f.scan(text, scanPath).length;
    const ms = performance.now() - t;
    s.scanMs += ms;
    s.found += n;
    slow.push({ family: f.id, path: scanPath, ms, n });
  }
}
const total = performance.now() - t0;
console.log(`${files} files under ${tree}: ${total.toFixed(0)} ms in all, ${readMs.toFixed(0)} ms reading`);
console.log('| family | files it reads | prefilter passes | findings | prefilter ms | scan ms |');
console.log('|---|---|---|---|---|---|');
for (const [id, s] of stats) {
  if (!s.applies) continue;
  console.log(`| ${id} | ${s.applies} | ${s.passed} | ${s.found} | ${s.preMs.toFixed(0)} | ${s.scanMs.toFixed(0)} |`);
}
slow.sort((a, b) => b.ms - a.ms);
console.log('\nslowest scans:');
for (const s of slow.slice(0, 15)) console.log(`  ${s.ms.toFixed(1)} ms ${s.family} ${s.path} (${s.n} findings)`);
