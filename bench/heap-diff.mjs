#!/usr/bin/env node
// What grew between two V8 heap snapshots of the same process (e.g. bench:vscode's beforeScan and afterRescans,
// written with TLS_DOCTOR_BENCH_HEAP=<dir>): objects by constructor or kind, with their count and self size, largest
// growth first; then the objects new in the second snapshot (node ids are stable within one process) by what holds
// them: the nearest object of the first snapshot that retains them, and the edge from it (e.g. `Map entries`,
// `FindingStore.byDocument`, `SharedFunctionInfo` for code compiled on first use). Use the development bundle
// (TLS_DOCTOR_BENCH_BUNDLE=dev) to keep constructor names.
// Last, what TLS Doctor's results hold (DiagnosticsManager and FindingStore maps, the diagnostic collection).
// `node bench/heap-diff.mjs <before.heapsnapshot> <after.heapsnapshot> [rows]`
import * as fs from 'node:fs';

function load(file) {
  const snap = JSON.parse(fs.readFileSync(file, 'utf8'));
  const meta = snap.snapshot.meta;
  const f = (name) => meta.node_fields.indexOf(name);
  const e = (name) => meta.edge_fields.indexOf(name);
  return {
    snap,
    width: meta.node_fields.length,
    edgeWidth: meta.edge_fields.length,
    types: meta.node_types[0],
    edgeTypes: meta.edge_types[0],
    T: f('type'),
    N: f('name'),
    I: f('id'),
    S: f('self_size'),
    C: f('edge_count'),
    ET: e('type'),
    EN: e('name_or_index'),
    EO: e('to_node'),
  };
}

/** Strings and code are grouped by kind (their names are their contents); objects by constructor name. */
function typeName(h, i) {
  const type = h.types[h.snap.nodes[i + h.T]];
  return type === 'object' || type === 'closure' ? `${type} ${h.snap.strings[h.snap.nodes[i + h.N]]}` : type;
}

/** Count and self size per type name. */
function summarize(h) {
  const out = new Map();
  const nodes = h.snap.nodes;
  for (let i = 0; i < nodes.length; i += h.width) {
    const name = typeName(h, i);
    const e = out.get(name) ?? { count: 0, bytes: 0 };
    e.count++;
    e.bytes += nodes[i + h.S];
    out.set(name, e);
  }
  return out;
}

function idsOf(h) {
  const ids = new Set();
  const nodes = h.snap.nodes;
  for (let i = 0; i < nodes.length; i += h.width) ids.add(nodes[i + h.I]);
  return ids;
}

/**
 * New objects (ids absent from `oldIds`) by their anchor: walking retainers up through new objects (non-weak edges,
 * breadth first) to the first old object; the anchor is that object's type name and the edge name into the new ones.
 */
function byAnchor(h, oldIds) {
  const { nodes, edges, strings } = h.snap;
  const count = nodes.length / h.width;
  const retainers = Array.from({ length: count }, () => []);
  let ei = 0;
  for (let n = 0; n < count; n++) {
    const edgeCount = nodes[n * h.width + h.C];
    for (let k = 0; k < edgeCount; k++, ei += h.edgeWidth) {
      const type = h.edgeTypes[edges[ei + h.ET]];
      if (type === 'weak' || type === 'shortcut') continue;
      const to = edges[ei + h.EO] / h.width;
      const name = type === 'element' || type === 'hidden' ? `[${type}]` : String(strings[edges[ei + h.EN]]);
      retainers[to].push([n, name]);
    }
  }
  const isNew = (n) => !oldIds.has(nodes[n * h.width + h.I]);
  const anchorOf = new Map();
  const find = (start) => {
    const seen = new Set([start]);
    const queue = [start];
    while (queue.length) {
      const n = queue.shift();
      for (const [r, name] of retainers[n]) {
        if (seen.has(r)) continue;
        seen.add(r);
        if (!isNew(r)) return `${typeName(h, r * h.width)} → ${name}`;
        queue.push(r);
        if (seen.size > 2000) return '(deep)';
      }
    }
    return '(unreachable or only weakly held)';
  };
  for (let n = 0; n < count; n++) {
    if (!isNew(n)) continue;
    const a = find(n);
    const e = anchorOf.get(a) ?? { count: 0, bytes: 0, kinds: new Map() };
    e.count++;
    const size = nodes[n * h.width + h.S];
    e.bytes += size;
    const kind = typeName(h, n * h.width);
    e.kinds.set(kind, (e.kinds.get(kind) ?? 0) + size);
    anchorOf.set(a, e);
  }
  return anchorOf;
}

const [beforeFile, afterFile, rows = '25'] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  console.error('usage: node bench/heap-diff.mjs <before.heapsnapshot> <after.heapsnapshot> [rows]');
  process.exit(2);
}
/** Bytes reachable from TLS Doctor's results (data edges only: no closures' contexts, code or hidden classes). */
function held(h) {
  const { nodes, edges, strings } = h.snap;
  const count = nodes.length / h.width;
  const first = new Uint32Array(count + 1);
  for (let n = 0, ei = 0; n < count; n++) {
    first[n] = ei;
    ei += nodes[n * h.width + h.C] * h.edgeWidth;
  }
  first[count] = edges.length;
  const skipEdge = new Set(['map', '__proto__', 'constructor', 'prototype']);
  const skipNode = new Set(['code', 'closure', 'object shape']);
  const ROOTS = [
    ['DiagnosticsManager', 'entries'],
    ['DiagnosticsManager', 'collection'],
    ['FindingStore', 'byDocument'],
    ['FindingStore', 'byDiagnostic'],
  ];
  const seen = new Set();
  const queue = [];
  for (let n = 0; n < count; n++) {
    const i = n * h.width;
    if (h.types[nodes[i + h.T]] !== 'object') continue;
    const ctor = strings[nodes[i + h.N]];
    for (let ei = first[n]; ei < first[n + 1]; ei += h.edgeWidth) {
      const name = strings[edges[ei + h.EN]];
      if (ROOTS.some(([c, p]) => c === ctor && p === name) && h.edgeTypes[edges[ei + h.ET]] === 'property') {
        queue.push(edges[ei + h.EO] / h.width);
      }
    }
  }
  let bytes = 0;
  while (queue.length) {
    const n = queue.pop();
    if (seen.has(n)) continue;
    seen.add(n);
    bytes += nodes[n * h.width + h.S];
    for (let ei = first[n]; ei < first[n + 1]; ei += h.edgeWidth) {
      const type = h.edgeTypes[edges[ei + h.ET]];
      if (type === 'weak' || type === 'context' || type === 'shortcut') continue;
      if (type !== 'element' && type !== 'hidden' && skipEdge.has(String(strings[edges[ei + h.EN]]))) continue;
      const to = edges[ei + h.EO] / h.width;
      if (!skipNode.has(h.types[nodes[to * h.width + h.T]])) queue.push(to);
    }
  }
  return { objects: seen.size, bytes };
}

// One snapshot in memory at a time.
const { before, oldIds, heldBefore } = (() => {
  const h = load(beforeFile);
  return { before: summarize(h), oldIds: idsOf(h), heldBefore: held(h) };
})();
const afterHeap = load(afterFile);
const after = summarize(afterHeap);
const total = (m) => [...m.values()].reduce((s, e) => s + e.bytes, 0);
const kb = (b) => `${(b / 1e3).toFixed(0).padStart(8)} KB`;
console.log(`heap: ${(total(before) / 1e6).toFixed(1)} MB → ${(total(after) / 1e6).toFixed(1)} MB`);
const diff = [...new Set([...before.keys(), ...after.keys()])].map((k) => {
  const b = before.get(k) ?? { count: 0, bytes: 0 };
  const a = after.get(k) ?? { count: 0, bytes: 0 };
  return { k, count: a.count - b.count, bytes: a.bytes - b.bytes };
});
for (const d of diff.sort((x, y) => y.bytes - x.bytes).slice(0, Number(rows))) {
  console.log(`${kb(d.bytes)} ${String(d.count).padStart(8)} objects  ${d.k}`);
}
// The class names are those of the development bundle (TLS_DOCTOR_BENCH_BUNDLE=dev): minified, nothing is found.
const heldAfter = held(afterHeap);
console.log(
  `\nheld by TLS Doctor's results (DiagnosticsManager entries and collection, FindingStore): ${(heldBefore.bytes / 1e3).toFixed(0)} KB → ${(heldAfter.bytes / 1e3).toFixed(0)} KB (${heldBefore.objects} → ${heldAfter.objects} objects)`,
);
const anchors = [...byAnchor(afterHeap, oldIds).entries()].sort((a, b) => b[1].bytes - a[1].bytes);
const fresh = anchors.reduce((s, [, e]) => s + e.bytes, 0);
console.log(
  `\nnew objects: ${(fresh / 1e6).toFixed(2)} MB, by the nearest old object holding them → the edge from it:`,
);
for (const [a, e] of anchors.slice(0, Number(rows))) {
  const kinds = [...e.kinds.entries()]
    .sort((x, y) => y[1] - x[1])
    .slice(0, 3)
    .map(([k, b]) => `${k} ${(b / 1e3).toFixed(0)} KB`)
    .join(', ');
  console.log(`${kb(e.bytes)} ${String(e.count).padStart(8)} objects  ${a}  (${kinds})`);
}
