// `devcert --install / --uninstall / --status` with certutil (NSS) in a temp HOME, and the system store's consent.
// The browser and Java proofs are slower and live in test/e2e/stores.test.ts.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { which } from '../../../src/core/certs/stores/run';
import { cli, dispose, Fixture, fixture, trustedStores } from './storefixture';

describe('certs/stores: nss (certutil) through the CLI', function () {
  this.timeout(60_000);
  let f: Fixture | undefined;
  before(async function () {
    if (!which('certutil')) return this.skip(); // reason: certutil (libnss3-tools) is not installed
    f = await fixture('nss');
    // A Firefox profile with its own database: install must reach it too.
    const profile = path.join(f.home, '.mozilla', 'firefox', 'abcd1234.default-release');
    fs.mkdirSync(profile, { recursive: true });
    execFileSync('certutil', ['-N', '-d', `sql:${profile}`, '--empty-password'], { env: f.env });
  });
  after(() => dispose(f));

  it('installs into ~/.pki/nssdb (created) and every Firefox profile, idempotently, and uninstalls exactly its entry', async () => {
    const fx = f as Fixture;
    const other = path.join(fx.tmp, 'other.pem');
    fs.copyFileSync(path.join(fx.tmp, 'out', 'cert.pem'), other);
    const first = await cli(
      ['devcert', '--install', '--stores', 'nss', '--format', 'json', '--ca-dir', fx.caDir],
      fx.tmp,
      fx.env,
    );
    assert.strictEqual(first.code, 0, first.stdout + first.stderr);
    const actions = (JSON.parse(first.stdout).outcomes as { target: string; action: string }[]).map((o) => [
      path.basename(o.target),
      o.action,
    ]);
    assert.deepStrictEqual(actions, [
      ['nssdb', 'installed'],
      ['abcd1234.default-release', 'installed'],
    ]);
    assert.ok(fs.existsSync(path.join(fx.home, '.pki', 'nssdb', 'cert9.db')));
    // Someone else's certificate in the same database must survive our uninstall.
    execFileSync(
      'certutil',
      ['-A', '-d', `sql:${path.join(fx.home, '.pki', 'nssdb')}`, '-t', 'P,,', '-n', 'someone else', '-i', other],
      { env: fx.env },
    );
    const again = await cli(['devcert', '--install', '--stores', 'nss', '--ca-dir', fx.caDir], fx.tmp, fx.env);
    assert.strictEqual(again.code, 0);
    assert.strictEqual(again.stdout.match(/already-installed/g)?.length, 2, again.stdout);
    assert.deepStrictEqual(await trustedStores(fx, 'nss'), { nss: true });
    const un = await cli(['devcert', '--uninstall', '--stores', 'nss', '--ca-dir', fx.caDir], fx.tmp, fx.env);
    assert.strictEqual(un.code, 0, un.stderr);
    assert.strictEqual(un.stdout.match(/removed from/g)?.length, 2, un.stdout);
    assert.deepStrictEqual(await trustedStores(fx, 'nss'), { nss: false });
    const left = execFileSync('certutil', ['-L', '-d', `sql:${path.join(fx.home, '.pki', 'nssdb')}`], {
      env: fx.env,
    }).toString();
    assert.match(left, /someone else/);
    assert.doesNotMatch(left, /TLS Doctor/);
    const unAgain = await cli(['devcert', '--uninstall', '--stores', 'nss', '--ca-dir', fx.caDir], fx.tmp, fx.env);
    assert.strictEqual(unAgain.stdout.match(/not-installed/g)?.length, 2, unAgain.stdout);
  });
});

describe('certs/stores: system store needs consent', function () {
  this.timeout(30_000);
  let f: Fixture | undefined;
  before(async () => {
    f = await fixture('system');
  });
  after(() => dispose(f));

  it('without --yes prints the exact sudo commands, runs nothing and exits 0', async () => {
    const fx = f as Fixture;
    const before = await trustedStores(fx, 'system');
    const r = await cli(
      ['devcert', '--install', '--stores', 'system', '--format', 'json', '--ca-dir', fx.caDir],
      fx.tmp,
      { ...fx.env, PATH: '/nonexistent' },
    );
    assert.strictEqual(r.code, 0, r.stderr);
    const [o] = JSON.parse(r.stdout).outcomes as { action: string; commands: string[] }[];
    assert.strictEqual(o.action, 'needs-consent');
    assert.match(o.commands[0], new RegExp(`^sudo .*${path.join(fx.caDir, 'rootCA.pem').replace(/[.]/g, '\\.')}`));
    assert.deepStrictEqual(await trustedStores(fx, 'system'), before);
  });

  it('--stores rejects unknown names with exit 2, and refuses two modes at once', async () => {
    const fx = f as Fixture;
    const bad = await cli(['devcert', '--install', '--stores', 'nss,keychain', '--ca-dir', fx.caDir], fx.tmp, fx.env);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /--stores takes a comma-separated list of system, nss, java \(got "nss,keychain"\)/);
    const both = await cli(['devcert', '--install', '--status', '--ca-dir', fx.caDir], fx.tmp, fx.env);
    assert.strictEqual(both.code, 2);
  });
});
