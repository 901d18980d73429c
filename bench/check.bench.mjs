#!/usr/bin/env node
// Probe speed: one in-process probe on loopback vs `openssl s_client` as a whole process (median of 20 each), then
// 100 endpoints checked concurrently with the full checkUrl (every trust store). Servers run in a child process so
// their handshake CPU is not billed to the probe's event loop (on a 2-core machine both still share the CPU).
// The TypeScript core and the test matrix are bundled once with esbuild into bench/work/.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { cpus, loadavg } from 'node:os';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(repo, 'bench', 'work');
const require = createRequire(import.meta.url);
const RUNS = 20;
const ENDPOINTS = 100;

/** Bundles the probe and the fixtures (CommonJS) so this plain .mjs can load them without a TS loader. */
async function bundle() {
  mkdirSync(work, { recursive: true });
  const outfile = join(work, 'check-bench.cjs');
  await require('esbuild').build({
    stdin: {
      contents: `export * from './src/core/tls/index'; export { probe } from './src/core/tls/connect';
      export { contextFor } from './src/core/tls/verify'; export { Deadline } from './src/core/tls/deadline'; export * from './test/fixtures/tls';`,
      resolveDir: repo,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return require(outfile);
}

/** Child process: N TLS servers with a valid leaf + intermediate; prints {ports, rootPem} and waits for stdin to close. */
const SERVER_CHILD = `
const tls = require('node:tls'); const m = require(process.argv[1]);
const pki = m.createTestPki(); const leaf = pki.leaf(); const n = Number(process.argv[2]);
const cert = leaf.certPem + pki.intermediate.certPem;
Promise.all(Array.from({ length: n }, () => new Promise((r) => { const s = tls.createServer({ key: leaf.keyPem, cert }, (c) => c.end());
  s.on('tlsClientError', () => {}); s.listen(0, '127.0.0.1', () => r(s.address().port)); })))
  .then((ports) => { process.stdout.write(JSON.stringify({ ports, rootPem: pki.root.certPem }) + '\\n'); });
process.stdin.on('end', () => process.exit(0)); process.stdin.resume();`;

function startServers(bundlePath, n) {
  const child = spawn(process.execPath, ['-e', SERVER_CHILD, bundlePath, String(n)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve) => {
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      if (buf.includes('\n')) resolve({ child, ...JSON.parse(buf) });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

async function timeRuns(fn) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return { median: median(times), min: Math.min(...times) };
}

function opensslOnce(port) {
  return new Promise((resolve, reject) => {
    const c = execFile(
      'openssl',
      ['s_client', '-connect', `127.0.0.1:${port}`, '-brief'],
      { timeout: 5000 },
      (e, out, err) =>
        /CONNECTION ESTABLISHED|Protocol version/.test(out + err) ? resolve() : reject(e ?? new Error(err)),
    );
    c.stdin.end();
  });
}

async function main() {
  const tlsMod = await bundle();
  const { writeFileSync } = await import('node:fs');
  const servers = await startServers(join(work, 'check-bench.cjs'), ENDPOINTS);
  const rootFile = join(work, 'bench-root.pem');
  writeFileSync(rootFile, servers.rootPem);
  const port = servers.ports[0];
  const opts = { env: {}, extraCaFiles: [rootFile], timeoutMs: 5000 };
  await tlsMod.checkUrl(`https://127.0.0.1:${port}/`, opts); // warm: stores read, contexts built, certifi located

  const spec = {
    host: '127.0.0.1',
    port,
    address: '127.0.0.1',
    timeoutMs: 5000,
    secureContext: tlsMod.contextFor([servers.rootPem]),
  };
  const probe = await timeRuns(async () => {
    // One deadline per check (as checkUrl gives each probe): a fresh one per run.
    const r = await tlsMod.probe({ ...spec, deadline: new tlsMod.Deadline(5000) });
    if (r.error || r.verifyError) throw new Error('probe failed');
  });
  const full = await timeRuns(async () => {
    const r = await tlsMod.checkUrl(`https://127.0.0.1:${port}/`, opts);
    if (r.verdict !== 'ok') throw new Error(JSON.stringify(r.causes));
  });
  const ossl = await timeRuns(() => opensslOnce(port));
  const sample = await tlsMod.checkUrl(`https://127.0.0.1:${port}/`, opts);
  const stores = Object.keys(sample.trust).join(', ');

  const t0 = performance.now();
  const reports = await Promise.all(servers.ports.map((p) => tlsMod.checkUrl(`https://127.0.0.1:${p}/`, opts)));
  const concurrent = performance.now() - t0;
  const ok = reports.filter((r) => r.verdict === 'ok').length;
  servers.child.stdin.end();

  const f = (ms) => `${ms.toFixed(1)} ms`.padStart(10);
  console.log(`stores checked per URL: ${stores}; TLS connections per URL: ${sample.connections.length}`);
  console.log(
    `load average (1/5/15 min): ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} on ${cpus().length} cores`,
  );
  console.log(`${'what'.padEnd(52)} ${'median'.padStart(10)} ${'min'.padStart(10)}`);
  console.log(`${'in-process probe (one handshake, cached context)'.padEnd(52)} ${f(probe.median)} ${f(probe.min)}`);
  console.log(`${'in-process checkUrl (chain + every store + diagnose)'.padEnd(52)} ${f(full.median)} ${f(full.min)}`);
  console.log(`${'openssl s_client (whole process)'.padEnd(52)} ${f(ossl.median)} ${f(ossl.min)}`);
  console.log(
    `${ENDPOINTS} endpoints, checkUrl concurrently: ${concurrent.toFixed(0)} ms wall, ${ok}/${ENDPOINTS} ok (target < 2000 ms)`,
  );
  const pass = probe.median < ossl.median && concurrent < 2000 && ok === ENDPOINTS;
  console.log(pass ? 'targets met' : 'TARGET MISSED');
  process.exitCode = pass ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
