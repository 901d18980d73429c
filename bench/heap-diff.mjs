#!/usr/bin/env node
// What grew between two V8 heap snapshots (e.g. bench:vscode's beforeScan and afterRescans, written with
// TLS_DOCTOR_BENCH_HEAP=<dir>): objects by constructor or kind, with their count and self size, largest growth first.
// `node bench/heap-diff.mjs <before.heapsnapshot> <after.heapsnapshot> [rows]`
import * as fs from 'node:fs';

/** Count and self size per "type name" (objects by constructor; strings, code, arrays… by kind). */
function summarize(file) {
  const snap = JSON.parse(fs.readFileSync(file, 'utf8'));
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const [T, N, S] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const out = new Map();
  const nodes = snap.nodes;
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + T]];
    // Strings and code are grouped by kind (their names are their contents); objects by constructor name.
    const name = type === 'object' || type === 'closure' ? `${type} ${snap.strings[nodes[i + N]]}` : type;
    const e = out.get(name) ?? { count: 0, bytes: 0 };
    e.count++;
    e.bytes += nodes[i + S];
    out.set(name, e);
  }
  return out;
}

const [beforeFile, afterFile, rows = '25'] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  console.error('usage: node bench/heap-diff.mjs <before.heapsnapshot> <after.heapsnapshot> [rows]');
  process.exit(2);
}
const before = summarize(beforeFile);
const after = summarize(afterFile);
const total = (m) => [...m.values()].reduce((s, e) => s + e.bytes, 0);
console.log(`heap: ${(total(before) / 1e6).toFixed(1)} MB → ${(total(after) / 1e6).toFixed(1)} MB`);
const diff = [...new Set([...before.keys(), ...after.keys()])].map((k) => {
  const b = before.get(k) ?? { count: 0, bytes: 0 };
  const a = after.get(k) ?? { count: 0, bytes: 0 };
  return { k, count: a.count - b.count, bytes: a.bytes - b.bytes };
});
for (const d of diff.sort((x, y) => y.bytes - x.bytes).slice(0, Number(rows))) {
  console.log(`${(d.bytes / 1e3).toFixed(0).padStart(8)} KB ${String(d.count).padStart(8)} objects  ${d.k}`);
}
