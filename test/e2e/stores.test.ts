// The proofs that matter, with real clients in a temp HOME: an independent headless Chromium run loads the page only
// while `devcert --install --stores nss` has put the CA in ~/.pki/nssdb, and a Java client trusts it only while
// `--stores java` has. Seconds per browser or JVM start, so this suite runs as its own stage of `npm test`.
import * as assert from 'assert';
import { execFile, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { which } from '../../src/core/certs/stores/run';
import { CHROMIUM, CHROMIUM_ARGS, cli, dispose, Fixture, fixture, trustedStores } from '../unit/certs/storefixture';

describe('certs/stores: headless Chromium trusts the page only while the CA is installed (nss)', function () {
  this.timeout(90_000);
  let f: Fixture | undefined;
  before(async function () {
    if (!fs.existsSync(CHROMIUM)) return this.skip(); // reason: Debian's chromium is not installed
    if (!which('certutil')) return this.skip(); // reason: certutil (libnss3-tools) is not installed
    f = await fixture('chromium');
  });
  after(() => dispose(f));

  /** One independent browser run (own process, own temp profile), reading $HOME/.pki/nssdb at start-up. */
  async function load(fx: Fixture): Promise<string> {
    const { chromium } = require('playwright-core') as typeof import('playwright-core');
    const userData = fs.mkdtempSync(path.join(fx.tmp, 'profile-'));
    const ctx = await chromium.launchPersistentContext(userData, {
      executablePath: CHROMIUM,
      headless: true,
      env: fx.env as Record<string, string>,
      args: CHROMIUM_ARGS,
      timeout: 30_000,
    });
    try {
      const page = await ctx.newPage();
      const res = await page.goto(fx.url, { timeout: 15_000 }).catch((e: Error) => e);
      if (res instanceof Error) return res.message.split('\n')[0];
      return `${res?.status()} ${await page.textContent('#ok')}`;
    } finally {
      await ctx.close();
    }
  }

  it('certificate error before --install, page after --install --stores nss, error again after --uninstall', async () => {
    const fx = f as Fixture;
    assert.match(await load(fx), /net::ERR_CERT_AUTHORITY_INVALID/);
    const inst = await cli(['devcert', '--install', '--stores', 'nss', '--ca-dir', fx.caDir], fx.tmp, fx.env);
    assert.strictEqual(inst.code, 0, inst.stdout + inst.stderr);
    assert.strictEqual(await load(fx), '200 served with a TLS Doctor development certificate');
    const un = await cli(['devcert', '--uninstall', '--stores', 'nss', '--ca-dir', fx.caDir], fx.tmp, fx.env);
    assert.strictEqual(un.code, 0, un.stdout + un.stderr);
    assert.match(await load(fx), /net::ERR_CERT_AUTHORITY_INVALID/);
  });
});

describe('certs/stores: java (keytool) and a real Java client', function () {
  this.timeout(90_000);
  let f: Fixture | undefined;
  let java: string | undefined;
  before(async function () {
    java = which('java');
    if (!which('keytool') || !java) return this.skip(); // reason: no JRE (keytool, java) is installed
    f = await fixture('java');
  });
  after(() => dispose(f));

  /** Java 11+ runs a single source file; the client trusts only what -Djavax.net.ssl.trustStore holds. Asynchronous:
   * the server runs in this process, so a synchronous spawn would never let it answer. */
  function javaGet(fx: Fixture, trustStore: string): Promise<{ ok: boolean; out: string }> {
    const src = path.join(fx.tmp, 'Get.java');
    fs.writeFileSync(
      src,
      [
        'public class Get { public static void main(String[] a) throws Exception {',
        '  var c = (javax.net.ssl.HttpsURLConnection) new java.net.URL(a[0]).openConnection();',
        '  System.out.println(c.getResponseCode()); } }',
        '',
      ].join('\n'),
    );
    const args = [
      `-Djavax.net.ssl.trustStore=${trustStore}`,
      '-Djavax.net.ssl.trustStorePassword=changeit',
      src,
      fx.url.replace('127.0.0.1', 'localhost'),
    ];
    return new Promise((resolve) =>
      execFile(java as string, args, { env: fx.env, timeout: 60_000 }, (err, stdout, stderr) =>
        resolve({ ok: !err, out: `${stdout}${stderr}${err && !stderr ? err.message : ''}` }),
      ),
    );
  }

  it('installs into a user truststore seeded with the JDK roots (says which), a Java client trusts it, uninstall undoes it', async () => {
    const fx = f as Fixture;
    const inst = await cli(
      ['devcert', '--install', '--stores', 'java', '--format', 'json', '--ca-dir', fx.caDir],
      fx.tmp,
      fx.env,
    );
    assert.strictEqual(inst.code, 0, inst.stdout + inst.stderr);
    const [o] = JSON.parse(inst.stdout).outcomes as { target: string; action: string; message: string }[];
    assert.strictEqual(o.action, 'installed');
    assert.strictEqual(o.target, path.join(fx.home, '.local', 'share', 'tls-doctor', 'java-truststore.p12'));
    assert.match(o.message, /user truststore .*-Djavax\.net\.ssl\.trustStore=/);
    const list = execFileSync('keytool', ['-list', '-keystore', o.target, '-storepass', 'changeit'], {
      env: fx.env,
    }).toString();
    assert.ok(Number(/contains (\d+) entr/.exec(list)?.[1]) > 50, 'the public roots were copied in');
    assert.deepStrictEqual(await trustedStores(fx, 'java'), { java: true });
    const ok = await javaGet(fx, o.target);
    assert.ok(ok.ok, ok.out);
    assert.match(ok.out, /^200$/m);
    const un = await cli(['devcert', '--uninstall', '--stores', 'java', '--ca-dir', fx.caDir], fx.tmp, fx.env);
    assert.strictEqual(un.code, 0, un.stdout + un.stderr);
    assert.deepStrictEqual(await trustedStores(fx, 'java'), { java: false });
    const bad = await javaGet(fx, o.target);
    assert.strictEqual(bad.ok, false, bad.out);
    assert.match(bad.out, /PKIX path building failed|unable to find valid certification path/);
  });

  it('keytool opens the --pkcs12 export: one PrivateKeyEntry with its chain (leaf + CA)', async () => {
    const fx = f as Fixture;
    fs.writeFileSync(path.join(fx.tmp, 'pw'), 'changeit too\n');
    const r = await cli(
      [
        'devcert',
        'localhost',
        '--pkcs12',
        '--pkcs12-password-file',
        'pw',
        '--out',
        'p12',
        '--ca-dir',
        fx.caDir,
        '--format',
        'json',
      ],
      fx.tmp,
      fx.env,
    );
    assert.strictEqual(r.code, 0, r.stderr);
    const list = execFileSync(
      'keytool',
      ['-list', '-v', '-keystore', JSON.parse(r.stdout).pkcs12, '-storepass', 'changeit too'],
      { env: fx.env, encoding: 'utf8' },
    );
    assert.match(list, /Alias name: localhost/);
    assert.match(list, /Entry type: PrivateKeyEntry/);
    assert.match(list, /Certificate chain length: 2/);
  });
});
