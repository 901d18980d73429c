import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { X509Certificate } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../cliHarness';
import { ensureCa } from '../../../src/core/certs/ca';
import { writeDevCert, DevCertResult } from '../../../src/core/certs/devcert';
import { issueLeaf } from '../../../src/core/certs/leaf';
import { defaultCaDir } from '../../../src/core/certs/store';
import { parseHost, parseHosts } from '../../../src/core/certs/hosts';

const mode = (p: string) => fs.statSync(p).mode & 0o777;

/** `openssl verify -x509_strict` with only our CA as trust anchor; returns its output (exit status in `ok`). */
function verify(caFile: string, certPem: string, dir: string): { ok: boolean; out: string } {
  const leaf = path.join(dir, `leaf-${Math.random().toString(36).slice(2)}.pem`);
  fs.writeFileSync(leaf, certPem);
  try {
    return {
      ok: true,
      out: execFileSync('openssl', ['verify', '-x509_strict', '-purpose', 'sslserver', '-CAfile', caFile, leaf], {
        stdio: 'pipe',
      }).toString(),
    };
  } catch (e) {
    return {
      ok: false,
      out: String((e as { stderr?: Buffer; stdout?: Buffer }).stdout) + String((e as { stderr?: Buffer }).stderr),
    };
  }
}

describe('certs/devcert: CA store and leaf profile', function () {
  this.timeout(30_000);
  let tmp: string;
  let caDir: string;
  let first: DevCertResult;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-devcert-'));
    caDir = path.join(tmp, 'ca');
    first = await writeDevCert({
      hosts: ['localhost', '127.0.0.1', '::1'],
      outDir: path.join(tmp, 'ws', '.certs'),
      caDir,
    });
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('creates the CA folder 0700, the CA key 0400, the leaf key 0600 and public certs 0644', () => {
    assert.strictEqual(first.caCreated, true);
    assert.strictEqual(mode(caDir), 0o700);
    assert.strictEqual(mode(path.join(caDir, 'rootCA-key.pem')), 0o400);
    assert.strictEqual(mode(path.join(caDir, 'rootCA.pem')), 0o644);
    assert.strictEqual(mode(first.key), 0o600);
    for (const f of [first.cert, first.ca, first.bundle]) assert.strictEqual(mode(f), 0o644);
  });

  it('reuses the CA on the second run (same fingerprint) and never copies its key to the out dir', async () => {
    const second = await writeDevCert({ hosts: ['localhost'], outDir: path.join(tmp, 'ws2', '.certs'), caDir });
    assert.strictEqual(second.caCreated, false);
    assert.strictEqual(second.caSha256, first.caSha256);
    const caKey = fs.readFileSync(path.join(caDir, 'rootCA-key.pem'), 'utf8');
    const outDir = path.dirname(second.cert);
    const outFiles = fs.readdirSync(outDir);
    assert.deepStrictEqual(outFiles.sort(), ['bundle.pem', 'ca.pem', 'cert.pem', 'hosts.json', 'key.pem']);
    for (const f of outFiles) {
      const text = fs.readFileSync(path.join(outDir, f), 'utf8');
      assert.ok(!text.includes(caKey.split('\n')[1]), `${f} contains the CA key`);
      if (f !== 'key.pem') assert.ok(!text.includes('PRIVATE KEY'), `${f} contains a private key`);
    }
    assert.ok(!JSON.stringify(second).includes('PRIVATE KEY'));
  });

  it('issues a leaf with the strict profile: no CN, SANs (IP as iPAddress), serverAuth, ≤ 825 days, positive serial', () => {
    const x = new X509Certificate(fs.readFileSync(first.cert));
    assert.strictEqual(x.subjectAltName, 'DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    assert.doesNotMatch(x.subject, /CN=/);
    assert.deepStrictEqual(x.keyUsage, ['1.3.6.1.5.5.7.3.1']);
    const days = (Date.parse(x.validTo) - Date.parse(x.validFrom)) / 86_400_000;
    assert.ok(days > 824 && days <= 825, `validity ${days} days`);
    assert.strictEqual(x.serialNumber.length, 32);
    assert.ok(parseInt(x.serialNumber[0], 16) < 8, 'serial must be positive (top bit clear)');
    assert.ok(x.checkIssued(new X509Certificate(fs.readFileSync(first.ca))));
    assert.ok(verify(first.ca, fs.readFileSync(first.cert, 'utf8'), tmp).ok);
  });

  it('issues RSA-2048 leaves on request, also passing openssl -x509_strict, and honours validityDays', async () => {
    const leaf = await issueLeaf(caDir, ['app.test', '10.1.2.3'], { keyType: 'rsa', validityDays: 30 });
    const x = new X509Certificate(leaf.certPem);
    assert.strictEqual(x.publicKey.asymmetricKeyDetails?.modulusLength, 2048);
    assert.ok(Math.abs((Date.parse(x.validTo) - Date.parse(x.validFrom)) / 86_400_000 - 30) < 1 / 24);
    assert.match(verify(first.ca, leaf.certPem, tmp).out, /: OK/);
  });

  it('refuses a validity over 825 days and bad hosts with readable messages', async () => {
    await assert.rejects(
      issueLeaf(caDir, ['localhost'], { validityDays: 826 }),
      /1 to 825 \(Apple platforms reject longer\)/,
    );
    await assert.rejects(issueLeaf(caDir, ['https://x']), /"https:\/\/x" is not a valid host name/);
  });

  it('refuses a CA folder inside the output folder or the workspace', async () => {
    const ws = path.join(tmp, 'ws');
    await assert.rejects(
      writeDevCert({ hosts: ['localhost'], outDir: path.join(ws, '.certs'), caDir: path.join(ws, '.certs', 'ca') }),
      /refusing to keep the CA key in .*overlaps the output folder/,
    );
    await assert.rejects(
      writeDevCert({
        hosts: ['localhost'],
        outDir: path.join(tmp, 'elsewhere'),
        caDir: path.join(ws, 'ca'),
        workspaceDir: ws,
      }),
      /overlaps the workspace/,
    );
  });

  it('names the missing file of a half CA instead of overwriting it', async () => {
    const half = path.join(tmp, 'half');
    fs.mkdirSync(half);
    fs.copyFileSync(path.join(caDir, 'rootCA.pem'), path.join(half, 'rootCA.pem'));
    await assert.rejects(ensureCa(half), /incomplete CA in .*half: rootCA-key.pem is missing/);
  });
});

describe('certs/devcert: name-constrained CA', function () {
  this.timeout(30_000);
  let tmp: string;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-nc-'));
    await ensureCa(path.join(tmp, 'ca'), { nameConstrained: true });
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const ca = () => path.join(tmp, 'ca', 'rootCA.pem');

  it('vouches for localhost, *.test and private IPs', async () => {
    const leaf = await issueLeaf(path.join(tmp, 'ca'), [
      'localhost',
      'api.app.test',
      '127.0.0.1',
      '::1',
      '192.168.1.20',
    ]);
    assert.match(verify(ca(), leaf.certPem, tmp).out, /: OK/);
  });

  for (const host of ['example.com', '8.8.8.8']) {
    it(`fails verification for the public name ${host}`, async () => {
      const leaf = await issueLeaf(path.join(tmp, 'ca'), ['localhost', host]);
      const r = verify(ca(), leaf.certPem, tmp);
      assert.strictEqual(r.ok, false);
      assert.match(r.out, /permitted subtree violation/);
    });
  }

  it('warns in writeDevCert about hosts outside the constraints', async () => {
    const r = await writeDevCert({
      hosts: ['localhost', 'example.com'],
      outDir: path.join(tmp, 'out'),
      caDir: path.join(tmp, 'ca'),
    });
    assert.match(r.warnings.join('\n'), /name-constrained, so clients will reject the certificate for: example.com/);
  });
});

describe('certs: hosts and the default CA folder', () => {
  it('parses DNS names, IDNs, wildcards and IPs, dropping duplicates', () => {
    assert.deepStrictEqual(parseHost('[::1]'), { kind: 'ip', value: '::1' });
    assert.deepStrictEqual(parseHost('Bücher.Test'), { kind: 'dns', value: 'xn--bcher-kva.test' });
    assert.deepStrictEqual(
      parseHosts(['localhost', 'LOCALHOST', '::1', '0:0:0:0:0:0:0:1']).map((h) => h.value),
      ['localhost', '::1'],
    );
    assert.strictEqual(parseHost('*.app.test').value, '*.app.test');
    assert.throws(() => parseHost('*.test'), /not a valid host name/);
    assert.throws(() => parseHost('a_b c'), /not a valid host name/);
  });

  it('follows TLS_DOCTOR_CAROOT, then the per-platform data folder', () => {
    assert.strictEqual(defaultCaDir({ TLS_DOCTOR_CAROOT: '/x/ca' }, 'linux', '/home/u'), '/x/ca');
    assert.strictEqual(defaultCaDir({}, 'linux', '/home/u'), '/home/u/.local/share/tls-doctor');
    assert.strictEqual(defaultCaDir({ XDG_DATA_HOME: '/d' }, 'linux', '/home/u'), '/d/tls-doctor');
    assert.strictEqual(defaultCaDir({}, 'darwin', '/Users/u'), '/Users/u/Library/Application Support/tls-doctor');
    assert.strictEqual(
      defaultCaDir({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32', 'C:\\Users\\u'),
      'C:\\Users\\u\\AppData\\Local\\tls-doctor',
    );
  });
});

describe('cli devcert', function () {
  this.timeout(30_000);
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-cli-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('writes into ./.certs by default and prints the JSON contract with absolute paths', async () => {
    const r = await runCli(
      ['devcert', 'localhost', '127.0.0.1', '--ca-dir', path.join(tmp, 'ca'), '--format', 'json'],
      tmp,
    );
    assert.strictEqual(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    const out = path.join(tmp, '.certs');
    assert.deepStrictEqual(
      [j.cert, j.key, j.ca, j.bundle],
      ['cert.pem', 'key.pem', 'ca.pem', 'bundle.pem'].map((f) => path.join(out, f)),
    );
    assert.deepStrictEqual(j.env, {
      REQUESTS_CA_BUNDLE: j.bundle,
      SSL_CERT_FILE: j.bundle,
      NODE_EXTRA_CA_CERTS: j.bundle,
    });
    for (const f of [j.cert, j.key, j.ca, j.bundle]) assert.ok(fs.existsSync(f), f);
  });

  it('prints the env lines in text mode', async () => {
    const r = await runCli(['devcert', 'localhost', '--out', 'o', '--ca-dir', path.join(tmp, 'ca')], tmp);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Using the development CA in /);
    assert.match(r.stdout, new RegExp(`export REQUESTS_CA_BUNDLE="${path.join(tmp, 'o', 'bundle.pem')}"`));
  });

  it('exits 2 without a host or with a bad host, and 2 (an I/O error, as documented) naming an unwritable output folder', async () => {
    const none = await runCli(['devcert', '--ca-dir', path.join(tmp, 'ca')], tmp);
    assert.strictEqual(none.code, 2);
    assert.match(none.stderr, /give at least one HOST/);
    const bad = await runCli(['devcert', 'not a host', '--ca-dir', path.join(tmp, 'ca')], tmp);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /"not a host" is not a valid host name/);
    fs.writeFileSync(path.join(tmp, 'file'), '');
    const unwritable = await runCli(
      ['devcert', 'localhost', '--out', 'file/sub', '--ca-dir', path.join(tmp, 'ca')],
      tmp,
    );
    assert.strictEqual(unwritable.code, 2);
    assert.match(unwritable.stderr, /cannot write to the output folder .*file\/sub: ENOTDIR/);
  });
});
