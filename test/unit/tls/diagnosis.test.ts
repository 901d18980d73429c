// "Never ok unless a real verification said so": each case here was a wrong verdict once. Real clients (Python ssl,
// requests, curl, Node's https) run against the same local servers as ground truth, from a clean environment.
import * as assert from 'assert';
import { execFile } from 'node:child_process';
import * as https from 'node:https';
import type { LookupFunction } from 'node:net';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { checkUrl, explainError } from '../../../src/core/tls/index';
import type { CheckOptions, CheckReport } from '../../../src/core/tls/index';
import { diagnose, Facts, notesOf, warningsOf } from '../../../src/core/tls/diagnose';
import { certInfo } from '../../../src/core/tls/chain';
import { HOSTNAME_RULES } from '../../../src/core/tls/hostnames';
import { readServerHead } from '../../../src/core/tls/serverhead';
import { main } from '../../../src/cli';
import type { Io } from '../../../src/cli/command';
import { enrich } from '../../../src/core/endpoints/enrich';
import { badgesFor } from '../../../src/extension/checkUrl/model';
import { renderReport } from '../../../src/extension/checkUrl/render';
import { Matrix, startMatrix } from '../../fixtures/tls';

const ISOLATED: CheckOptions = { env: {}, certifiPath: null, osStorePaths: [], timeoutMs: 1500 };
/** What a clean machine has: no preset CA variables (these machines preset REQUESTS_CA_BUNDLE and friends). */
const CLEAN_ENV = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp' };
const codes = (r: CheckReport) => r.causes.map((c) => c.code);
const toLocal = async () => ['127.0.0.1'];

function run(cmd: string, args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: 20000, env: CLEAN_ENV }, (e, out, err) =>
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : 1) : 0, out: `${out}${err}` }),
    );
  });
}

/** Node's own verdict: https.get with the default host check, every name resolved to 127.0.0.1. */
function nodeVerdict(host: string, port: number, ca: string): Promise<string> {
  const lookup: LookupFunction = (_h, o, cb) =>
    o.all ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4);
  return new Promise((resolve) => {
    https
      .get({ host, port, ca, lookup, agent: false }, (res) => {
        res.resume();
        resolve('OK');
      })
      .on('error', (e: Error & { code?: string }) => resolve(`${e.code}: ${e.message}`));
  });
}

/** curl's verdict (exit 0 = verified), resolving `host` to 127.0.0.1. */
async function curlVerdict(host: string, port: number, cafile: string): Promise<string> {
  const r = await run('curl', [
    '-sS',
    '-o',
    '/dev/null',
    '--noproxy',
    '*',
    '--http1.0',
    '--resolve',
    `${host}:${port}:127.0.0.1`,
    '--cacert',
    cafile,
    `https://${host}:${port}/`,
  ]);
  return r.code === 0 ? 'OK' : r.out;
}

interface PyVerdict {
  name: string;
  urllib3: number;
  ssl: string;
  ssl_no_cn: string;
  requests: string;
}

/** Interpreters to ask: Debian's (urllib3 1.26 here) and the first python3 on PATH (urllib3 2 here), when they differ. */
const PYTHONS = ['/usr/bin/python3', 'python3'];

/** Python ssl (default, and CN fallback off as urllib3 2 sets it) and requests, for each [name, host, port]. */
async function pythonVerdicts(
  cases: [string, string, number][],
  cafile: string,
  python = PYTHONS[0],
): Promise<Record<string, PyVerdict>> {
  const r = await run(python, [
    path.join(__dirname, '../../fixtures/tls/hostclients.py'),
    ...cases.flatMap(([n, h, p]) => [n, h, String(p), cafile]),
  ]);
  // Only the JSON lines: urllib3 may print a warning on stderr (e.g. about the CN-only certificate).
  const lines = r.out
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as PyVerdict);
  assert.strictEqual(lines.length, cases.length, r.out);
  return Object.fromEntries(lines.map((l) => [l.name, l]));
}

describe('diagnosis you can trust (local matrix, real clients as ground truth)', function () {
  this.timeout(40000);
  let m: Matrix;
  const port = (s: keyof Matrix['urls']) => Number(new URL(m.urls[s]).port);
  const withRoot = (s: keyof Matrix['urls'], o: CheckOptions = {}) =>
    checkUrl(m.urls[s], { ...ISOLATED, extraCaFiles: [m.rootFile], lookup: toLocal, ...o });

  before(async () => {
    m = await startMatrix();
  });
  after(() => m?.close());

  describe('a rejected chain is never ok', () => {
    it('path length and name constraints → constraint-violation, as Python ssl and curl reject them too', async () => {
      const py = await pythonVerdicts(
        [
          ['path-length', '127.0.0.1', port('path-length')],
          ['name-constraint', 'localhost', port('name-constraint')],
        ],
        m.rootFile,
      );
      assert.match(py['path-length'].ssl, /path length constraint exceeded/);
      assert.match(py['name-constraint'].ssl, /permitted subtree violation/);
      for (const s of ['path-length', 'name-constraint'] as const) {
        assert.notStrictEqual(await curlVerdict('localhost', port(s), m.rootFile), 'OK', `curl accepted ${s}`);
        const r = await withRoot(s);
        assert.strictEqual(r.verdict, 'fail', s);
        assert.deepStrictEqual(codes(r), ['constraint-violation'], s);
        assert.strictEqual(r.trust['--ca'].trusted, false);
      }
      const pl = await withRoot('path-length');
      assert.match(pl.causes[0].message, /PATH_LENGTH_EXCEEDED: path length constraint exceeded/);
      assert.match((await withRoot('name-constraint')).causes[0].message, /permitted subtree violation/);
    });

    it('an issuer that is not a CA → invalid-ca, not Node\'s misleading "unsuitable certificate purpose"', async () => {
      const py = await pythonVerdicts([['not-a-ca', '127.0.0.1', port('not-a-ca')]], m.rootFile);
      assert.match(py['not-a-ca'].ssl, /invalid CA certificate/);
      const r = await withRoot('not-a-ca');
      assert.match(r.trust['--ca'].error ?? '', /INVALID_PURPOSE/, "what Node's OpenSSL reports (its last error)");
      assert.strictEqual(r.verdict, 'fail');
      assert.deepStrictEqual(codes(r), ['invalid-ca']);
      assert.match(r.causes[0].message, /"CN=TLS Doctor Test Not A CA, O=TLS Doctor Test" signed "CN=localhost/);
    });

    it('a stale intermediate (right name, wrong key) → wrong-intermediate with the raw reason and the rejecting stores', async () => {
      const r = await withRoot('stale-intermediate', { osStorePaths: [m.rootFile] });
      const py = await pythonVerdicts([['stale', '127.0.0.1', port('stale-intermediate')]], m.rootFile);
      assert.notStrictEqual(py.stale.ssl, 'OK', 'Python rejects the stale intermediate too');
      assert.strictEqual(r.verdict, 'fail');
      assert.deepStrictEqual(codes(r), ['wrong-intermediate']);
      const c = r.causes[0];
      assert.match(
        c.message,
        /"CN=TLS Doctor Test Intermediate, O=TLS Doctor Test" as the issuer of "CN=localhost.*its key did not sign it/,
      );
      assert.match(c.reason ?? '', /signature failure/i);
      assert.ok(c.message.includes(c.reason ?? '?'));
      assert.deepStrictEqual([...(c.rejectedBy ?? [])].sort(), ['--ca', 'node', 'os']);
      assert.strictEqual(r.notes, undefined, 'no "not on the path" note for a chain that did not verify');
    });

    it('diagnose(): an unknown reason is reported even next to other causes, and an unverified chain never has no cause', () => {
      const leaf = certInfo(m.pki.leaf({ notAfter: new Date(Date.now() + 90 * 86_400_000) }).certPem);
      const facts = (trusted: boolean | null, error?: string, hostMatches = true): Facts => ({
        host: 'localhost',
        port: 443,
        chain: [leaf, certInfo(m.pki.intermediate.certPem)],
        hostMatches,
        reference: 'node',
        trust: {
          node: { store: 'node', trusted, ...(error ? { error } : {}) },
          os: { store: 'os', trusted: false, error: 'X' },
        },
        leaves: new Map(),
        now: new Date(),
      });
      const odd = 'UNSPECIFIED: some reason OpenSSL 4 invents';
      assert.deepStrictEqual(
        diagnose(facts(false, odd, false)).map((c) => c.code),
        ['verification-failed', 'hostname-mismatch'],
      );
      const [vf] = diagnose(facts(false, odd));
      assert.deepStrictEqual([vf.code, vf.reason, vf.rejectedBy], ['verification-failed', odd, ['node', 'os']]);
      assert.deepStrictEqual(
        diagnose(facts(null)).map((c) => c.code),
        ['verification-failed'],
        'not checked is not verified',
      );
      assert.deepStrictEqual(diagnose(facts(true)), []);
      // A verified chain whose anchor lacks basicConstraints (an X509v1 root) is not invalid-ca: OpenSSL accepted it.
      const v1Root = { ...certInfo(m.pki.root.certPem), isCA: false };
      assert.deepStrictEqual(
        diagnose({ ...facts(true), path: [leaf, certInfo(m.pki.intermediate.certPem), v1Root] }),
        [],
      );
      const notCa = { ...certInfo(m.pki.intermediate.certPem), isCA: false };
      assert.deepStrictEqual(
        diagnose({ ...facts(false, 'INVALID_PURPOSE: unsuitable certificate purpose'), path: [leaf, notCa] }).map(
          (c) => c.code,
        ),
        ['invalid-ca'],
      );
      assert.deepStrictEqual(warningsOf(facts(true)), []);
    });

    it('the wording table knows the new reasons (OpenSSL, Node, Go, Java)', () => {
      const first = (t: string) => explainError(t).causes[0]?.code;
      assert.strictEqual(
        first(
          '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: path length constraint exceeded (_ssl.c:1006)',
        ),
        'constraint-violation',
      );
      assert.strictEqual(first('x509: too many intermediates for path length constraint'), 'constraint-violation');
      assert.strictEqual(first('certificate verify failed: permitted subtree violation'), 'constraint-violation');
      assert.strictEqual(
        first(
          'x509: a root or intermediate certificate is not authorized to sign for this name: DNS name "a.b" is not permitted by any constraint',
        ),
        'constraint-violation',
      );
      assert.strictEqual(
        first('[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: invalid CA certificate (_ssl.c:1006)'),
        'invalid-ca',
      );
      assert.strictEqual(
        first(
          'java.security.cert.CertPathValidatorException: basic constraints check failed: this is not a CA certificate',
        ),
        'invalid-ca',
      );
      assert.strictEqual(
        first("Error: tlsv13 alert certificate required { code: 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED' }"),
        'client-cert-required',
      );
      assert.strictEqual(
        first('x509: certificate relies on legacy Common Name field, use SANs instead'),
        'legacy-cn-only',
      );
    });
  });

  describe('path-dependent checks follow the verified path', () => {
    it("Let's Encrypt 2021: an expired cross-signed root that path building skips is a note, not `expired`", async () => {
      const ca = m.rootPem;
      assert.strictEqual(await nodeVerdict('localhost', port('cross-expired'), ca), 'OK', 'Node verifies it');
      assert.strictEqual(await curlVerdict('localhost', port('cross-expired'), m.rootFile), 'OK', 'curl verifies it');
      assert.strictEqual(
        (await pythonVerdicts([['le', 'localhost', port('cross-expired')]], m.rootFile)).le.ssl,
        'OK',
        'Python ssl verifies it',
      );
      const r = await withRoot('cross-expired');
      assert.deepStrictEqual(codes(r), []);
      assert.strictEqual(r.verdict, 'ok');
      assert.strictEqual(r.chain.length, 3, 'the report still shows everything the server sent');
      assert.strictEqual(r.notes?.length, 1, JSON.stringify(r.notes));
      assert.match(
        r.notes?.[0] ?? '',
        /"CN=TLS Doctor Test Root, O=TLS Doctor Test" \(expired on \d{4}-\d\d-\d\d\), which is not on the path --ca verified/,
      );
    });

    it("the panel lists the note and shows the skipped certificate's expiry as a warning, not an error", async () => {
      const r = await withRoot('cross-expired');
      assert.deepStrictEqual(r.notOnPath, [r.chain[2].sha256]);
      const html = renderReport(r, { nonce: 'n', cspSource: 'c', styleUri: 's', scriptUri: 'j', now: new Date() });
      assert.match(html, /<h2>Warnings and notes<\/h2>.*The server also sent &quot;CN=TLS Doctor Test Root/s);
      assert.deepStrictEqual(
        badgesFor(r, 2, new Date())
          .filter((b) => b.label === 'expired')
          .map((b) => b.level),
        ['warning'],
      );
      const soon = await withRoot('ok');
      assert.match(
        renderReport(soon, { nonce: 'n', cspSource: 'c', styleUri: 's', scriptUri: 'j', now: new Date() }),
        /<code class="code">expiring-soon<\/code> &quot;CN=localhost/,
      );
      const expired = await withRoot('expired');
      assert.strictEqual(expired.notOnPath, undefined);
      assert.deepStrictEqual(
        badgesFor(expired, 0, new Date())
          .filter((b) => b.label === 'expired')
          .map((b) => b.level),
        ['error'],
      );
    });

    it('a weak (SHA-1, RSA-1024) certificate sent but not on the path is a note, not weak-signature/weak-key', async () => {
      const leaf = m.pki.leaf({ notAfter: new Date(Date.now() + 90 * 86_400_000) });
      const stray = m.pki.leaf({ digest: 'sha1', bits: 1024, commonName: 'stray' });
      const server = tls.createServer(
        {
          key: leaf.keyPem,
          cert: [leaf.certPem, m.pki.intermediate.certPem, stray.certPem].join('\n'),
          ciphers: 'DEFAULT@SECLEVEL=0',
        },
        (s) => s.end('HTTP/1.0 200 OK\r\n\r\n'),
      );
      server.on('tlsClientError', () => undefined);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const url = `https://127.0.0.1:${(server.address() as { port: number }).port}/`;
        const r = await checkUrl(url, { ...ISOLATED, extraCaFiles: [m.rootFile] });
        assert.deepStrictEqual(codes(r), []);
        assert.strictEqual(r.verdict, 'ok');
        assert.match(
          r.notes?.[0] ?? '',
          /"CN=stray, O=TLS Doctor Test" \(signed with sha1WithRSAEncryption; RSA 1024-bit key/,
        );
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    });

    it('an expired certificate on the path is still expired', async () => {
      assert.deepStrictEqual(codes(await withRoot('expired')), ['expired']);
    });
  });

  describe('client certificates', () => {
    for (const [s, re] of [
      ['mtls-tls12', /CertificateRequest/],
      ['mtls-tls13', /certificate_required/],
    ] as const) {
      it(`${s}: a server that requires one (requestCert + rejectUnauthorized) → client-cert-required`, async () => {
        const r = await withRoot(s);
        assert.strictEqual(r.verdict, 'fail');
        assert.deepStrictEqual(codes(r), ['client-cert-required']);
        assert.match(r.causes[0].message, re);
        assert.ok(r.causes[0].fixes.some((f) => f.client === 'curl' && /--cert /.test(f.snippet ?? '')));
        assert.deepStrictEqual(
          [enrich(r, 'python.requests-verify-false').verdict],
          ['unreachable'],
          'no chain was judged',
        );
        const node = await nodeVerdict('localhost', port(s), m.rootPem);
        assert.match(
          node,
          /alert handshake failure|ALERT_HANDSHAKE_FAILURE|CERTIFICATE_REQUIRED/,
          `Node fails the same way: ${node}`,
        );
      });
    }

    for (const v of ['TLSv1.2', 'TLSv1.3'] as const) {
      it(`${v}: a server that only asks for one (requestCert, no rejectUnauthorized) is ok`, async () => {
        const leaf = m.pki.leaf({ notAfter: new Date(Date.now() + 90 * 86_400_000) });
        const server = tls.createServer(
          {
            key: leaf.keyPem,
            cert: [leaf.certPem, m.pki.intermediate.certPem].join('\n'),
            requestCert: true,
            rejectUnauthorized: false,
            ca: [m.rootPem],
            minVersion: v,
            maxVersion: v,
          },
          (s) => s.end('HTTP/1.0 200 OK\r\n\r\n'),
        );
        server.on('tlsClientError', () => undefined);
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        try {
          const r = await checkUrl(`https://127.0.0.1:${(server.address() as { port: number }).port}/`, {
            ...ISOLATED,
            extraCaFiles: [m.rootFile],
          });
          assert.deepStrictEqual([r.verdict, codes(r), r.protocol], ['ok', [], v]);
        } finally {
          await new Promise((resolve) => server.close(resolve));
        }
      });
    }

    it('reads a CertificateRequest split across TLS records, and stops at the first non-handshake record', () => {
      const msg = (type: number, len: number) =>
        Buffer.concat([Buffer.from([type, 0, len >> 8, len & 0xff]), Buffer.alloc(len)]);
      const rec = (type: number, body: Buffer) =>
        Buffer.concat([Buffer.from([type, 3, 3, body.length >> 8, body.length & 0xff]), body]);
      const flight = Buffer.concat([msg(2, 70), msg(11, 300), msg(13, 20), msg(14, 0)]);
      const split = Buffer.concat([rec(22, flight.subarray(0, 380)), rec(22, flight.subarray(380))]);
      assert.deepStrictEqual(readServerHead(split), { certificateRequested: true });
      assert.deepStrictEqual(
        readServerHead(Buffer.concat([rec(22, msg(2, 70)), rec(20, Buffer.from([1])), rec(22, msg(13, 20))])),
        { certificateRequested: false },
      );
      assert.deepStrictEqual(
        readServerHead(rec(21, Buffer.from([2, 70]))),
        { certificateRequested: false },
        'an alert is TLS, not a banner',
      );
      assert.strictEqual(
        readServerHead(Buffer.from('-ERR unknown command\r\n')).speaks?.protocol,
        'a plain-text protocol',
      );
      assert.deepStrictEqual(readServerHead(Buffer.from([0, 1, 2, 3])), {});
    });

    it('the post-handshake read of TLS 1.3 is brief for a server that accepts and stays silent', async () => {
      const leaf = m.pki.leaf();
      const server = tls.createServer(
        { key: leaf.keyPem, cert: [leaf.certPem, m.pki.intermediate.certPem].join('\n'), minVersion: 'TLSv1.3' },
        () => undefined,
      );
      server.on('tlsClientError', () => undefined);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const r = await checkUrl(`https://127.0.0.1:${(server.address() as { port: number }).port}/`, {
          ...ISOLATED,
          extraCaFiles: [m.rootFile],
          timeoutMs: 5000,
        });
        assert.strictEqual(r.verdict, 'ok');
        assert.strictEqual(r.protocol, 'TLSv1.3');
        assert.ok((r.elapsedMs ?? 0) < 1500, `took ${r.elapsedMs} ms`);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    });
  });

  describe('host names, per client', () => {
    /** Each client's measured verdict for `host`:`p` (true = accepted), Python once per interpreter and urllib3 major. */
    async function measure(host: string, p: number): Promise<Record<string, boolean>> {
      const out: Record<string, boolean> = {
        curl: (await curlVerdict(host, p, m.rootFile)) === 'OK',
        node: (await nodeVerdict(host, p, m.rootPem)) === 'OK',
      };
      for (const python of PYTHONS) {
        const py = (await pythonVerdicts([['x', host, p]], m.rootFile, python)).x;
        out['python-ssl'] = py.ssl === 'OK';
        out[`python-requests (urllib3 ${py.urllib3})`] = py.requests === 'OK';
      }
      return out;
    }

    it('CN = host and no SAN → legacy-cn-only with the split, which Python ssl, requests, curl and Node confirm', async () => {
      const p = port('cn-only');
      const measured = await measure('localhost', p);
      assert.ok(Object.keys(measured).length >= 4, JSON.stringify(measured));
      assert.notStrictEqual(
        (await pythonVerdicts([['cn', 'localhost', p]], m.rootFile)).cn.ssl_no_cn,
        'OK',
        "urllib3 2's setting rejects it",
      );
      for (const [client, accepts] of Object.entries(measured)) {
        assert.strictEqual(
          HOSTNAME_RULES.find((h) => h.client === client)?.cnFallback,
          accepts,
          `${client} measured ${accepts}`,
        );
      }
      const r = await withRoot('cn-only');
      assert.strictEqual(r.verdict, 'fail');
      assert.deepStrictEqual(codes(r), ['legacy-cn-only']);
      const split = r.causes[0].clients;
      for (const [client, accepts] of Object.entries(measured)) {
        assert.ok((accepts ? split?.accept : split?.reject)?.includes(client), `${client} in ${JSON.stringify(split)}`);
      }
      assert.ok(
        split?.reject.includes('go') &&
          ['chrome', 'firefox', 'safari'].every((b) => split.reject.includes(b)) &&
          split.reject.includes('python-requests (urllib3 2)'),
      );
      // The endpoint probe must not tell a requests user that verify=False is unnecessary here.
      const e = enrich(r, 'python.requests-verify-false');
      assert.deepStrictEqual([e.verdict, e.remedy], ['fail', 'fix-hostname']);
    });

    it('a trailing-dot host is not a mismatch (Node, curl, requests accept it); the note names Python ssl, which does not', async () => {
      const p = port('long-lived');
      const measured = await measure('localhost.', p);
      for (const [client, accepts] of Object.entries(measured)) {
        assert.strictEqual(
          HOSTNAME_RULES.find((h) => h.client === client)?.trailingDot,
          accepts,
          `${client} measured ${accepts}`,
        );
      }
      const r = await checkUrl(`https://localhost.:${p}/`, {
        ...ISOLATED,
        extraCaFiles: [m.rootFile],
        lookup: toLocal,
      });
      assert.deepStrictEqual(codes(r), []);
      assert.strictEqual(r.verdict, 'ok');
      assert.match(r.notes?.join('\n') ?? '', /"localhost\." ends with a dot: .*node.*; python-ssl, openssl do not/);
      assert.deepStrictEqual(
        codes(
          await checkUrl(`https://wrong.example.:${port('ok')}/`, {
            ...ISOLATED,
            extraCaFiles: [m.rootFile],
            lookup: toLocal,
          }),
        ),
        ['hostname-mismatch'],
      );
    });
  });

  describe('expiring-soon is a warning, not a failure', () => {
    it('29 days left: verdict ok, one warning with the days; 90 days: none', async () => {
      const soon = await withRoot('ok');
      assert.strictEqual(soon.verdict, 'ok');
      assert.deepStrictEqual(codes(soon), []);
      assert.deepStrictEqual(
        soon.warnings?.map((w) => [w.code, w.daysLeft, w.subject]),
        [['expiring-soon', 29, 'CN=localhost, O=TLS Doctor Test']],
      );
      const later = await withRoot('long-lived');
      assert.deepStrictEqual(later.warnings, []);
    });

    it('shows in the CLI text and JSON, and the exit code stays 0', async () => {
      let stdout = '';
      const io: Io = {
        out: (t) => {
          stdout += t;
        },
        err: () => undefined,
        isTTY: false,
        cwd: process.cwd(),
        env: {},
      };
      assert.strictEqual(await main(['check', m.urls.ok, '--ca', m.rootFile], io), 0);
      assert.match(
        stdout,
        /Warnings\n {2}! expiring-soon: "CN=localhost, O=TLS Doctor Test" expires on .* \(29 days left\)/,
      );
      stdout = '';
      assert.strictEqual(await main(['check', m.urls.ok, '--ca', m.rootFile, '--format', 'json'], io), 0);
      const j = JSON.parse(stdout) as CheckReport;
      assert.deepStrictEqual(
        j.warnings?.map((w) => w.daysLeft),
        [29],
      );
    });

    it('the notes of a report show in the CLI text', async () => {
      let stdout = '';
      const io: Io = {
        out: (t) => {
          stdout += t;
        },
        err: () => undefined,
        isTTY: false,
        cwd: process.cwd(),
        env: {},
      };
      assert.strictEqual(await main(['check', m.urls['cross-expired'], '--ca', m.rootFile], io), 0);
      assert.match(stdout, /Notes\n {2}- The server also sent "CN=TLS Doctor Test Root/);
    });

    it('notesOf()/warningsOf() ignore expired certificates (that is a cause) and say nothing for a clean chain', () => {
      const expired = certInfo(
        m.pki.leaf({ notBefore: new Date(Date.now() - 9e9), notAfter: new Date(Date.now() - 86_400_000) }).certPem,
      );
      const f: Facts = {
        host: 'localhost',
        port: 443,
        chain: [expired],
        hostMatches: true,
        reference: 'node',
        trust: {},
        leaves: new Map(),
        now: new Date(),
      };
      assert.deepStrictEqual(warningsOf(f), []);
      assert.deepStrictEqual(notesOf(f), []);
    });
  });

  describe('not-tls names what the port speaks', () => {
    const cases: [keyof Matrix['urls'], RegExp][] = [
      ['not-tls', /speaks HTTP, not TLS; .*http:\/\//],
      ['smtp', /"220 mail\.test ESMTP Postfix": it speaks SMTP.*465.*STARTTLS on port 587/],
      ['ssh', /it speaks SSH/],
      ['imap', /speaks IMAP.*993.*STARTTLS on port 143/],
      ['pop3', /speaks POP3.*995/],
      ['ftp', /speaks FTP.*AUTH TLS.*990/],
    ];
    for (const [s, re] of cases) {
      it(`${s}`, async () => {
        const r = await withRoot(s);
        assert.deepStrictEqual(codes(r), ['not-tls']);
        assert.match(r.causes[0].message, re);
        assert.ok(r.causes[0].fixes.some((f) => /-starttls smtp/.test(f.snippet ?? '')));
      });
    }
  });
});
