// Hostile servers (issue 11), all on 127.0.0.1 with certificates made here: each check ends within its timeout plus
// a small margin, with a clear cause code, and no escape sequence from the server reaches the text report.
import * as assert from 'assert';
import * as net from 'net';
import * as tls from 'tls';
import forge from 'node-forge';
import { checkUrl } from '../../../src/core/tls/index';
import type { CheckOptions, CheckReport } from '../../../src/core/tls/index';
import { renderText } from '../../../src/cli/check';
import { runCli } from '../cliHarness';
import { createTestPki, TestPki } from '../../fixtures/tls';

const TIMEOUT_MS = 800;
/** Isolated from the machine's stores and variables, short timeouts. */
const ISOLATED: CheckOptions = { env: {}, certifiPath: null, osStorePaths: [], timeoutMs: TIMEOUT_MS };
/** Time a check may take beyond its timeout (store handshakes, chain parsing on a loaded machine). */
const MARGIN_MS = 1500;

const codes = (r: CheckReport) => r.causes.map((c) => c.code);

async function listen(server: net.Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `https://127.0.0.1:${(server.address() as net.AddressInfo).port}/`;
}

/** Runs a check and asserts it ended in time. */
async function timedCheck(url: string, o: CheckOptions = {}): Promise<CheckReport> {
  const started = Date.now();
  const r = await checkUrl(url, { ...ISOLATED, ...o });
  const ms = Date.now() - started;
  assert.ok(ms < TIMEOUT_MS + MARGIN_MS, `took ${ms} ms`);
  return r;
}

/** `n` CA certificates with distinct names, each naming the next as its issuer. Signed once and re-named (their
 * signatures do not verify, as a hostile server's would not): signing 100 certificates in JS takes seconds. */
function longChain(n: number): string[] {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 });
  const c = forge.pki.createCertificate();
  c.publicKey = keys.publicKey;
  c.validity.notBefore = new Date(Date.now() - 86_400_000);
  c.validity.notAfter = new Date(Date.now() + 86_400_000);
  c.setExtensions([{ name: 'basicConstraints', cA: true }]);
  c.serialNumber = '01';
  c.sign(keys.privateKey, forge.md.sha256.create());
  return Array.from({ length: n }, (_, i) => {
    c.serialNumber = `1${(i + 1).toString(16).padStart(6, '0')}`;
    c.setSubject([{ name: 'commonName', value: `Hostile CA ${i}` }]);
    c.setIssuer([{ name: 'commonName', value: `Hostile CA ${i + 1}` }]);
    return forge.pki.certificateToPem(c);
  });
}

describe('checks against hostile servers', function () {
  this.timeout(30_000);
  let pki: TestPki;
  const servers: net.Server[] = [];
  const sockets = new Set<net.Socket>();
  const track = <T extends net.Server>(s: T): T => {
    servers.push(s);
    s.on('connection', (c: net.Socket) => {
      sockets.add(c);
      c.on('close', () => sockets.delete(c));
      c.on('error', () => undefined);
    });
    return s;
  };
  const tlsServer = (key: string, certs: readonly string[]) =>
    track(tls.createServer({ key, cert: certs.join('\n') }, (s) => s.end()));

  before(() => {
    pki = createTestPki();
  });
  after(() => {
    for (const s of sockets) s.destroy();
    for (const s of servers) s.close();
  });

  it('garbage bytes instead of a handshake: not-tls, in time', async () => {
    const url = await listen(
      track(
        net.createServer((s) => {
          s.on('data', () => s.write(Buffer.from('\x00\xff\x13\x37garbage\x01\x02\x03'.repeat(64), 'latin1')));
        }),
      ),
    );
    const r = await timedCheck(url);
    assert.deepStrictEqual(codes(r), ['not-tls']);
  });

  it('plain HTTP: not-tls', async () => {
    const url = await listen(
      track(
        net.createServer((s) => {
          s.on('data', () => s.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n'));
        }),
      ),
    );
    assert.deepStrictEqual(codes(await timedCheck(url)), ['not-tls']);
  });

  it('a silent server (accepts, never answers): timeout', async () => {
    const url = await listen(track(net.createServer((s) => s.resume())));
    assert.deepStrictEqual(codes(await timedCheck(url)), ['timeout']);
  });

  it('slowloris (a TLS record header dribbled one byte every 50 ms): timeout, not a hang', async () => {
    const url = await listen(
      track(
        net.createServer((s) => {
          const bytes = Buffer.from([0x16, 0x03, 0x03, 0x40, 0x00, ...Buffer.alloc(2000, 0x02)]);
          let i = 0;
          const timer = setInterval(
            () => (i < bytes.length && !s.destroyed ? s.write(bytes.subarray(i, ++i)) : clearInterval(timer)),
            50,
          );
          s.on('close', () => clearInterval(timer));
        }),
      ),
    );
    assert.deepStrictEqual(codes(await timedCheck(url)), ['timeout']);
  });

  it('closes mid-handshake (after the ClientHello): a handshake-level cause, not a hang', async () => {
    const url = await listen(
      track(
        net.createServer((s) => {
          s.once('data', () => s.destroy());
        }),
      ),
    );
    const r = await timedCheck(url);
    assert.deepStrictEqual(codes(r), ['handshake-failure']);
    assert.match(r.causes[0].message, /closed the connection during the TLS handshake/);
  });

  it('a 100-certificate chain: read, reported as untrusted, in time', async () => {
    const leaf = pki.leaf();
    const url = await listen(tlsServer(leaf.keyPem, [leaf.certPem, ...longChain(99)]));
    const r = await timedCheck(url);
    assert.strictEqual(r.verdict, 'fail');
    assert.deepStrictEqual(codes(r), ['untrusted-root']);
    assert.ok(r.chain.length >= 1 && r.chain.length <= 100, `${r.chain.length} certificates shown`);
  });

  it('5,000 subjectAltNames: the names are listed and the host is matched, in time', async () => {
    const hosts = ['127.0.0.1', ...Array.from({ length: 4999 }, (_, i) => `h${i}.example.test`)];
    const leaf = pki.leaf({ hosts });
    const url = await listen(tlsServer(leaf.keyPem, [leaf.certPem, pki.intermediate.certPem]));
    const r = await timedCheck(url, { extraCaFiles: [] });
    assert.strictEqual(r.chain[0]?.sans.length, 5000);
    assert.deepStrictEqual(codes(r), ['untrusted-root']);
  });

  it("a certificate over 100 KB: refused by OpenSSL's size limit as certificate-too-large, not a hang", async () => {
    const hosts = ['127.0.0.1', ...Array.from({ length: 4000 }, (_, i) => `a-rather-long-host-name-${i}.example.test`)];
    const leaf = pki.leaf({ hosts });
    assert.ok(leaf.certPem.length > (100 * 1024 * 4) / 3, `${leaf.certPem.length} PEM chars`);
    const url = await listen(tlsServer(leaf.keyPem, [leaf.certPem]));
    const r = await timedCheck(url);
    assert.deepStrictEqual(codes(r), ['certificate-too-large']);
    assert.match(r.causes[0].message, /excessive message size/);
  });

  it('ANSI and HTML in the subject: the text report carries no escape sequence', async () => {
    const evil = '\u001b[2J\u001b]0;pwned\u0007<script>alert(1)</script>';
    const leaf = pki.leaf({ commonName: evil, hosts: ['127.0.0.1'], selfSigned: true });
    const url = await listen(tlsServer(leaf.keyPem, [leaf.certPem]));
    const r = await timedCheck(url);
    assert.deepStrictEqual(codes(r), ['self-signed']);
    const text = renderText(r, (_style, s) => s);
    // eslint-disable-next-line no-control-regex
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f]/.test(text), JSON.stringify(text.slice(0, 300)));
    assert.match(text, /CN=\\1B\[2J.*alert\(1\)/, 'the subject is shown, its control bytes escaped (RFC 2253 style)');
    const cli = await runCli(['check', url, '--timeout', String(TIMEOUT_MS)]);
    assert.strictEqual(cli.code, 1);
    assert.ok(!cli.stdout.includes('\u001b') && !cli.stdout.includes('\u0007'), 'no escape reaches stdout');
  });
});
