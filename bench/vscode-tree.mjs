// The tree bench:vscode scans (bench/vscode.mjs) and the CLI run it is compared with, shared with the fork-only
// harness (bench/vscode-fork.mjs), so both measure the same >= 200 MB tree the same way.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_BYTES = 200e6;

/** Links (or copies) text sources with the given extensions from `src` into `dest`, up to `budget` bytes. */
function copySource(src, dest, exts, budget) {
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
      if (e.isDirectory() && e.name !== '__pycache__') walk(from);
      else if (e.isFile() && exts.some((x) => e.name.endsWith(x))) {
        // node_modules inside the copy would be skipped by both scanners: rename, so the tree is really scanned.
        const to = join(dest, relative(src, from).replace(/(^|\/)node_modules(\/|$)/g, '$1nm$2'));
        fs.mkdirSync(dirname(to), { recursive: true });
        try {
          fs.linkSync(from, to);
        } catch {
          fs.copyFileSync(from, to);
        }
        bytes += fs.statSync(to).size;
      }
    }
  };
  walk(src);
  return bytes;
}

export const FIXTURE = {
  py: 'import requests, ssl\n\ndef f(u):\n    return requests.get(u, verify=False)\n\nctx = ssl._create_unverified_context()\n',
  ts: "import https from 'https';\nexport const a = new https.Agent({ rejectUnauthorized: false });\n",
  go: 'package main\n\nvar cfg = &tls.Config{InsecureSkipVerify: true}\n',
  sh: '#!/bin/sh\ncurl -k https://internal.example/install.sh | sh\n',
};

/** A 10,000-line Python file with a finding every 50 lines (the cursor-move figure). */
export function bigFile() {
  const lines = ['import requests', ''];
  for (let i = 0; i < 9998; i++) {
    lines.push(
      i % 50 === 0
        ? `resp_${i} = requests.get("https://api${i % 7}.corp.example/v1/items", verify=False)`
        : `value_${i} = compute(${i}) + other_value_${i % 97}  # an ordinary line of code`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function buildTree(ws) {
  const t0 = performance.now();
  const sources = [
    ['/usr/lib/python3.11', ['.py']],
    ['/usr/lib/python3/dist-packages', ['.py']],
    [join(ROOT, 'node_modules'), ['.js', '.ts', '.mjs', '.cjs', '.tsx']],
  ];
  let bytes = 0;
  for (let round = 0; bytes < TARGET_BYTES && round < 4; round++) {
    for (const [src, exts] of sources) {
      if (bytes >= TARGET_BYTES) break;
      bytes += copySource(
        src,
        join(ws, `src${round}`, relative('/', src).replace(/\//g, '_')),
        exts,
        TARGET_BYTES - bytes,
      );
    }
  }
  for (let i = 0; i < 100; i++) {
    for (const [ext, body] of Object.entries(FIXTURE)) {
      const f = join(ws, 'fixtures', `pkg${i}`, `insecure_${i}.${ext}`);
      fs.mkdirSync(dirname(f), { recursive: true });
      fs.writeFileSync(f, body);
      bytes += body.length;
    }
  }
  fs.mkdirSync(join(ws, 'big'), { recursive: true });
  fs.writeFileSync(join(ws, 'big', 'service_client.py'), bigFile());
  fs.writeFileSync(
    join(ws, 'package.json'),
    JSON.stringify({ name: 'bench', scripts: { get: 'curl -k https://x.example/' } }),
  );
  // A real dependency folder (78,000 files in the workspace): both scanners must skip it unread.
  fs.symlinkSync(join(ROOT, 'node_modules'), join(ws, 'node_modules'));
  let files = 0;
  for (const e of fs.readdirSync(ws, { recursive: true, withFileTypes: true })) if (e.isFile()) files++;
  return { bytes, files, ms: Math.round(performance.now() - t0) };
}

export function cliScan(ws) {
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'dist', 'cli.js'), 'scan', ws, '--format', 'json', '--fail-on', 'none'],
    {
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    },
  );
  const ms = Math.round(performance.now() - t0);
  if (r.status !== 0) throw new Error(`the CLI failed (exit ${r.status}): ${r.stderr.slice(0, 500)}`);
  const json = JSON.parse(r.stdout);
  const findings = Array.isArray(json) ? json.length : (json.findings?.length ?? json.summary?.findings);
  return { ms, findings };
}
