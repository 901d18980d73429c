import * as assert from 'assert';
import { parseTarget } from '../../../src/core/tls/index';
import { bypassed, proxyFor } from '../../../src/core/tls/proxy';
import { extractUrls } from '../../../src/core/tls/url';
import { Matrix, startMatrix } from '../../fixtures/tls';
import { runCliWith } from '../cliHarness';

const ESC = String.fromCharCode(27);

function cli(argv: string[], env: NodeJS.ProcessEnv = {}, isTTY = false) {
  return runCliWith(argv, { env, isTTY });
}

describe('parseTarget and URL extraction', () => {
  it('normalises hosts, ports, IPv6 and bare names', () => {
    assert.deepStrictEqual(parseTarget('example.com'), { url: 'https://example.com/', host: 'example.com', port: 443 });
    assert.deepStrictEqual(parseTarget(' https://a.b:8443/x?y '), {
      url: 'https://a.b:8443/x?y',
      host: 'a.b',
      port: 8443,
    });
    assert.deepStrictEqual(parseTarget('[::1]:9443'), { url: 'https://[::1]:9443/', host: '::1', port: 9443 });
    assert.strictEqual(parseTarget('wss://h').port, 443);
  });
  it('rejects malformed input with readable messages', () => {
    assert.throws(() => parseTarget(''), /no URL given/);
    assert.throws(() => parseTarget('http://a.b'), /plain http/);
    assert.throws(() => parseTarget('ftp://a.b'), /scheme ftp is not supported/);
    assert.throws(() => parseTarget('https://a b'), /not a valid URL/);
    assert.throws(() => parseTarget('https://a.b:99999'), /not a valid URL/);
    assert.throws(() => parseTarget('https://bad_host!.com'), /not a valid/);
  });
  it('extracts URLs from prose without trailing punctuation', () => {
    assert.deepStrictEqual(extractUrls('see https://a.b/c, and (http://d.e:81/f).'), [
      'https://a.b/c',
      'http://d.e:81/f',
    ]);
  });
});

describe('proxy selection', () => {
  it('uses HTTPS_PROXY/https_proxy unless NO_PROXY matches', () => {
    assert.strictEqual(proxyFor('a.b', 443, { https_proxy: 'proxy:3128' })?.href, 'http://proxy:3128/');
    assert.strictEqual(proxyFor('a.b', 443, {}), undefined);
    assert.strictEqual(proxyFor('x.corp', 443, { HTTPS_PROXY: 'http://p:1', NO_PROXY: '.corp' }), undefined);
  });
  it('matches NO_PROXY like curl: *, suffixes, exact names, ports', () => {
    assert.ok(bypassed('a.b', 1, '*'));
    assert.ok(bypassed('svc.corp.example', 443, 'corp.example'));
    assert.ok(bypassed('svc.corp.example', 443, '*.corp.example'));
    assert.ok(!bypassed('notcorp.example', 443, 'corp.example'));
    assert.ok(bypassed('a.b', 8443, 'a.b:8443'));
    assert.ok(!bypassed('a.b', 443, 'a.b:8443'));
  });
});

describe('tls-doctor check (CLI)', function () {
  this.timeout(20000);
  let m: Matrix;
  before(async () => {
    m = await startMatrix();
  });
  after(() => m?.close());

  it('exits 0 with --ca on a good server and prints the chain and stores', async () => {
    const r = await cli(['check', m.urls.ok, '--ca', m.rootFile]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /OK/);
    assert.match(r.stdout, /no problems found/);
    assert.match(r.stdout, /Chain \(as sent by the server\)/);
    assert.match(r.stdout, /--ca\s+✓ trusted/);
    assert.ok(!r.stdout.includes(ESC), 'no colour when not a TTY');
  });

  it('exits 1 with JSON in the documented shape', async () => {
    const r = await cli(['check', m.urls['self-signed'], '--format', 'json']);
    assert.strictEqual(r.code, 1);
    const j = JSON.parse(r.stdout);
    for (const k of ['url', 'host', 'port', 'verdict', 'causes', 'chain', 'trust']) assert.ok(k in j, k);
    assert.strictEqual(j.verdict, 'fail');
    assert.strictEqual(j.causes[0].code, 'self-signed');
    assert.ok(Array.isArray(j.causes[0].fixes) && j.chain[0].sha256 && Array.isArray(j.chain[0].sans));
  });

  it('colours only on a TTY without NO_COLOR', async () => {
    assert.ok((await cli(['check', m.urls.closed], {}, true)).stdout.includes(`${ESC}[31m`));
    assert.ok(!(await cli(['check', m.urls.closed], { NO_COLOR: '1' }, true)).stdout.includes(ESC));
  });

  /** A file with PEM markers around garbage, as a truncated copy-paste leaves it. */
  function brokenPem(): string {
    const fs = require('fs') as typeof import('fs');
    const file = require('path').join(require('os').tmpdir(), `tls-doctor-broken-${process.pid}.pem`);
    fs.writeFileSync(file, '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n');
    return file;
  }

  it('exits 2 on usage errors with a clear message', async () => {
    const cases: [string[], RegExp][] = [
      [['check'], /missing the URL/],
      [['check', 'http://a.b'], /plain http/],
      [['check', 'https://a b'], /not a valid URL/],
      [['check', 'a.b', '--repeat', '0'], /--repeat must be a positive/],
      [['check', 'a.b', '--format', 'xml'], /--format must be one of/],
      [['check', 'a.b', '--ca', '/no/such.pem'], /--ca file not found/],
      [['check', 'a.b', 'c.d'], /expected one URL/],
      [['check', 'a.b', '--ca', brokenPem()], /no certificate could be read/],
    ];
    for (const [argv, re] of cases) {
      const r = await cli(argv);
      assert.strictEqual(r.code, 2, argv.join(' '));
      assert.match(r.stderr, re);
      assert.match(r.stderr, /Usage: tls-doctor check/);
    }
  });
});
