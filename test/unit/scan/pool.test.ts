// The worker pool runs from a bundle only (workers re-load the bundle file): bundle it, then check that a parallel
// scan, with workers started ahead of it or not, gives exactly the serial scan's outcomes in the same order.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as Pool from '../../../src/core/scan/pool';
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
    assert.ok(pool.workersPayOff(targets.length));
    const serial = scanTargets(targets);
    assert.strictEqual(serial.filter((o) => 'findings' in o && o.findings.length).length, 420);
    assert.deepStrictEqual(await pool.scanInParallel(targets, {}, 2), serial);
    assert.deepStrictEqual(await pool.scanInParallel(targets, {}, 3, pool.startWorkers({}, 3)), serial);
  });

  it('workers started ahead are used, or ended when the scan stays on one thread', async () => {
    const early = pool.startWorkers({}, 2);
    assert.strictEqual(early.length, 1);
    const exited = new Promise((resolve) => early[0].once('exit', resolve));
    const few = targets.slice(0, 10);
    assert.deepStrictEqual(await pool.scanInParallel(few, {}, 2, early), scanTargets(few));
    await exited; // not left running: the CLI would not exit
    assert.deepStrictEqual(pool.startWorkers({}, 1), []);
  });
});
