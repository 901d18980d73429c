// The worker pool runs from a bundle only (workers re-load the bundle file): bundle it, then check that a parallel
// scan, with workers started ahead of it or not, gives exactly the serial scan's outcomes in the same order.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as Pool from '../../../src/core/scan/pool';
import type { Worker } from 'worker_threads';
import { scanTargets, ScanTarget } from '../../../src/core/scan/files';

describe('scan: worker pool (from a bundle)', function () {
  this.timeout(60000);
  let dir = '';
  let pool: typeof Pool;
  const targets: ScanTarget[] = [];

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-pool-'));
    const bundle = path.join(dir, 'pool.js');
    (require('esbuild') as typeof import('esbuild')).buildSync({
      entryPoints: [path.join(__dirname, '../../../src/core/scan/pool.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: bundle,
      mainFields: ['module', 'main'],
      logLevel: 'error',
    });
    pool = require(bundle) as typeof Pool;
    for (let i = 0; i < 2100; i++) {
      const file = path.join(dir, 'src', `m${i % 7}`, `f${i}.${i % 3 === 0 ? 'py' : 'js'}`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const bad =
        i % 3 === 0
          ? `r = requests.get(u, verify=False)  # ${i}\n`
          : `new https.Agent({ rejectUnauthorized: false })\n`;
      fs.writeFileSync(file, i % 5 === 0 ? bad : `x = ${i}\n`);
      targets.push({ path: file, scanPath: path.relative(dir, file) });
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('enough files for workers: the same outcomes as one thread, in order', async () => {
    const serial = scanTargets(targets);
    assert.strictEqual(serial.filter((o) => 'findings' in o && o.findings.length).length, 420);
    for (const threads of [2, 3]) assert.deepStrictEqual(await pool.scanInParallel(targets, {}, threads), serial);
  });

  it('a pool fed while listing (as the CLI does) starts workers at 2,000 files and ends them', async () => {
    for (const count of [1999, 2000, 2001, 2048, 2100]) {
      const some = targets.slice(0, count);
      const p = new pool.ScanPool({}, 2);
      const helpers = (p as unknown as { helpers: { worker: Worker }[] }).helpers;
      assert.strictEqual(helpers.length, 0, 'no worker before the files are listed');
      for (const t of some) p.add(t);
      assert.strictEqual(helpers.length, count >= 2000 ? 1 : 0, `${count} files`);
      const exited = helpers.map((h) => new Promise((resolve) => h.worker.once('exit', resolve)));
      assert.deepStrictEqual(await p.finish(), scanTargets(some), `${count} files`);
      await Promise.all(exited); // none left running: the CLI would not exit
    }
  });

  it('ends on smaller chunks (threads finish close together), the outcomes still in order', async () => {
    const p = new pool.ScanPool({}, 2);
    for (const t of targets) p.add(t);
    const outcomes = await p.finish();
    assert.deepStrictEqual(outcomes, scanTargets(targets));
    const sizes = (p as unknown as { chunks: { targets: unknown[] }[] }).chunks.map((c) => c.targets.length);
    assert.strictEqual(
      sizes.reduce((a, b) => a + b, 0),
      targets.length,
    );
    assert.strictEqual(Math.max(...sizes), 128);
    assert.ok(sizes[sizes.length - 1] <= 16, `the last chunks: ${sizes.slice(-6).join(', ')}`);
    const tail = sizes.slice(sizes.findIndex((n) => n < 128));
    assert.ok(tail.length >= 4, `a tapered tail: ${tail.join(', ')}`);
    for (let i = 1; i < tail.length; i++) assert.ok(tail[i] <= tail[i - 1], `the tail grows: ${tail.join(', ')}`);
  });
});
