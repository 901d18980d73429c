#!/usr/bin/env node
// Dev-certificate speed, side by side with Debian's mkcert: CA + leaf from scratch, and leaf-only with an existing
// CA, as whole processes (`node dist/cli.js devcert …` vs `mkcert …`) and in-process (dist/certs.js).
// Every CA lives in a fresh temp folder (CAROOT / --ca-dir); `mkcert -install` is never run. Needs `npm run build`.
// Usage: node bench/devcert.bench.mjs [runs]   (default 11; RSA keygen time varies a lot, so medians)
// Both tools run with the same clean environment (PATH and HOME only): an inherited NODE_EXTRA_CA_CERTS naming a big
// bundle (these machines preset the system one) makes every Node start parse it, which says nothing about devcert;
// the bench measures and prints that cost separately.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const runs = Number(process.argv[2] ?? 11);
const loadAtStart = loadavg();
const HOSTS = ['localhost', '127.0.0.1', '::1'];
const mkcert = ['/usr/bin/mkcert', '/usr/local/bin/mkcert'].find(existsSync);

if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` first');
  process.exit(1);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fresh = (tag) => mkdtempSync(join(tmpdir(), `tlsd-bench-${tag}-`));

/** Times one process; throws with its stderr when it fails. */
function timeProcess(cmd, args, opts) {
  const t = performance.now();
  const r = spawnSync(cmd, args, { ...opts, encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

/** Runs `fn(dir)` `runs` times, each in a fresh temp folder prepared by `setup`, and returns the median ms. */
async function bench(tag, setup, fn) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const dir = fresh(tag);
    try {
      await setup(dir);
      times.push(await fn(dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return median(times);
}

const clean = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? tmpdir() };
const env = clean;
const ours = (dir) =>
  timeProcess(process.execPath, [cli, 'devcert', ...HOSTS, '--out', join(dir, 'out'), '--ca-dir', join(dir, 'ca')], {
    env,
    cwd: dir,
  });
const oursRsa = (dir) =>
  timeProcess(
    process.execPath,
    [cli, 'devcert', ...HOSTS, '--key-type', 'rsa', '--out', join(dir, 'out'), '--ca-dir', join(dir, 'ca')],
    { env, cwd: dir },
  );
const theirs = (dir) => timeProcess(mkcert, HOSTS, { env: { ...clean, CAROOT: join(dir, 'ca') }, cwd: dir });
const none = () => undefined;

const certs = createRequire(import.meta.url)(join(root, 'dist', 'certs.js'));
const inProcess = async (dir, keyType) => {
  const t = performance.now();
  await certs.writeDevCert({ hosts: HOSTS, outDir: join(dir, 'out'), caDir: join(dir, 'ca'), keyType });
  return performance.now() - t;
};
const leafOnly = async (dir, keyType) => {
  const t = performance.now();
  await certs.issueLeaf(join(dir, 'ca'), HOSTS, { keyType });
  return performance.now() - t;
};

/**
 * Like bench, for two tools at once: their runs alternate (ours, theirs, ours, …), so a load spike from other
 * processes hits both sides alike instead of whichever happened to run during it.
 */
async function benchPair(tag, setupA, fnA, setupB, fnB) {
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    for (const [setup, fn, out] of [
      [setupA, fnA, a],
      [setupB, fnB, b],
    ]) {
      const dir = fresh(tag);
      try {
        await setup(dir);
        out.push(await fn(dir));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  return [median(a), median(b)];
}

const rows = [];
const row = (what, tlsd, mk) =>
  rows.push({ what, 'tls-doctor ms': Math.round(tlsd), 'mkcert ms': mk === undefined ? '—' : Math.round(mk) });

row(
  'CA + leaf, whole process (ECDSA leaf)',
  ...(mkcert ? await benchPair('a', none, ours, none, theirs) : [await bench('a', none, ours), undefined]),
);
row('CA + leaf, whole process (RSA-2048 leaf)', await bench('c', none, oursRsa), undefined);
row('CA + leaf + bundle, in-process (ECDSA leaf)', await bench('d', none, (d) => inProcess(d, 'ecdsa')), undefined);
row(
  'leaf only, existing CA, whole process',
  ...(mkcert ? await benchPair('e', ours, ours, theirs, theirs) : [await bench('e', ours, ours), undefined]),
);
row(
  'leaf only, existing CA, in-process, ECDSA',
  await bench(
    'g',
    (d) => certs.ensureCa(join(d, 'ca')),
    (d) => leafOnly(d, 'ecdsa'),
  ),
  undefined,
);
row(
  'leaf only, existing CA, in-process, RSA-2048',
  await bench(
    'h',
    (d) => certs.ensureCa(join(d, 'ca')),
    (d) => leafOnly(d, 'rsa'),
  ),
  undefined,
);

console.log(
  `devcert benchmark: median of ${runs} runs each, hosts ${HOSTS.join(' ')}${mkcert ? `, mkcert at ${mkcert}` : ', mkcert not installed'}`,
);
// Other processes skew whole-process timings (both tools alike); the load average says how busy the machine was.
const fmtLoad = (l) => l.map((x) => x.toFixed(2)).join(' ');
console.log(`load average (1/5/15 min): ${fmtLoad(loadAtStart)} at the start, ${fmtLoad(loadavg())} at the end`);
if (process.env.NODE_EXTRA_CA_CERTS) {
  const bare = (e) => bench('n', none, () => timeProcess(process.execPath, ['-e', '0'], { env: e }));
  console.log(
    `not in the table: \`node -e 0\` takes ${Math.round(await bare(clean))} ms clean and ${Math.round(await bare({ ...clean, NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS }))} ms with the inherited NODE_EXTRA_CA_CERTS=${process.env.NODE_EXTRA_CA_CERTS} (every Node program pays that)`,
  );
}
console.table(rows);
const leaf = rows[4]['tls-doctor ms'];
console.log(`leaf-only target < 100 ms (in-process, default ECDSA leaf): ${leaf} ms ${leaf < 100 ? 'OK' : 'MISSED'}`);
const whole = rows[3];
if (mkcert) {
  const ca = rows[0];
  console.log(
    `CA + leaf, whole process, not slower than mkcert: ${ca['tls-doctor ms']} vs ${ca['mkcert ms']} ms ${ca['tls-doctor ms'] <= ca['mkcert ms'] ? 'OK' : 'MISSED'}`,
  );
  console.log(
    `leaf-only, whole process, at least as fast as mkcert: ${whole['tls-doctor ms']} vs ${whole['mkcert ms']} ms ${whole['tls-doctor ms'] <= whole['mkcert ms'] ? 'OK' : 'MISSED'}`,
  );
}
