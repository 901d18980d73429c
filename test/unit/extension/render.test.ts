// The check panel's HTML is built from certificate and server data an attacker controls (any server can put any
// text in its subject or SANs). These tests feed hostile strings through the pure renderer and check that they come
// out as text, that the page carries one nonce'd script under a strict CSP, and that the view-model helpers (badges,
// validity, anchor, snippets) and the URL-literal scan behave.
import * as assert from 'assert';
import type { Cause, CertInfo, CheckReport } from '../../../src/core/tls/types';
import {
  anchorCert,
  badgesFor,
  collectSnippets,
  envLines,
  logLine,
  safeFileStem,
  validityOf,
} from '../../../src/extension/checkUrl/model';
import type { Explanation } from '../../../src/core/explain/index';
import { makeNonce, PageContext, renderReport, text } from '../../../src/extension/checkUrl/render';
import { renderExplanation } from '../../../src/extension/explain/render';
import { findHttpsUrls, lensTargets, urlAt } from '../../../src/extension/checkUrl/urls';

const NOW = new Date('2025-06-01T00:00:00Z');
const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "'><svg onload=alert(3)>",
  '</textarea></pre><iframe src=javascript:alert(4)>',
  '&lt;already-escaped&gt; & <b>bold</b>',
  '`"><img src=x onerror=alert(5)>` and `<script>`',
];

function ctx(nonce = makeNonce()): PageContext {
  return {
    nonce,
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/check.css',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/check.js',
    now: NOW,
  };
}

function cert(over: Partial<CertInfo> = {}): CertInfo {
  return {
    subject: 'CN=localhost',
    issuer: 'CN=localhost',
    notBefore: '2025-01-01T00:00:00.000Z',
    notAfter: '2026-01-01T00:00:00.000Z',
    sans: ['DNS:localhost', 'IP:127.0.0.1'],
    sha256: 'AB:CD:EF',
    serialNumber: '01',
    keyType: 'RSA',
    keyBits: 2048,
    signatureAlgorithm: 'sha256WithRSAEncryption',
    isCA: false,
    selfSigned: true,
    pem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    ...over,
  };
}

const SELF_SIGNED: Cause = {
  code: 'self-signed',
  message: 'The server certificate is self-signed.',
  fixes: [
    {
      client: 'python-requests',
      text: 'Point requests at a bundle that contains it.',
      snippet: 'REQUESTS_CA_BUNDLE=/w/.certs/localhost-bundle.pem',
    },
    { client: 'node', text: 'Add it to Node.', snippet: 'NODE_EXTRA_CA_CERTS=/w/.certs/localhost-ca.pem' },
    { client: 'server', text: 'Issue the certificate from a CA instead.' },
  ],
};

function report(over: Partial<CheckReport> = {}): CheckReport {
  return {
    url: 'https://localhost:8443/',
    host: 'localhost',
    port: 8443,
    verdict: 'fail',
    causes: [SELF_SIGNED],
    chain: [cert()],
    trust: {
      node: { store: 'node', trusted: false, error: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
      os: { store: 'os', source: '/etc/ssl/certs/ca-certificates.crt', trusted: false },
      certifi: { store: 'certifi', trusted: null, note: 'python3 has no certifi' },
    },
    protocol: 'TLSv1.3',
    cipher: 'TLS_AES_256_GCM_SHA384',
    addresses: ['127.0.0.1'],
    elapsedMs: 12.4,
    environment: { REQUESTS_CA_BUNDLE: undefined, SSL_CERT_FILE: '/etc/ssl/cert.pem' },
    ...over,
  };
}

/** Every tag name in the page; a hostile string that survived as markup would add one (img, svg, iframe, b…). */
function tagNames(html: string): Set<string> {
  return new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1].toLowerCase()));
}

const PAGE_TAGS = new Set([
  'html',
  'head',
  'meta',
  'link',
  'title',
  'body',
  'script',
  'header',
  'div',
  'h1',
  'h2',
  'h3',
  'span',
  'button',
  'section',
  'details',
  'summary',
  'code',
  'p',
  'ul',
  'li',
  'pre',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'article',
  'dl',
  'dt',
  'dd',
  'br',
  'main',
  'nav',
  'a',
  'strong',
]);

function assertInert(html: string): void {
  const extra = [...tagNames(html)].filter((t) => !PAGE_TAGS.has(t));
  assert.deepStrictEqual(extra, [], `unexpected tags in the page: ${extra.join(', ')}`);
  assert.strictEqual(html.match(/<script/g)?.length, 1, 'exactly one script element');
  // Attribute values are double-quoted with " escaped inside, so dropping them leaves only real attribute names.
  for (const tag of html.match(/<[a-zA-Z][^<>]*>/g) ?? []) {
    assert.doesNotMatch(tag.replace(/"[^"]*"/g, '""'), /\son[a-z]+\s*=/i, `no event-handler attribute in ${tag}`);
  }
}

describe('check panel rendering', () => {
  it('renders hostile subject, issuer, SAN, PEM, trust and environment strings as text only', () => {
    const h = HOSTILE.join(' ');
    const r = report({
      host: HOSTILE[0],
      url: `https://x/${HOSTILE[1]}`,
      protocol: HOSTILE[2],
      cipher: HOSTILE[3],
      addresses: [HOSTILE[4]],
      proxy: HOSTILE[1],
      chain: [
        cert({
          subject: `CN=${HOSTILE[0]}\nO=${HOSTILE[1]}`,
          issuer: `CN=${HOSTILE[2]}`,
          sans: HOSTILE.map((s) => `DNS:${s}`),
          sha256: HOSTILE[3],
          serialNumber: HOSTILE[4],
          keyType: HOSTILE[0],
          signatureAlgorithm: HOSTILE[1],
          pem: h,
          aiaIssuers: [HOSTILE[3]],
          notBefore: HOSTILE[0],
          notAfter: HOSTILE[1],
        }),
      ],
      trust: {
        [HOSTILE[0]]: { store: HOSTILE[1], source: HOSTILE[2], trusted: false, error: HOSTILE[3], note: HOSTILE[4] },
      },
      environment: { [HOSTILE[0]]: HOSTILE[1] },
      causes: [
        {
          code: 'self-signed',
          message: HOSTILE[5],
          fixes: [{ client: 'node', text: HOSTILE[3], snippet: HOSTILE[4] }],
        },
      ],
    });
    const html = renderReport(r, ctx());
    assertInert(html);
    assert.ok(html.includes('CN=&lt;script&gt;alert(1)&lt;/script&gt;'), 'the subject is shown, escaped');
    assert.ok(html.includes('DNS:&quot;&gt;&lt;img src=x onerror=alert(2)&gt;'), 'a SAN is shown, escaped');
    assert.ok(
      html.includes('&amp;lt;already-escaped&amp;gt; &amp; &lt;b&gt;bold&lt;/b&gt;'),
      'entities are escaped again, not trusted',
    );
    assert.ok(
      html.includes('<code>&quot;&gt;&lt;img src=x onerror=alert(5)&gt;</code> and <code>&lt;script&gt;</code>'),
      'backtick spans become code around escaped text',
    );
  });

  it('puts a fresh crypto nonce in the CSP and on the only script, and allows nothing inline or remote', () => {
    const nonce = makeNonce();
    const html = renderReport(report(), ctx(nonce));
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    assert.ok(csp, 'a CSP meta tag');
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<link'), 'the CSP comes before any resource');
    assert.match(csp, /default-src 'none'/);
    assert.ok(csp.includes(`script-src 'nonce-${nonce}'`), 'scripts only by nonce');
    assert.doesNotMatch(
      csp,
      /unsafe-inline|unsafe-eval|\*|https:(?!\/\/file)/,
      'no inline, eval, wildcard or remote sources',
    );
    assert.match(
      html,
      new RegExp(
        `<script nonce="${nonce.replace(/[+/]/g, '\\$&')}" src="https://file\\+\\.vscode-resource[^"]*/media/check\\.js"></script>`,
      ),
    );
    assert.doesNotMatch(html, /\sstyle=/, 'no inline style attributes (the CSP would block them)');
    const nonces = new Set(Array.from({ length: 50 }, makeNonce));
    assert.strictEqual(nonces.size, 50, 'nonces differ');
    assert.strictEqual(Buffer.from(nonce, 'base64').length, 16, '128 bits');
  });

  it('shows the verdict, every trust store, the chain card and one copy button per snippet', () => {
    const html = renderReport(report(), ctx());
    assert.match(html, /class="summary fail"/);
    assert.match(html, /✗ Not trusted — Self-signed certificate/);
    assert.match(html, /<span class="pill no" title="DEPTH_ZERO_SELF_SIGNED_CERT">✗ Node.js<\/span>/);
    assert.match(html, /Self-signed certificate/);
    assert.strictEqual(html.match(/data-action="copy"/g)?.length, 2);
    assert.match(html, /data-index="1"/);
    for (const label of [
      'Node.js bundled roots',
      'Operating system store',
      'Python certifi',
      '/etc/ssl/certs/ca-certificates.crt',
      'python3 has no certifi',
    ]) {
      assert.ok(html.includes(label), label);
    }
    assert.match(html, /pill no">✗ not trusted/);
    assert.match(html, /pill unknown">– not checked/);
    assert.match(html, /Leaf \(self-signed\)/);
    assert.match(html, /214 days left/); // 2025-06-01 → 2026-01-01
    assert.match(html, /class="fill p40"/); // 151 of 365 days elapsed ≈ 41 % → 40 % step
    assert.match(html, /REQUESTS_CA_BUNDLE<\/td><td class="muted">not set/);
    for (const a of ['recheck', 'saveCa', 'createBundle', 'copyEnv']) {
      assert.match(html, new RegExp(`data-action="${a}"`));
    }
  });

  it('disables the certificate actions when no certificate was received', () => {
    const html = renderReport(
      report({
        chain: [],
        trust: {},
        causes: [{ code: 'connection-refused', message: 'Nothing listens on 127.0.0.1:1.', fixes: [] }],
      }),
      ctx(),
    );
    assert.match(html, /data-action="saveCa"[^>]*disabled/);
    assert.match(html, /data-action="copyEnv"[^>]*disabled/);
    assert.doesNotMatch(html, /data-action="recheck"[^>]*disabled/);
    assert.match(html, /The server sent no certificate/);
  });

  it('renders an explanation with the pasted text as text and an escaped check-URL button', () => {
    // The explain panel's model: the core's explanation (client, ranked causes, endpoint); "Check" probes the origin.
    const host = 'evil.example/"><img src=x onerror=alert(1)>';
    const url = `https://${host}/`;
    const explanation: Explanation = {
      client: null,
      causes: [{ ...SELF_SIGNED, likelihood: 'likely', fixes: SELF_SIGNED.fixes }],
      host,
      port: 443,
      url,
    };
    const html = renderExplanation({ text: `requests.exceptions.SSLError: ${HOSTILE.join('\n')}`, explanation }, ctx());
    assertInert(html);
    assert.ok(html.includes(`data-url="${text(url)}"`), 'the URL travels in an escaped attribute');
    assert.match(html, /data-action="checkUrl"/);
    const none = renderExplanation(
      { text: 'something else', explanation: { client: null, causes: [], host: null, port: null, url: null } },
      ctx(),
    );
    assert.match(none, /No known TLS error recognised/);
    assert.doesNotMatch(none, /data-action="checkUrl"/);
  });
});

describe('check panel view model', () => {
  it('computes validity states and days left', () => {
    assert.deepStrictEqual(validityOf(cert({ notAfter: '2025-06-11T00:00:00Z' }), NOW).state, 'expiring');
    const expired = validityOf(cert({ notBefore: '2024-01-01T00:00:00Z', notAfter: '2025-05-01T00:00:00Z' }), NOW);
    assert.deepStrictEqual([expired.state, expired.daysLeft, expired.percentElapsed], ['expired', -31, 100]);
    assert.strictEqual(validityOf(cert({ notBefore: '2025-07-01T00:00:00Z' }), NOW).state, 'not-yet-valid');
    assert.strictEqual(
      validityOf(cert({ notAfter: 'garbage' }), NOW).state,
      'expired',
      'unparseable dates never look valid',
    );
  });

  it('badges self-signed leaves, expiry, weak keys and signatures, and name mismatches', () => {
    const weak = cert({ keyBits: 1024, signatureAlgorithm: 'sha1WithRSAEncryption', notAfter: '2025-05-01T00:00:00Z' });
    const r = report({ chain: [weak], causes: [{ code: 'hostname-mismatch', message: 'x', fixes: [] }] });
    assert.deepStrictEqual(
      badgesFor(r, 0, NOW).map((b) => b.label),
      ['self-signed', 'expired', 'weak signature', 'weak key', 'name mismatch'],
    );
    const chain = [
      cert({ selfSigned: false, issuer: 'CN=Int' }),
      cert({ selfSigned: false, isCA: true }),
      cert({ isCA: true, keyType: 'EC', keyBits: 256, signatureAlgorithm: 'ecdsa-with-SHA256' }),
    ];
    const r2 = report({ chain, causes: [{ code: 'untrusted-root', message: 'x', fixes: [] }] });
    assert.deepStrictEqual(
      badgesFor(r2, 0, NOW).map((b) => b.label),
      [],
    );
    assert.deepStrictEqual(
      badgesFor(r2, 1, NOW).map((b) => b.label),
      ['CA'],
    );
    assert.deepStrictEqual(
      badgesFor(r2, 2, NOW).map((b) => b.label),
      ['root', 'untrusted root'],
    );
  });

  it("does not flag a sent root's SHA-1 self-signature (never verified), only the certificates under it", () => {
    const sha1 = 'sha1WithRSAEncryption';
    const chain = [
      cert({ selfSigned: false, issuer: 'CN=Old Root' }),
      cert({ subject: 'CN=Old Root', issuer: 'CN=Old Root', isCA: true, signatureAlgorithm: sha1 }),
    ];
    const ok = report({ chain, verdict: 'ok', causes: [] });
    assert.deepStrictEqual(
      badgesFor(ok, 1, NOW).map((b) => b.label),
      ['root'],
    );
    const weakInt = report({
      chain: [chain[0], cert({ selfSigned: false, isCA: true, signatureAlgorithm: sha1 }), chain[1]],
    });
    assert.deepStrictEqual(
      badgesFor(weakInt, 1, NOW).map((b) => b.label),
      ['CA', 'weak signature'],
    );
  });

  it('picks the last certificate as the anchor and says whether it is a self-signed root', () => {
    assert.strictEqual(anchorCert([]), undefined);
    const root = cert({ subject: 'CN=Root', isCA: true });
    assert.deepStrictEqual(anchorCert([cert({ selfSigned: false }), root]), { cert: root, complete: true });
    const intermediate = cert({ subject: 'CN=Int', isCA: true, selfSigned: false });
    assert.strictEqual(anchorCert([cert({ selfSigned: false }), intermediate])?.complete, false);
  });

  it('numbers snippets in display order, makes safe file names, env lines and a log line without PEM', () => {
    assert.deepStrictEqual(
      collectSnippets([SELF_SIGNED]).map((s) => s.text),
      ['REQUESTS_CA_BUNDLE=/w/.certs/localhost-bundle.pem', 'NODE_EXTRA_CA_CERTS=/w/.certs/localhost-ca.pem'],
    );
    assert.strictEqual(safeFileStem('::1'), '__1');
    assert.strictEqual(safeFileStem('../../etc/passwd'), '_.._etc_passwd');
    assert.strictEqual(safeFileStem('api.example.com'), 'api.example.com');
    assert.strictEqual(
      envLines({ A: '/x y', B: '/z' }, (v) => (v.includes(' ') ? `'${v}'` : v)),
      "A='/x y'\nB=/z\n",
    );
    const line = logLine(report());
    assert.strictEqual(line, 'check localhost:8443 → fail (causes: self-signed; chain: 1) in 12 ms');
    assert.doesNotMatch(line, /BEGIN/);
  });
});

describe('https URL literal scan', () => {
  it('finds quoted and assigned URLs, trims punctuation, skips comments, templates and prose', () => {
    const py = [
      'import requests',
      '# docs: https://docs.example.com/guide',
      'r = requests.get("https://api.example.com:8443/v1?q=1", verify=False)',
      "u = f'https://{host}/x'",
      'BASE=https://localhost:3000/.',
      'pair = ["https://a.example", \'https://b.example/\']',
    ].join('\n');
    const hits = findHttpsUrls(py, 'python');
    assert.deepStrictEqual(
      hits.map((h) => [h.line, h.url]),
      [
        [2, 'https://api.example.com:8443/v1?q=1'],
        [4, 'https://localhost:3000/'],
        [5, 'https://a.example'],
        [5, 'https://b.example/'],
      ],
    );
    assert.deepStrictEqual([hits[0].start, hits[0].end], [18, 53]);
    assert.deepStrictEqual(findHttpsUrls('See https://x.example', 'markdown'), []);
    assert.deepStrictEqual(findHttpsUrls('"https://x.example"', 'plaintext'), []);
  });

  it('accepts bare values in shell and YAML but not their comments', () => {
    const sh = 'curl -sS https://internal.corp:8443/health\n# curl https://commented.example';
    assert.deepStrictEqual(
      findHttpsUrls(sh, 'shellscript').map((h) => h.url),
      ['https://internal.corp:8443/health'],
    );
    assert.deepStrictEqual(
      findHttpsUrls('url: https://[::1]:8443/x', 'yaml').map((h) => h.url),
      ['https://[::1]:8443/x'],
    );
    assert.deepStrictEqual(
      findHttpsUrls('curl -sS https://internal.corp', 'python'),
      [],
      'bare URLs in code are prose',
    );
  });

  it('makes one lens per endpoint per line, naming it only when a line has several', () => {
    const hits = findHttpsUrls(
      'a = "https://x.example/a"; b = "https://x.example/b"; c = "https://y.example:8443/"\nd = "https://z.example"',
      'python',
    );
    assert.deepStrictEqual(
      lensTargets(hits).map((t) => [t.hit.line, t.title, t.hit.url]),
      [
        [0, 'Check TLS: x.example', 'https://x.example/a'],
        [0, 'Check TLS: y.example:8443', 'https://y.example:8443/'],
        [1, 'Check TLS', 'https://z.example'],
      ],
    );
  });

  it('finds the URL under the cursor for the input box', () => {
    const line = 'fetch("https://api.example.com/x"), http://plain.example';
    assert.strictEqual(urlAt(line, 10), 'https://api.example.com/x');
    assert.strictEqual(urlAt(line, 40), 'http://plain.example');
    assert.strictEqual(urlAt(line, 2), undefined);
  });
});
