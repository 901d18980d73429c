// The network promise (issue 10, item 7): one deadline per check whatever dribbles (an AIA URL at 1 byte/s, a CONNECT
// proxy that answers a byte at a time), the AIA fetch's fences, --no-aia, and no credential in any output.
import * as assert from 'assert';
import * as http from 'http';
import * as net from 'net';
import * as tls from 'tls';
import fc from 'fast-check';
import { checkUrl } from '../../../src/core/tls/index';
import type { CheckOptions, CheckReport } from '../../../src/core/tls/index';
import { fetchIssuer, isInternal, MAX_AIA_BYTES } from '../../../src/core/tls/aia';
import { redact } from '../../../src/core/text/url';
import { renderText } from '../../../src/cli/check';
import { createTestPki, pemToDer, TestPki } from '../../fixtures/tls';
import { runCliWith } from '../cliHarness';

const TIMEOUT_MS = 1000;
const ISOLATED: CheckOptions = { env: {}, certifiPath: null, osStorePaths: [], timeoutMs: TIMEOUT_MS };
/** Time a check may take beyond its timeout (report building on a loaded machine). */
const MARGIN_MS = 700;
const codes = (r: CheckReport) => r.causes.map((c) => c.code);

describe('the network promise: one deadline, a fenced AIA fetch, no credentials in output', function () {
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
  const listen = async (s: net.Server): Promise<number> => {
    await new Promise<void>((r) => track(s).listen(0, '127.0.0.1', r));
    return (s.address() as net.AddressInfo).port;
  };
  /** Writes `text` one byte every `everyMs`, forever slower than any deadline here. */
  const dribble = (s: net.Socket, text: string, everyMs: number) => {
    let i = 0;
    const timer = setInterval(
      () => (i < text.length && !s.destroyed ? s.write(text[i++]) : clearInterval(timer)),
      everyMs,
    );
    s.on('close', () => clearInterval(timer));
  };
  /** A TLS server sending only the leaf (so the chain is rejected and the AIA URL is fetched). */
  const leafOnly = async (aiaUrl: string) => {
    const leaf = pki.leaf({ aiaUrl, notAfter: new Date(Date.now() + 90 * 86_400_000) });
    return listen(tls.createServer({ key: leaf.keyPem, cert: leaf.certPem }, (s) => s.end()));
  };
  const timed = async (url: string, o: CheckOptions = {}) => {
    const started = Date.now();
    const r = await checkUrl(url, { ...ISOLATED, ...o });
    const ms = Date.now() - started;
    assert.ok(ms < TIMEOUT_MS + MARGIN_MS, `took ${ms} ms for a ${TIMEOUT_MS} ms timeout`);
    return r;
  };

  before(() => {
    pki = createTestPki();
  });
  after(() => {
    for (const s of sockets) s.destroy();
    for (const s of servers) s.close();
  });

  it('a tarpit AIA URL (1 byte/s): check ends within its timeout, the chain still diagnosed', async () => {
    let asked = 0;
    const tarpit = await listen(
      net.createServer((s) => {
        asked++;
        s.once('data', () => dribble(s, 'HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n', 1000));
      }),
    );
    const port = await leafOnly(`http://127.0.0.1:${tarpit}/issuer.cer`);
    const r = await timed(`https://127.0.0.1:${port}/`);
    assert.strictEqual(asked, 1, 'the AIA URL was asked');
    assert.strictEqual(r.verdict, 'fail');
    assert.ok(codes(r).length > 0 && !codes(r).includes('timeout'), codes(r).join());
  });

  it('a tarpit CONNECT proxy (answer dribbled a byte every 100 ms): timeout, within the deadline', async () => {
    const proxy = await listen(
      net.createServer((s) => {
        s.once('data', () => dribble(s, 'HTTP/1.1 200 Connection established\r\n\r\n', 100));
      }),
    );
    const r = await timed('https://tarpit.example.test/', { env: { HTTPS_PROXY: `http://127.0.0.1:${proxy}` } });
    assert.deepStrictEqual(codes(r), ['timeout']);
  });

  it('a slow handshake and a slow AIA URL share one deadline (each alone fits, together they would not)', async () => {
    const tarpit = await listen(
      net.createServer((s) => {
        s.once('data', () => dribble(s, 'HTTP/1.1 200 OK\r\n\r\n', 1000));
      }),
    );
    const leaf = pki.leaf({
      aiaUrl: `http://127.0.0.1:${tarpit}/issuer.cer`,
      notAfter: new Date(Date.now() + 90 * 86_400_000),
    });
    // The server waits 600 ms before its handshake: with a fresh budget per step the AIA fetch would run to 1600 ms.
    const inner = tls.createServer({ key: leaf.keyPem, cert: leaf.certPem }, (s) => s.end());
    const port = await listen(net.createServer((c) => setTimeout(() => inner.emit('connection', c), 600)));
    await timed(`https://127.0.0.1:${port}/`);
  });

  it('AIA: never to a loopback/private/link-local address when the checked server is public; allowed when it is local', async () => {
    let asked = 0;
    const der = pemToDer(pki.intermediate.certPem);
    const port = await listen(
      http.createServer((_, res) => {
        asked++;
        res.end(der);
      }),
    );
    const url = `http://127.0.0.1:${port}/int.cer`;
    const refused = await fetchIssuer(url, { timeoutMs: 1000, env: {}, probed: '93.184.215.14' });
    assert.match(refused.error ?? '', /127\.0\.0\.1, a loopback, private or link-local address/);
    // A name is resolved and its address checked (not the name): here it resolves to a private address.
    const byName = await fetchIssuer('http://aia.example.test/int.cer', {
      timeoutMs: 1000,
      env: {},
      probed: '93.184.215.14',
      lookup: async () => ['10.1.2.3'],
    });
    assert.match(byName.error ?? '', /aia\.example\.test is 10\.1\.2\.3/);
    assert.strictEqual(asked, 0, 'nothing was sent to the refused URLs');
    const local = await fetchIssuer(url, { timeoutMs: 1000, env: {}, probed: '127.0.0.1' });
    assert.ok(local.cert, local.error);
    assert.strictEqual(asked, 1);
    for (const a of [
      '127.0.0.1',
      '10.0.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '::',
    ]) {
      assert.ok(isInternal(a), a);
    }
    for (const a of ['8.8.8.8', '172.32.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8', 'example.com']) {
      assert.ok(!isInternal(a), a);
    }
  });

  it('AIA: http(s) only, no redirects, at most 64 KB, and only hosts TLS_DOCTOR_PROBE_HOSTS lists', async () => {
    let followed = 0;
    const target = await listen(
      http.createServer((_, res) => {
        followed++;
        res.end(pemToDer(pki.intermediate.certPem));
      }),
    );
    const port = await listen(
      http.createServer((req, res) => {
        if (req.url === '/redirect') res.writeHead(302, { location: `http://127.0.0.1:${target}/int.cer` }).end();
        else res.end(Buffer.alloc(MAX_AIA_BYTES + 1, 0x30));
      }),
    );
    const o = { timeoutMs: 1000, env: {}, probed: '127.0.0.1' };
    assert.match((await fetchIssuer(`ftp://127.0.0.1:${port}/x`, o)).error ?? '', /only http\(s\)/);
    assert.match((await fetchIssuer(`ldap://127.0.0.1/cn=x`, o)).error ?? '', /only http\(s\)/);
    assert.match(
      (await fetchIssuer(`http://127.0.0.1:${port}/redirect`, o)).error ?? '',
      /HTTP 302 \(redirect to .*not followed\)/,
    );
    assert.strictEqual(followed, 0);
    assert.match((await fetchIssuer(`http://127.0.0.1:${port}/big`, o)).error ?? '', /too large/);
    const listed = { ...o, env: { TLS_DOCTOR_PROBE_HOSTS: 'ca.example.test, other' } };
    assert.match(
      (await fetchIssuer(`http://127.0.0.1:${target}/int.cer`, listed)).error ?? '',
      /TLS_DOCTOR_PROBE_HOSTS does not list 127\.0\.0\.1/,
    );
    assert.strictEqual(followed, 0);
    assert.ok(
      (await fetchIssuer(`http://127.0.0.1:${target}/int.cer`, { ...o, env: { TLS_DOCTOR_PROBE_HOSTS: '127.0.0.1' } }))
        .cert,
    );
  });

  it('AIA: goes through HTTP_PROXY as a client would (absolute URI, proxy credentials), NO_PROXY honoured', async () => {
    const seen: { url?: string; auth?: string }[] = [];
    const der = pemToDer(pki.intermediate.certPem);
    const proxy = await listen(
      http.createServer((req, res) => {
        seen.push({ url: req.url, auth: req.headers['proxy-authorization'] });
        res.end(der);
      }),
    );
    const env = { HTTP_PROXY: `http://alice:s3cret@127.0.0.1:${proxy}` };
    // The name does not resolve here: the proxy resolves it, as it would for the client.
    const r = await fetchIssuer('http://ca.example.test/int.cer', {
      timeoutMs: 1000,
      env,
      probed: '127.0.0.1',
      lookup: async () => [],
    });
    assert.ok(r.cert, r.error);
    assert.deepStrictEqual(seen, [
      { url: 'http://ca.example.test/int.cer', auth: `Basic ${Buffer.from('alice:s3cret').toString('base64')}` },
    ]);
    const bypass = await fetchIssuer('http://ca.example.test/int.cer', {
      timeoutMs: 1000,
      env: { ...env, NO_PROXY: 'example.test' },
      probed: '127.0.0.1',
      lookup: async () => [],
    });
    assert.match(bypass.error ?? '', /cannot resolve ca\.example\.test/);
    assert.strictEqual(seen.length, 1);
  });

  it('--no-aia / aia: false: the AIA URL is never asked', async () => {
    let asked = 0;
    const aia = await listen(
      http.createServer((_, res) => {
        asked++;
        res.writeHead(404).end();
      }),
    );
    const port = await leafOnly(`http://127.0.0.1:${aia}/int.cer`);
    const r = await checkUrl(`https://127.0.0.1:${port}/`, { ...ISOLATED, aia: false });
    assert.strictEqual(r.verdict, 'fail');
    assert.strictEqual(asked, 0);
    const out = await cli(
      ['check', `https://127.0.0.1:${port}/`, '--no-aia', '--timeout', '1000', '--format', 'json'],
      {},
    );
    assert.strictEqual(out.code, 1, out.stderr);
    assert.strictEqual(asked, 0);
    await checkUrl(`https://127.0.0.1:${port}/`, ISOLATED);
    assert.strictEqual(asked, 1, 'by default the AIA URL is asked (the test above can fail)');
  });

  it('redact(): URL and bare proxy credentials go, everything else stays', () => {
    assert.strictEqual(redact('http://alice:s3cret@proxy:3128'), 'http://***:***@proxy:3128');
    assert.strictEqual(redact('clone https://TOKEN@github.com/o/r.git'), 'clone https://***@github.com/o/r.git');
    assert.strictEqual(redact('HTTPS_PROXY=bob:p@ss@proxy:8080'), 'HTTPS_PROXY=***:***@proxy:8080');
    for (const same of ['git@github.com:org/repo', 'mail a@b.com', 'https://host/a@b', 'https://h:443/x']) {
      assert.strictEqual(redact(same), same);
    }
  });

  it("property: no generated password survives in the report, its text, its JSON or the CLI's output", async () => {
    const closed = await listen(net.createServer());
    await new Promise((r) => servers.pop()?.close(r)); // a port nothing listens on: every connection is refused
    const password = fc
      .stringMatching(/^[A-Za-z0-9!$&'()*+,;=~_.%-]{6,24}$/)
      .filter((p) => !/^[*.%-]+$/.test(p) && !/%(?![0-9A-Fa-f]{2})/.test(p));
    await fc.assert(
      fc.asyncProperty(password, fc.stringMatching(/^[a-z]{1,8}$/), async (pw, user) => {
        const enc = encodeURIComponent(pw);
        const env = {
          HTTPS_PROXY: `http://${user}:${enc}@127.0.0.1:${closed}`,
          https_proxy: `${user}:${enc}@127.0.0.1:${closed}`,
          HTTP_PROXY: `socks5://${user}:${enc}@127.0.0.1:1`,
        };
        const r = await checkUrl(`https://${user}:${enc}@127.0.0.1:${closed}/`, { ...ISOLATED, env, timeoutMs: 300 });
        const outputs = [JSON.stringify(r), renderText(r, (_s, t) => t)];
        const c = await cli(['check', `https://${user}:${enc}@127.0.0.1:${closed}/`, '--timeout', '300'], env);
        const j = await cli(
          ['check', `https://${user}:${enc}@127.0.0.1:${closed}/`, '--timeout', '300', '--format', 'json'],
          env,
        );
        const bad = await cli(['check', `https://${user}:${enc}@127.0.0.1:99999/`], env);
        outputs.push(c.stdout, c.stderr, j.stdout, j.stderr, bad.stderr);
        for (const o of outputs) {
          assert.ok(!o.includes(enc) && !o.includes(pw), `"${pw}" in: ${o.slice(0, 400)}`);
        }
        assert.match(c.stdout, /\*\*\*/, 'the Environment section shows the proxy, redacted');
      }),
      { numRuns: 15 },
    );
  });
});

/** The CLI in-process with exactly `env` (no machine presets). */
function cli(argv: string[], env: NodeJS.ProcessEnv) {
  return runCliWith(argv, { env: { PATH: process.env.PATH, ...env } });
}
