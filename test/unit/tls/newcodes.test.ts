// Issue 10's new cause codes against the local matrix: tls-inspection (a CONNECT proxy re-signing with "Zscaler Root
// CA", and one whose root names no product), missing-intermediate, sni-required, protocol-version,
// certificate-too-large. Real clients are the ground truth where a client's behaviour is the claim.
import * as assert from 'assert';
import { execFile } from 'node:child_process';
import * as tls from 'node:tls';
import { checkUrl, explainError } from '../../../src/core/tls/index';
import type { CheckOptions, CheckReport } from '../../../src/core/tls/index';
import { inspectionVendor } from '../../../src/core/tls/inspection';
import { Matrix, startMatrix } from '../../fixtures/tls';

const ISOLATED: CheckOptions = { env: {}, certifiPath: null, osStorePaths: [], timeoutMs: 2000 };
const CLEAN_ENV = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp' };
const codes = (r: CheckReport) => r.causes.map((c) => c.code);
const portOf = (url: string) => Number(new URL(url).port);

/** Python's ssl module with its default context (the system's roots plus `ca`), from a clean environment. */
function pythonSsl(host: string, port: number, ca: string, serverHostname: string | null): Promise<string> {
  const code =
    'import ssl,socket,sys\nctx=ssl.create_default_context(cafile=sys.argv[3])\nctx.check_hostname=False\n' +
    's=socket.create_connection((sys.argv[1],int(sys.argv[2])),timeout=5)\n' +
    'try:\n  t=ctx.wrap_socket(s,server_hostname=(sys.argv[4] or None)); print("OK", t.version())\nexcept Exception as e: print("ERR", e)';
  return new Promise((resolve) =>
    execFile(
      'python3',
      ['-c', code, host, String(port), ca, serverHostname ?? ''],
      { env: CLEAN_ENV, timeout: 10_000 },
      (e, out) => resolve(e && !out ? `ERR ${e.message}` : out.trim()),
    ),
  );
}

describe('issue 10 cause codes (local matrix)', function () {
  this.timeout(60_000);
  let m: Matrix;
  const withRoot = (s: keyof Matrix['urls'], o: CheckOptions = {}) =>
    checkUrl(m.urls[s], { ...ISOLATED, extraCaFiles: [m.rootFile], ...o });

  before(async () => {
    m = await startMatrix();
  });
  after(async () => {
    await m?.close();
  });

  it('tls-inspection: a proxy re-signing with "Zscaler Root CA" is named, instead of untrusted-root', async () => {
    const r = await withRoot('tls-inspection', { env: { HTTPS_PROXY: m.inspectionProxyUrl } });
    assert.strictEqual(r.verdict, 'fail');
    assert.deepStrictEqual(codes(r), ['tls-inspection']);
    assert.strictEqual(r.causes[0].vendor, 'Zscaler');
    assert.match(r.causes[0].message, /"CN=Zscaler Root CA, O=TLS Doctor Test": Zscaler TLS inspection/);
    assert.ok(
      r.causes[0].fixes.some((f) => f.client === 'node'),
      'per-client fixes',
    );
    assert.deepStrictEqual(codes(await withRoot('tls-inspection')), [], 'the same server, directly, is fine');
  });

  it('tls-inspection: a re-signing proxy whose root names no product is found by comparing with a direct connection', async () => {
    const r = await withRoot('tls-inspection', { env: { HTTPS_PROXY: m.resigningProxyUrl } });
    assert.deepStrictEqual(codes(r), ['tls-inspection']);
    assert.strictEqual(r.causes[0].vendor, undefined);
    assert.match(
      r.causes[0].message,
      /through the configured proxy the chain is issued by "CN=Corp Inspection Root.*connected directly, by "CN=TLS Doctor Test Root/i,
    );
  });

  it('the vendor table names products, not public CAs', () => {
    assert.strictEqual(inspectionVendor('CN=Zscaler Intermediate Root CA (zscaler.net), O=Zscaler Inc.'), 'Zscaler');
    assert.strictEqual(inspectionVendor('CN=Fortinet_CA_SSL, O=Fortinet'), 'Fortinet');
    assert.strictEqual(inspectionVendor('CN=Avast Web/Mail Shield Root, O=Avast'), 'Avast (HTTPS scanning)');
    for (const pub of [
      'CN=DigiCert Global Root G2, O=DigiCert Inc',
      'CN=ISRG Root X1, O=Internet Security Research Group',
      'CN=Symantec Class 3 Secure Server CA - G4, O=Symantec Corporation',
    ]) {
      assert.strictEqual(inspectionVendor(pub), undefined, pub);
    }
    assert.ok(
      explainError('PKIX path building failed … issuer: CN=Zscaler Root CA').causes.some(
        (c) => c.code === 'tls-inspection',
      ),
    );
  });

  it('missing-intermediate: leaf alone, AIA fetch failed (or turned off); incomplete-chain stays for a fetched one', async () => {
    const r = await withRoot('missing-intermediate');
    assert.deepStrictEqual(codes(r), ['missing-intermediate']);
    assert.match(
      r.causes[0].message,
      /issuer "CN=TLS Doctor Test Intermediate.*is missing: fetching it from http:\/\/127\.0\.0\.1:\d+\/gone\.cer failed: HTTP 404/,
    );
    const off = await withRoot('missing-intermediate', { aia: false });
    assert.deepStrictEqual(codes(off), ['missing-intermediate']);
    assert.match(off.causes[0].message, /AIA fetch is turned off/);
    assert.deepStrictEqual(codes(await withRoot('incomplete-chain')), ['incomplete-chain']);
    const py = await pythonSsl('127.0.0.1', portOf(m.urls['missing-intermediate']), m.rootFile, null);
    assert.match(py, /^ERR .*unable to get local issuer certificate/, 'Python (no AIA fetching) rejects it');
  });

  it('sni-required: fails without SNI (IP target), works with the reverse name; Node agrees', async () => {
    const port = portOf(m.urls['sni-required']);
    const r = await withRoot('sni-required', { reverseLookup: async () => 'localhost' });
    assert.deepStrictEqual(codes(r), ['sni-required']);
    assert.match(r.causes[0].message, /without SNI.*Retried with SNI "localhost".*completed/);
    assert.deepStrictEqual(
      codes(await withRoot('sni-required', { reverseLookup: async () => undefined })),
      ['handshake-failure'],
      'no name: no claim',
    );
    const node = (servername?: string) =>
      new Promise<string>((resolve) => {
        const t = tls.connect({ host: '127.0.0.1', port, servername, rejectUnauthorized: false }, () => {
          resolve('OK');
          t.destroy();
        });
        t.on('error', (e) => resolve(`ERR ${e.message}`));
      });
    assert.match(await node(), /^ERR /);
    assert.strictEqual(await node('localhost'), 'OK');
    assert.match(
      await pythonSsl('127.0.0.1', port, m.rootFile, null),
      /^ERR /,
      'Python without server_hostname fails too',
    );
    assert.match(await pythonSsl('127.0.0.1', port, m.rootFile, 'localhost'), /^OK /);
  });

  it('protocol-version: a TLS 1.0-only server; the probe says what it speaks; Python refuses it too', async () => {
    const r = await withRoot('tls10-only');
    assert.deepStrictEqual(codes(r), ['protocol-version']);
    assert.match(r.causes[0].message, /completes with TLSv1: that is all the server speaks/);
    assert.match(
      await pythonSsl('127.0.0.1', portOf(m.urls['tls10-only']), m.rootFile, null),
      /^ERR .*(unsupported protocol|protocol version|no protocols available)/i,
    );
  });

  it("certificate-too-large: over OpenSSL's 100 KB limit; Python refuses it too", async () => {
    const r = await withRoot('too-large');
    assert.deepStrictEqual(codes(r), ['certificate-too-large']);
    assert.match(
      await pythonSsl('127.0.0.1', portOf(m.urls['too-large']), m.rootFile, null),
      /^ERR .*excessive message size/i,
    );
  });
});
