// mTLS and formats: `devcert --client NAME` (EKU clientAuth), `--pkcs12` (read back by OpenSSL), and
// `check --cert/--key`, which presents that client certificate to a server that asks for one.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { X509Certificate } from 'crypto';
import * as fs from 'fs';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import forge from 'node-forge';
import * as tls from 'tls';
import { pkcs12Kdf } from '../../../src/core/certs/pkcs12';
import { cli, cleanEnv } from './storefixture';

const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe('certs/mtls: client certificates, PKCS#12 and check --cert/--key', function () {
  this.timeout(30_000);
  let tmp: string;
  let env: NodeJS.ProcessEnv;
  let client: { cert: string; key: string; ca: string; pkcs12: string };
  const args = () => ['--ca-dir', path.join(tmp, 'ca'), '--out', path.join(tmp, 'out')];

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-mtls-'));
    env = cleanEnv(tmp);
    fs.writeFileSync(path.join(tmp, 'pw'), 'dev secret\n');
    const r = await cli(
      ['devcert', '--client', 'alice', '--pkcs12', '--pkcs12-password-file', 'pw', '--format', 'json', ...args()],
      tmp,
      env,
    );
    assert.strictEqual(r.code, 0, r.stderr);
    client = JSON.parse(r.stdout);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('--client NAME: client-NAME files, CN=NAME, EKU clientAuth only, verified for sslclient by openssl', () => {
    assert.deepStrictEqual(
      [client.cert, client.key].map((f) => path.basename(f)),
      ['client-alice.pem', 'client-alice-key.pem'],
    );
    assert.strictEqual(mode(client.key), 0o600);
    const x = new X509Certificate(fs.readFileSync(client.cert));
    assert.match(x.subject, /^CN=alice$/m);
    assert.deepStrictEqual(x.keyUsage, ['1.3.6.1.5.5.7.3.2']);
    assert.strictEqual(x.subjectAltName, undefined);
    const ok = execFileSync(
      'openssl',
      ['verify', '-x509_strict', '-purpose', 'sslclient', '-CAfile', client.ca, client.cert],
      { encoding: 'utf8' },
    );
    assert.match(ok, /: OK/);
    assert.throws(
      () =>
        execFileSync('openssl', ['verify', '-purpose', 'sslserver', '-CAfile', client.ca, client.cert], {
          stdio: 'pipe',
        }),
      'not a server certificate',
    );
  });

  it("--pkcs12: a 0600 .p12 that OpenSSL opens with the file's password (first line), holding key, leaf and CA", () => {
    assert.strictEqual(path.basename(client.pkcs12), 'client-alice.p12');
    assert.strictEqual(mode(client.pkcs12), 0o600);
    fs.writeFileSync(path.join(tmp, 'pw-raw'), 'dev secret');
    const out = execFileSync(
      'openssl',
      ['pkcs12', '-in', client.pkcs12, '-passin', `file:${path.join(tmp, 'pw-raw')}`, '-nodes'],
      { encoding: 'utf8', stdio: 'pipe' },
    );
    assert.strictEqual(out.match(/BEGIN CERTIFICATE/g)?.length, 2);
    assert.strictEqual(out.match(/BEGIN PRIVATE KEY/g)?.length, 1);
    assert.match(out, /friendlyName: alice/);
    fs.writeFileSync(path.join(tmp, 'pw-wrong'), 'wrong');
    assert.throws(
      () =>
        execFileSync(
          'openssl',
          ['pkcs12', '-in', client.pkcs12, '-passin', `file:${path.join(tmp, 'pw-wrong')}`, '-nodes'],
          { stdio: 'pipe' },
        ),
      /mac verify failure|Mac verify error/i,
    );
  });

  it("the PKCS#12 KDF (RFC 7292 B.2) agrees with node-forge's independent implementation", () => {
    for (const [password, salt, iterations, length] of [
      ['smeg', '0a58cf64530d823f', 1, 32],
      ['dev secret', '00112233445566778899aabbccddeeff', 2048, 32],
      ['x', 'ff', 3, 70],
    ] as const) {
      const ours = pkcs12Kdf(password, Buffer.from(salt, 'hex'), 3, iterations, length);
      const theirs = forge.pkcs12.generateKey(
        password,
        forge.util.createBuffer(forge.util.hexToBytes(salt)),
        3,
        iterations,
        length,
        forge.md.sha256.create(),
      );
      assert.strictEqual(
        ours.toString('hex'),
        forge.util.bytesToHex(theirs.getBytes()),
        `${password}/${iterations}/${length}`,
      );
    }
  });

  it('a second --client NAME says it replaced the first; the server leaf and its hosts are untouched', async () => {
    const again = await cli(['devcert', '--client', 'alice', ...args()], tmp, env);
    assert.strictEqual(again.code, 0, again.stderr);
    assert.match(again.stdout, /Replaced the client certificate .*client-alice\.pem for alice/);
    assert.strictEqual(
      fs.existsSync(path.join(tmp, 'out', 'hosts.json')),
      false,
      'client certificates keep no hosts manifest',
    );
  });

  it('--pkcs12 without a password file, a non-ASCII password, --cert without --key: exit 2 with the reason', async () => {
    const none = await cli(['devcert', 'localhost', '--pkcs12', ...args()], tmp, env);
    assert.strictEqual(none.code, 2);
    assert.match(none.stderr, /--pkcs12 needs --pkcs12-password-file FILE/);
    fs.writeFileSync(path.join(tmp, 'pw-utf8'), 'sécret');
    const utf = await cli(
      ['devcert', 'localhost', '--pkcs12', '--pkcs12-password-file', 'pw-utf8', ...args()],
      tmp,
      env,
    );
    assert.strictEqual(utf.code, 2);
    assert.match(utf.stderr, /printable ASCII \(Java cannot open/);
    const half = await cli(['check', 'https://127.0.0.1:1/', '--cert', client.cert], tmp, env);
    assert.strictEqual(half.code, 2);
    assert.match(half.stderr, /--cert and --key go together/);
    const notPem = await cli(
      ['check', 'https://127.0.0.1:1/', '--cert', path.join(tmp, 'pw'), '--key', client.key],
      tmp,
      env,
    );
    assert.strictEqual(notPem.code, 2);
    assert.match(notPem.stderr, /--cert .*pw: expected PEM/);
  });

  it('check --cert/--key presents the client certificate to an mTLS server; without them it presents none', async () => {
    const leaf = await cli(['devcert', 'localhost', '127.0.0.1', '--format', 'json', ...args()], tmp, env);
    const server = JSON.parse(leaf.stdout);
    const seen: { cn?: string; authorized: boolean }[] = [];
    const srv = tls.createServer(
      {
        cert: fs.readFileSync(server.cert),
        key: fs.readFileSync(server.key),
        ca: fs.readFileSync(server.ca),
        requestCert: true,
        rejectUnauthorized: false,
        // TLS 1.2: the client's certificate arrives before the handshake ends on either side, so the server sees it
        // even though the probe hangs up right after its handshake (with 1.3 it may close first).
        maxVersion: 'TLSv1.2',
      },
      (s) => {
        const peer = s.getPeerCertificate();
        const cn = peer && 'subject' in peer ? peer.subject?.CN : undefined;
        seen.push({ cn: Array.isArray(cn) ? cn.join(',') : cn, authorized: s.authorized });
        s.end();
      },
    );
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    try {
      const url = `https://127.0.0.1:${(srv.address() as AddressInfo).port}/`;
      const withCert = await cli(
        ['check', url, '--ca', server.ca, '--cert', client.cert, '--key', client.key, '--format', 'json'],
        tmp,
        env,
      );
      assert.ok([0, 1].includes(withCert.code), withCert.stderr);
      assert.ok(seen.length > 0 && seen.every((s) => s.cn === 'alice' && s.authorized), JSON.stringify(seen));
      seen.length = 0;
      await cli(['check', url, '--ca', server.ca, '--format', 'json'], tmp, env);
      assert.ok(seen.length > 0 && seen.every((s) => s.cn === undefined && !s.authorized), JSON.stringify(seen));
    } finally {
      srv.close();
    }
  });
});
