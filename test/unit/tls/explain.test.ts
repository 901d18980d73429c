import * as assert from 'assert';
import { execFile } from 'node:child_process';
import * as https from 'node:https';
import { CAUSES, explainError } from '../../../src/core/tls/index';
import type { CauseCode } from '../../../src/core/tls/index';
import { Matrix, startMatrix } from '../../fixtures/tls';

const first = (text: string) => explainError(text).causes[0]?.code;
const all = (text: string) => explainError(text).causes.map((c) => c.code);

/** Wordings from the field notes (Node err.code, Python/requests, curl, git with GnuTLS, Java, Go, OpenSSL 1.1.1). */
const WORDINGS: [string, CauseCode][] = [
  [
    "Error: self-signed certificate\n    at TLSSocket.onConnectSecure { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }",
    'self-signed',
  ],
  [
    'SSLError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self signed certificate (_ssl.c:1123)',
    'self-signed',
  ],
  ["Error: self signed certificate in certificate chain { code: 'SELF_SIGNED_CERT_IN_CHAIN' }", 'untrusted-root'],
  ['certificate verify failed: self-signed certificate in certificate chain (_ssl.c:1006)', 'untrusted-root'],
  ["Error: unable to get local issuer certificate { code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' }", 'untrusted-root'],
  ["Error: unable to verify the first certificate { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }", 'incomplete-chain'],
  [
    "fatal: unable to access 'https://git.corp/x.git/': server certificate verification failed. CAfile: none CRLfile: none",
    'untrusted-root',
  ],
  [
    'javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target',
    'untrusted-root',
  ],
  ['Get "https://x.corp/": x509: certificate signed by unknown authority', 'untrusted-root'],
  ["Error: certificate has expired { code: 'CERT_HAS_EXPIRED' }", 'expired'],
  ['certificate verify failed: certificate is not yet valid (_ssl.c:1006)', 'not-yet-valid'],
  [
    "Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames: Host: a.b. is not in the cert's altnames: DNS:c.d",
    'hostname-mismatch',
  ],
  [
    "certificate verify failed: Hostname mismatch, certificate is not valid for 'a.b'. (_ssl.c:1006)",
    'hostname-mismatch',
  ],
  [
    "certificate verify failed: IP address mismatch, certificate is not valid for '10.0.0.1'. (_ssl.c:1006)",
    'hostname-mismatch',
  ],
  ["curl: (60) SSL: no alternative certificate subject name matches target host name 'a.b'", 'hostname-mismatch'],
  [
    'javax.net.ssl.SSLHandshakeException: No subject alternative names matching IP address 10.0.0.1 found',
    'hostname-mismatch',
  ],
  ["Error: unsuitable certificate purpose { code: 'INVALID_PURPOSE' }", 'wrong-purpose'],
  ["Error: CA signature digest algorithm too weak { code: 'UNSPECIFIED' }", 'weak-signature'],
  ['certificate verify failed: EE certificate key too weak (_ssl.c:1006)', 'weak-key'],
  [
    "Error: write EPROTO 80:error:0A00010B:SSL routines:ssl3_get_record:wrong version number { code: 'ERR_SSL_WRONG_VERSION_NUMBER' }",
    'not-tls',
  ],
  ['SSLError: [SSL: TLSV1_ALERT_PROTOCOL_VERSION] tlsv1 alert protocol version (_ssl.c:1006)', 'handshake-failure'],
  ["Error: ... sslv3 alert handshake failure { code: 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE' }", 'handshake-failure'],
  ['Error: connect ECONNREFUSED 127.0.0.1:8443', 'connection-refused'],
  ['curl: (28) Connection timed out after 5001 milliseconds', 'timeout'],
  ['Error: getaddrinfo ENOTFOUND api.example.internal', 'dns-failure'],
  ['curl: (6) Could not resolve host: api.example.internal', 'dns-failure'],
];

describe('explainError', () => {
  for (const [text, code] of WORDINGS) {
    it(`${code} ← ${text.slice(0, 70)}`, () => assert.strictEqual(first(text), code));
  }

  it('tells "self-signed certificate" from "self-signed certificate in certificate chain"', () => {
    assert.ok(!all('self-signed certificate in certificate chain').includes('self-signed'));
    assert.ok(!all('self signed certificate in certificate chain').includes('self-signed'));
  });

  it('lists the OS-store case among the chain causes, and nothing for unrelated text', () => {
    assert.ok(all('unable to get local issuer certificate').includes('trusted-by-os-not-by-client'));
    assert.deepStrictEqual(all('TypeError: undefined is not a function'), []);
  });

  it("finds the URL: a literal one, or urllib3's host/port; skips curl's help link", () => {
    assert.strictEqual(
      explainError('request to https://api.corp:8443/v1 failed, reason: self-signed certificate').url,
      'https://api.corp:8443/v1',
    );
    assert.strictEqual(
      explainError("HTTPSConnectionPool(host='pypi.corp', port=443): Max retries exceeded").url,
      'https://pypi.corp:443/',
    );
    assert.strictEqual(
      explainError(
        'curl: (60) SSL certificate problem: self-signed certificate\nMore details here: https://curl.se/docs/sslcerts.html',
      ).url,
      undefined,
    );
  });

  it('fills the fixes with the host from the message', () => {
    const fix = explainError(
      'GET https://git.corp/x failed: unable to get local issuer certificate',
    ).causes[0].fixes.find((f) => f.client === 'curl');
    assert.match(fix?.snippet ?? '', /https:\/\/git\.corp:443\//);
  });

  it('the table has an entry with fixes for every cause code', () => {
    const codes = Object.keys(CAUSES);
    assert.strictEqual(codes.length, 28); // 16, plus local-resource-limit, verification-failed, constraint-violation, invalid-ca, client-cert-required, legacy-cn-only,
    // tls-inspection, sni-required, wrong-intermediate, missing-intermediate, protocol-version, certificate-too-large
    for (const c of Object.values(CAUSES)) assert.ok(c.fixes.length > 0 && c.explanation.length > 20, c.code);
  });
});

/** Runs a program without blocking the event loop (the matrix servers live in this process). */
function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    const child = execFile(
      cmd,
      args,
      { timeout: 15000, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } },
      (_e, out, err) => resolve(`${out}${err}`),
    );
    child.stdin?.end();
  });
}

function nodeError(url: string): Promise<string> {
  return new Promise((resolve) => {
    https
      .get(url, { timeout: 3000 }, (res) => {
        res.resume();
        resolve('OK');
      })
      .on('error', (e: Error & { code?: string }) => resolve(`${e.message} { code: '${e.code}' }`));
  });
}

describe('explainError on real client output against the matrix', function () {
  this.timeout(30000);
  let m: Matrix;
  before(async () => {
    m = await startMatrix();
  });
  after(() => m?.close());

  it('Debian python3-requests wording', async () => {
    const cases: [string, string, CauseCode][] = [
      ['self-signed', '-', 'self-signed'],
      ['root-sent', '-', 'untrusted-root'],
      ['root-not-sent', '-', 'untrusted-root'],
      ['wrong-host', m.rootFile, 'hostname-mismatch'],
      ['wrong-purpose', m.rootFile, 'wrong-purpose'],
      ['weak-signature', m.rootFile, 'weak-signature'],
      ['weak-key', m.rootFile, 'weak-key'],
      ['expired', m.rootFile, 'expired'],
      ['not-tls', '-', 'not-tls'],
      ['closed', '-', 'connection-refused'],
    ];
    const args = cases.flatMap(([s, verify]) => [s, m.urls[s as keyof Matrix['urls']], verify]);
    const out = await run('/usr/bin/python3', [`${__dirname}/clients.py`, ...args]);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { name: string; text: string });
    assert.strictEqual(lines.length, cases.length, out);
    for (const [i, [s, , code]] of cases.entries()) {
      assert.strictEqual(first(lines[i].text), code, `${s}: ${lines[i].text}`);
      assert.match(explainError(lines[i].text).url ?? '', /^https:\/\/127\.0\.0\.1:\d+\/$/);
    }
  });

  it('Node https wording', async () => {
    const cases: [keyof Matrix['urls'], CauseCode][] = [
      ['self-signed', 'self-signed'],
      ['root-sent', 'untrusted-root'],
      ['root-not-sent', 'untrusted-root'],
      ['not-tls', 'not-tls'],
      ['closed', 'connection-refused'],
      ['tls10-only', 'handshake-failure'],
    ];
    for (const [s, code] of cases) {
      const text = await nodeError(m.urls[s]);
      assert.strictEqual(first(text), code, `${s}: ${text}`);
    }
  });

  it('curl and openssl s_client wording', async () => {
    const cases: [keyof Matrix['urls'], CauseCode][] = [
      ['self-signed', 'self-signed'],
      ['root-sent', 'untrusted-root'],
      ['not-tls', 'not-tls'],
    ];
    for (const [s, code] of cases) {
      const curl = await run('curl', ['-sS', '--noproxy', '*', m.urls[s]]); // the OS store, which lacks the test root
      assert.strictEqual(first(curl), code, `curl ${s}: ${curl}`);
      const ossl = await run('openssl', ['s_client', '-connect', new URL(m.urls[s]).host, '-verify_return_error']);
      assert.strictEqual(
        first(
          ossl
            .split('\n')
            .filter((l) => /error/i.test(l))
            .join('\n'),
        ),
        code,
        `openssl ${s}: ${ossl}`,
      );
    }
    const purpose = await run('curl', ['-sS', '--noproxy', '*', '--cacert', m.rootFile, m.urls['wrong-purpose']]);
    assert.strictEqual(first(purpose), 'wrong-purpose', purpose);
  });
});
