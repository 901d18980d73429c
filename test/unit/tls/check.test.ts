import * as assert from 'assert';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { checkUrl } from '../../../src/core/tls/index';
import { referenceStores } from '../../../src/core/tls/stores';
import type { CheckOptions, CheckReport } from '../../../src/core/tls/index';
import { createTestPki, Matrix, startMatrix } from '../../fixtures/tls';

/** Isolated from the machine: no environment variables, no certifi, an empty OS store, short timeouts. */
const ISOLATED: CheckOptions = { env: {}, certifiPath: null, osStorePaths: [], timeoutMs: 1500 };

const codes = (r: CheckReport) => r.causes.map((c) => c.code);
const verdicts = (r: CheckReport) => Object.fromEntries(Object.values(r.trust).map((v) => [v.store, v.trusted]));

describe('checkUrl against the local matrix', function () {
  this.timeout(20000);
  let m: Matrix;
  const check = (scenario: keyof Matrix['urls'], o: CheckOptions = {}) =>
    checkUrl(m.urls[scenario], { ...ISOLATED, ...o });
  const withRoot = (scenario: keyof Matrix['urls'], o: CheckOptions = {}) =>
    check(scenario, { extraCaFiles: [m.rootFile], ...o });

  before(async () => {
    m = await startMatrix();
  });
  after(() => m?.close());

  it("ok: a good chain under the supplied root is ok, and Node's bundled store still rejects it", async () => {
    const r = await withRoot('ok');
    assert.deepStrictEqual(codes(r), []);
    assert.strictEqual(r.verdict, 'ok');
    assert.deepStrictEqual(verdicts(r), { node: false, os: null, certifi: null, '--ca': true });
    assert.match(r.trust.node.error ?? '', /UNABLE_TO_GET_ISSUER_CERT_LOCALLY/);
    assert.strictEqual(r.chain.length, 2);
    assert.match(r.chain[0].subject, /CN=localhost/);
    assert.deepStrictEqual(r.chain[0].sans, ['DNS:localhost', 'IP:127.0.0.1']);
    assert.strictEqual(r.chain[0].extKeyUsage?.[0], 'serverAuth');
    assert.deepStrictEqual(r.chain[0].keyUsage, ['digitalSignature', 'keyEncipherment']);
    assert.match(r.chain[1].subject, /Test Intermediate/);
    assert.ok(r.chain[1].isCA);
    assert.match(r.protocol ?? '', /^TLSv1\.[23]$/);
  });

  it('root-not-sent: without the root it is untrusted-root', async () => {
    const r = await check('root-not-sent');
    assert.deepStrictEqual(codes(r), ['untrusted-root']);
    assert.strictEqual(r.verdict, 'fail');
  });

  it('root-sent: the chain shows the root, the error is SELF_SIGNED_CERT_IN_CHAIN, the cause untrusted-root', async () => {
    const r = await check('root-sent');
    assert.deepStrictEqual(codes(r), ['untrusted-root']);
    assert.strictEqual(r.chain.length, 3);
    assert.ok(r.chain[2].selfSigned);
    assert.match(r.trust.node.error ?? '', /SELF_SIGNED_CERT_IN_CHAIN/);
    assert.deepStrictEqual(codes(await withRoot('root-sent')), []);
  });

  it('self-signed leaf', async () => {
    const r = await withRoot('self-signed');
    assert.deepStrictEqual(codes(r), ['self-signed']);
    assert.ok(r.chain[0].selfSigned && r.chain.length === 1);
    assert.deepStrictEqual(verdicts(r), { node: false, os: null, certifi: null, '--ca': false });
  });

  it("an unreadable --ca file falls back to Node's roots: it never turns an untrusted chain into ok", async () => {
    const r = await check('root-not-sent', { extraCaFiles: ['/nonexistent/extra-ca.pem'] });
    assert.strictEqual(r.verdict, 'fail');
    assert.deepStrictEqual(codes(r), ['untrusted-root']);
    assert.deepStrictEqual(verdicts(r), { node: false, os: null, certifi: null, '--ca': null });
    assert.match(r.trust['--ca'].note ?? '', /ENOENT/);
  });

  it('incomplete-chain: fetches the intermediate from the AIA URL; without the root, the root is unknown too', async () => {
    const withCa = await withRoot('incomplete-chain');
    assert.deepStrictEqual(codes(withCa), ['incomplete-chain']);
    assert.match(withCa.causes[0].message, /http:\/\/127\.0\.0\.1:\d+\/intermediate\.cer/);
    const without = await check('incomplete-chain');
    assert.deepStrictEqual(codes(without).sort(), ['incomplete-chain', 'untrusted-root']);
  });

  const single: [keyof Matrix['urls'], string][] = [
    ['expired', 'expired'],
    ['not-yet-valid', 'not-yet-valid'],
    ['wrong-host', 'hostname-mismatch'],
    ['no-san', 'hostname-mismatch'],
    ['weak-signature', 'weak-signature'],
    ['weak-key', 'weak-key'],
    ['wrong-purpose', 'wrong-purpose'],
    ['not-tls', 'not-tls'],
    ['closed', 'connection-refused'],
    ['tls10-only', 'protocol-version'],
    ['no-shared-cipher', 'handshake-failure'],
  ];
  for (const [scenario, code] of single) {
    it(`${scenario} → ${code}`, async () => {
      const r = await withRoot(scenario);
      assert.deepStrictEqual(codes(r), [code]);
      assert.ok(r.causes[0].fixes.length > 0);
    });
  }

  it("per-store verdicts carry OpenSSL's own reason (weak signature, purpose, expiry)", async () => {
    assert.match((await withRoot('weak-signature')).trust['--ca'].error ?? '', /digest algorithm too weak/);
    assert.match((await withRoot('wrong-purpose')).trust['--ca'].error ?? '', /INVALID_PURPOSE/);
    assert.match((await withRoot('expired')).trust['--ca'].error ?? '', /CERT_HAS_EXPIRED/);
    assert.strictEqual(
      (await withRoot('weak-key')).trust['--ca'].trusted,
      true,
      "Node's OpenSSL accepts RSA-1024; our own check flags it",
    );
  });

  it('silent port → timeout within the budget', async () => {
    const t0 = Date.now();
    const r = await withRoot('silent', { timeoutMs: 300 });
    assert.deepStrictEqual(codes(r), ['timeout']);
    assert.ok(Date.now() - t0 < 2000);
  });

  it('inconsistent: a round-robin balancer over two leaves is caught with repeat 2', async () => {
    const r = await withRoot('inconsistent', { repeat: 2 });
    assert.deepStrictEqual(codes(r), ['inconsistent-certificates']);
    const leaves = new Set(r.connections?.map((c) => c.leafSha256));
    assert.strictEqual(leaves.size, 2);
  });

  it("trusted-by-os-not-by-client: the OS store has the root, Node's bundle and certifi do not", async () => {
    const r = await check('ok', { osStorePaths: [m.rootFile], certifiPath: m.intermediateFile });
    assert.deepStrictEqual(codes(r), ['trusted-by-os-not-by-client']);
    assert.deepStrictEqual(verdicts(r), { node: false, os: true, certifi: false });
    assert.ok(r.causes[0].fixes.some((f) => f.client === 'node' && /NODE_EXTRA_CA_CERTS/.test(f.snippet ?? '')));
    assert.ok(r.causes[0].fixes.some((f) => /truststore/.test(f.text)));
  });

  it('reads the bundles environment variables name, and shows their effective values', async () => {
    const env = {
      REQUESTS_CA_BUNDLE: m.rootFile,
      SSL_CERT_FILE: '/nonexistent/bundle.pem',
      CURL_CA_BUNDLE: '',
      NODE_EXTRA_CA_CERTS: m.rootFile,
    };
    const r = await check('ok', { env });
    assert.strictEqual(r.trust.REQUESTS_CA_BUNDLE.trusted, true);
    assert.strictEqual(r.trust.NODE_EXTRA_CA_CERTS.trusted, true);
    assert.strictEqual(r.trust.SSL_CERT_FILE.trusted, null);
    assert.match(r.trust.SSL_CERT_FILE.note ?? '', /ENOENT/);
    assert.match(r.trust.CURL_CA_BUNDLE.note ?? '', /empty.*disables verification/);
    assert.deepStrictEqual(r.environment, env);
  });

  it('goes through HTTPS_PROXY with CONNECT, and not for NO_PROXY hosts', async () => {
    const before = m.proxyLog.length;
    const via = await withRoot('ok', { env: { HTTPS_PROXY: m.proxyUrl } });
    assert.strictEqual(via.verdict, 'ok');
    assert.strictEqual(via.proxy, m.proxyUrl);
    assert.ok(m.proxyLog.length > before);
    const after = m.proxyLog.length;
    const direct = await withRoot('ok', { env: { https_proxy: m.proxyUrl, NO_PROXY: 'example.com,127.0.0.1' } });
    assert.strictEqual(direct.proxy, undefined);
    assert.strictEqual(m.proxyLog.length, after);
  });

  it('dns-failure from the resolver, without touching the network', async () => {
    const lookup = async (h: string) => {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${h}`), { code: 'ENOTFOUND' });
    };
    const r = await checkUrl('https://no-such-host.test/', { ...ISOLATED, lookup });
    assert.deepStrictEqual(codes(r), ['dns-failure']);
  });

  it("extraCaAlone: the --ca store is the files alone (a fix's proof), else the files plus Node's roots", async () => {
    const [, alone] = await referenceStores({ extraCaFiles: [m.rootFile], extraCaAlone: true });
    const [, added] = await referenceStores({ extraCaFiles: [m.rootFile] });
    assert.strictEqual(alone.pems?.length, 1);
    assert.strictEqual(added.pems?.length, tls.rootCertificates.length + 1);
    const r = await withRoot('ok', { extraCaAlone: true });
    assert.strictEqual(r.verdict, 'ok');
    assert.strictEqual(verdicts(r)['--ca'], true);
    // The files alone do not vouch for a chain under another root.
    const otherRoot = path.join(os.tmpdir(), `tls-doctor-other-root-${process.pid}.pem`);
    await fs.writeFile(otherRoot, createTestPki().root.certPem);
    try {
      const other = await check('ok', { extraCaFiles: [otherRoot], extraCaAlone: true });
      assert.strictEqual(verdicts(other)['--ca'], false);
      // An unreadable bundle has no verdict of its own (the check falls back to Node's roots): never "trusted".
      const missing = await check('ok', { extraCaFiles: ['/nonexistent/bundle.pem'], extraCaAlone: true });
      assert.notStrictEqual(verdicts(missing)['--ca'], true);
    } finally {
      await fs.rm(otherRoot, { force: true });
    }
  });

  it('probes every resolved address', async () => {
    const port = new URL(m.urls.ok).port;
    const r = await checkUrl(`https://localhost:${port}/`, {
      ...ISOLATED,
      extraCaFiles: [m.rootFile],
      lookup: async () => ['127.0.0.1', '127.0.0.1', '127.0.0.2'],
    });
    assert.deepStrictEqual(r.addresses, ['127.0.0.1', '127.0.0.2']);
    const probed = new Set(r.connections?.filter((c) => c.purpose === 'sent-chain').map((c) => c.address));
    assert.deepStrictEqual([...probed].sort(), ['127.0.0.1', '127.0.0.2']);
  });

  it('cancels with an AbortSignal', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const t0 = Date.now();
    const r = await withRoot('silent', { signal: ac.signal, timeoutMs: 5000 });
    assert.ok(Date.now() - t0 < 1500);
    assert.strictEqual(r.verdict, 'fail');
  });

  it('rejects a malformed URL with a readable message', async () => {
    await assert.rejects(checkUrl('https://exa mple.com'), /not a valid (URL|host)/);
  });
});
