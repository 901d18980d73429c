// CA integrity and hygiene (mismatched key, loose modes, CA inside a repository), the CLI's .gitignore entry, and
// safe reruns (the hosts manifest, --replace, never a silent replacement).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ensureCa } from '../../../src/core/certs/ca';
import { writeDevCert } from '../../../src/core/certs/devcert';
import { issueLeaf } from '../../../src/core/certs/leaf';
import { runCliWith } from '../cliHarness';

const mode = (p: string) => fs.statSync(p).mode & 0o777;

function cli(argv: string[], cwd: string, env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: os.tmpdir() }) {
  return runCliWith(argv, { cwd, env });
}

describe('certs/integrity: a CA key that does not match its certificate', function () {
  this.timeout(30_000);
  let tmp: string;
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-integrity-'));
    await Promise.all([ensureCa(path.join(tmp, 'a')), ensureCa(path.join(tmp, 'b'))]);
    // Folder "mixed": a's certificate with b's key.
    fs.mkdirSync(path.join(tmp, 'mixed'), { mode: 0o700 });
    fs.copyFileSync(path.join(tmp, 'a', 'rootCA.pem'), path.join(tmp, 'mixed', 'rootCA.pem'));
    fs.copyFileSync(path.join(tmp, 'b', 'rootCA-key.pem'), path.join(tmp, 'mixed', 'rootCA-key.pem'));
    fs.chmodSync(path.join(tmp, 'mixed', 'rootCA-key.pem'), 0o400);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('is refused by the core before any file is written', async () => {
    await assert.rejects(
      issueLeaf(path.join(tmp, 'mixed'), ['localhost']),
      /CA key .*rootCA-key\.pem does not belong to the CA certificate/,
    );
    const out = path.join(tmp, 'out-core');
    await assert.rejects(
      writeDevCert({ hosts: ['localhost'], outDir: out, caDir: path.join(tmp, 'mixed') }),
      (e: Error & { code?: string }) => e.code === 'CA_KEY_MISMATCH',
    );
    assert.deepStrictEqual(fs.existsSync(out) ? fs.readdirSync(out) : [], []);
  });

  it('makes the CLI exit 2 with the message, for leaves and for --install', async () => {
    const r = await cli(
      ['devcert', 'localhost', '--out', path.join(tmp, 'out-cli'), '--ca-dir', path.join(tmp, 'mixed')],
      tmp,
    );
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /^tls-doctor devcert: the CA key .* does not belong to the CA certificate in .*mixed/);
    const i = await cli(['devcert', '--install', '--stores', 'system', '--ca-dir', path.join(tmp, 'mixed')], tmp);
    assert.strictEqual(i.code, 2, 'a broken CA is not put into trust stores either');
    assert.match(i.stderr, /does not belong to the CA certificate/);
  });
});

describe('certs/integrity: loose modes are tightened with a warning', function () {
  this.timeout(30_000);
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-modes-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('a 0644 key and a 0777 folder become 0400 and 0700, and the result says so', async function () {
    if (process.platform === 'win32') return this.skip(); // reason: no POSIX modes on Windows
    const caDir = path.join(tmp, 'ca');
    await ensureCa(caDir);
    fs.chmodSync(path.join(caDir, 'rootCA-key.pem'), 0o644);
    fs.chmodSync(caDir, 0o777);
    const r = await writeDevCert({ hosts: ['localhost'], outDir: path.join(tmp, 'out'), caDir });
    assert.strictEqual(mode(path.join(caDir, 'rootCA-key.pem')), 0o400);
    assert.strictEqual(mode(caDir), 0o700);
    assert.match(r.warnings.join('\n'), /CA key .*rootCA-key\.pem was 0644, looser than 0400; changed it to 0400/);
    assert.match(r.warnings.join('\n'), /CA folder .*ca was 0777, looser than 0700; changed it to 0700/);
    const again = await writeDevCert({ hosts: ['localhost'], outDir: path.join(tmp, 'out'), caDir });
    assert.deepStrictEqual(again.warnings, [], 'no warning once the modes are right');
  });

  it('the CLI prints the warning on stderr in JSON mode', async function () {
    if (process.platform === 'win32') return this.skip(); // reason: no POSIX modes on Windows
    const caDir = path.join(tmp, 'ca');
    fs.chmodSync(path.join(caDir, 'rootCA-key.pem'), 0o600);
    const r = await cli(
      ['devcert', 'localhost', '--out', path.join(tmp, 'out2'), '--ca-dir', caDir, '--format', 'json'],
      tmp,
    );
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stderr, /warning: the CA key .* was 0600, looser than 0400/);
  });
});

describe('certs/integrity: CA folder inside a repository; the out folder in .gitignore', function () {
  this.timeout(30_000);
  let tmp: string;
  let repo: string;
  let caOutside: string;
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-repo-'));
    repo = path.join(tmp, 'repo');
    fs.mkdirSync(path.join(repo, '.git'), { recursive: true }); // what git rev-parse looks for
    fs.mkdirSync(path.join(repo, 'sub'));
    fs.writeFileSync(path.join(repo, '.gitignore'), 'node_modules/\n');
    caOutside = path.join(tmp, 'ca');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('refuses --ca-dir ./myca inside a git work tree with exit 2, writing no CA there', async () => {
    const r = await cli(['devcert', 'localhost', '--ca-dir', './myca'], repo);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /refusing to keep the CA key in .*myca: it is inside the git work tree .*repo/);
    assert.strictEqual(fs.existsSync(path.join(repo, 'myca')), false);
  });

  it('refuses TLS_DOCTOR_CAROOT=. (and a CA folder above the repository) with exit 2', async () => {
    const env = { PATH: process.env.PATH, HOME: tmp, TLS_DOCTOR_CAROOT: '.' };
    const dot = await cli(['devcert', 'localhost', '--out', path.join(tmp, 'elsewhere')], path.join(repo, 'sub'), env);
    assert.strictEqual(dot.code, 2, dot.stderr);
    assert.match(dot.stderr, /refusing to keep the CA key/);
    const above = await cli(['devcert', 'localhost', '--ca-dir', tmp, '--out', path.join(repo, '.certs')], repo);
    assert.strictEqual(above.code, 2);
    assert.match(above.stderr, /overlaps the (workspace|output folder)/);
  });

  it('refuses a git work tree in the core too (the extension path), and --install does', async () => {
    await assert.rejects(
      writeDevCert({ hosts: ['localhost'], outDir: path.join(tmp, 'o'), caDir: path.join(repo, 'ca') }),
      (e: Error & { code?: string }) => e.code === 'CA_IN_GIT_WORK_TREE',
    );
    const i = await cli(['devcert', '--install', '--ca-dir', path.join(repo, 'ca2')], tmp);
    assert.strictEqual(i.code, 2);
    assert.strictEqual(fs.existsSync(path.join(repo, 'ca2', 'rootCA-key.pem')), false);
  });

  it('adds the out folder to the repository .gitignore once, keeping what was there', async () => {
    const r = await cli(['devcert', 'localhost', '--ca-dir', caOutside, '--out', 'sub/.certs'], repo);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /Added \/sub\/\.certs\/ to .*\.gitignore/);
    const want = 'node_modules/\n\n# TLS Doctor development certificates and private keys\n/sub/.certs/\n';
    assert.strictEqual(fs.readFileSync(path.join(repo, '.gitignore'), 'utf8'), want);
    const again = await cli(
      ['devcert', 'localhost', '--ca-dir', caOutside, '--out', 'sub/.certs', '--format', 'json'],
      repo,
    );
    assert.strictEqual(JSON.parse(again.stdout).gitignore.updated, false);
    assert.strictEqual(fs.readFileSync(path.join(repo, '.gitignore'), 'utf8'), want);
  });

  it('writes no .gitignore outside a git work tree', async () => {
    const plain = path.join(tmp, 'plain');
    fs.mkdirSync(plain);
    const r = await cli(['devcert', 'localhost', '--ca-dir', caOutside, '--format', 'json'], plain);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(JSON.parse(r.stdout).gitignore, null);
    assert.strictEqual(fs.existsSync(path.join(plain, '.gitignore')), false);
  });
});

describe('certs/manifest: safe reruns', function () {
  this.timeout(30_000);
  let tmp: string;
  let caDir: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-rerun-'));
    caDir = path.join(tmp, 'ca');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const sans = (file: string) =>
    new (require('crypto').X509Certificate)(fs.readFileSync(file)).subjectAltName as string;

  it('writes hosts.json beside the leaf; a rerun adds hosts and reports the replaced leaf', async () => {
    const out = path.join(tmp, 'out');
    const first = await writeDevCert({ hosts: ['localhost', '127.0.0.1'], outDir: out, caDir });
    assert.strictEqual(first.replaced, undefined);
    const m = JSON.parse(fs.readFileSync(path.join(out, 'hosts.json'), 'utf8'));
    assert.deepStrictEqual(m, {
      version: 1,
      hosts: ['localhost', '127.0.0.1'],
      caSha256: first.caSha256,
      notAfter: first.notAfter,
    });
    const second = await writeDevCert({ hosts: ['api.test', 'localhost'], outDir: out, caDir });
    assert.deepStrictEqual(second.hosts, ['localhost', '127.0.0.1', 'api.test']);
    assert.deepStrictEqual(second.replaced?.hosts, ['localhost', '127.0.0.1']);
    assert.strictEqual(sans(second.cert), 'DNS:localhost, IP Address:127.0.0.1, DNS:api.test');
  });

  it('--replace issues for the given hosts only; the CLI names old and new hosts', async () => {
    const r = await cli(['devcert', 'app.test', '--replace', '--out', 'out', '--ca-dir', caDir], tmp);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /Replaced the certificate in .*out: old hosts localhost, 127\.0\.0\.1, api\.test; new hosts app\.test \(added app\.test\) \(dropped localhost, 127\.0\.0\.1, api\.test because of --replace\)/,
    );
    assert.strictEqual(sans(path.join(tmp, 'out', 'cert.pem')), 'DNS:app.test');
    const j = await cli(['devcert', 'localhost', '--out', 'out', '--ca-dir', caDir, '--format', 'json'], tmp);
    assert.deepStrictEqual(JSON.parse(j.stdout).replaced.hosts, ['app.test']);
    assert.deepStrictEqual(JSON.parse(j.stdout).hosts, ['app.test', 'localhost']);
  });

  it('a rerun rewrites cert and key but leaves an unchanged CA copy and bundle in place (same inode)', async () => {
    const out = path.join(tmp, 'inode');
    await writeDevCert({ hosts: ['localhost'], outDir: out, caDir });
    const ino = (f: string) => fs.statSync(path.join(out, f)).ino;
    const before = ['bundle.pem', 'ca.pem', 'cert.pem'].map(ino);
    fs.appendFileSync(path.join(out, 'ca.pem'), '\n'); // an edited copy is put right
    await writeDevCert({ hosts: ['localhost'], outDir: out, caDir });
    assert.strictEqual(ino('bundle.pem'), before[0]);
    assert.notStrictEqual(ino('ca.pem'), before[1]);
    assert.notStrictEqual(ino('cert.pem'), before[2]);
    assert.strictEqual(
      fs.readFileSync(path.join(out, 'ca.pem'), 'utf8'),
      fs.readFileSync(path.join(caDir, 'rootCA.pem'), 'utf8'),
    );
  });

  it('a leaf without a manifest (older TLS Doctor) keeps the hosts from its SANs', async () => {
    const out = path.join(tmp, 'old');
    await writeDevCert({ hosts: ['old.test', '10.0.0.5'], outDir: out, caDir });
    fs.rmSync(path.join(out, 'hosts.json'));
    const r = await writeDevCert({ hosts: ['new.test'], outDir: out, caDir });
    assert.deepStrictEqual(r.replaced?.hosts, ['old.test', '10.0.0.5']);
    assert.deepStrictEqual(r.hosts, ['old.test', '10.0.0.5', 'new.test']);
  });
});
