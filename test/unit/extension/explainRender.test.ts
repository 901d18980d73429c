// The "Explain TLS Error" panel from the core's explanation: the client named, the most likely cause first, the
// alternatives as possibilities, that client's fix first with the other clients folded, "Check <host>" on the origin,
// and the re-stated form after a check. Hostile input stays text (render.test.ts covers the escaping).
import * as assert from 'assert';
import { explain, hintFor, restateFromProbe } from '../../../src/core/explain/index';
import type { CheckReport } from '../../../src/core/tls/types';
import { makeNonce, PageContext } from '../../../src/extension/checkUrl/render';
import { checkTarget, displayedFixes, ExplainView, resultOf, viewSnippets } from '../../../src/extension/explain/model';
import { renderExplanation } from '../../../src/extension/explain/render';

const ctx = (): PageContext => ({
  nonce: makeNonce(),
  cspSource: 'https://x.vscode-cdn.net',
  styleUri: 'https://x.vscode-cdn.net/check.css',
  scriptUri: 'https://x.vscode-cdn.net/check.js',
  now: new Date('2025-06-01T00:00:00Z'),
});

const PY = [
  '$ python3 fetch.py',
  'Traceback (most recent call last):',
  '  File "/venv/lib/python3.12/site-packages/requests/adapters.py", line 667, in send',
  "requests.exceptions.SSLError: HTTPSConnectionPool(host='127.0.0.1', port=8443): Max retries exceeded with url: /health (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate in certificate chain (_ssl.c:1000)')))",
].join('\n');

/** A failed check of 127.0.0.1:8443 that found one cause (what "Check <host>" hands back to the panel). */
const failedCheck = (code: string, message: string): CheckReport =>
  ({
    url: 'https://127.0.0.1:8443/',
    host: '127.0.0.1',
    port: 8443,
    verdict: 'fail',
    chain: [],
    trust: {},
    causes: [{ code, message, fixes: [] }],
  }) as unknown as CheckReport;

const view = (text: string): ExplainView => ({ text, explanation: explain(text) });
const position = (html: string, s: string) => {
  const i = html.indexOf(s);
  assert.ok(i >= 0, `missing: ${s}`);
  return i;
};

describe('explain panel', () => {
  it("names the client, leads with the most likely cause and that client's fix, folds the other clients", () => {
    const v = view(PY);
    const html = renderExplanation(v, ctx());
    assert.match(html, /Client: Python requests \(python\)/);
    const [first, ...rest] = displayedFixes(v);
    assert.strictEqual(first.cause.likelihood, 'likely');
    assert.strictEqual(first.lead[0].client, 'python-requests');
    assert.ok(
      first.folded.length > 0 && first.folded.every((f) => f.client !== 'python-requests' && f.client !== 'server'),
    );
    assert.ok(rest.every((c) => c.cause.likelihood === 'possible'));
    // Order on the page: the most likely cause, its requests fix, the folded others, then the possibilities.
    const mostLikely = position(html, 'Most likely cause');
    const requestsFix = position(html, 'REQUESTS_CA_BUNDLE');
    const folded = position(html, 'Fixes for other clients');
    const possibilities = position(html, 'Other possibilities');
    assert.ok(mostLikely < requestsFix && requestsFix < folded && folded < possibilities);
    assert.match(html.slice(possibilities), /Possible: .*If /s, 'alternatives are worded as possibilities');
    assert.match(html.slice(possibilities), /Check: /, 'with the check that settles them');
  });

  it('a message that states no reason gets its usual reason headed as probable, never as certain', () => {
    const bare =
      "requests.exceptions.SSLError: HTTPSConnectionPool(host='internal.example.org', port=443): Max retries exceeded with url: /api (Caused by SSLError(SSLError(1, u'[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed (_ssl.c:590)'),))";
    const v = view(bare);
    assert.strictEqual(v.explanation.causes[0].guessed, true);
    assert.ok(v.explanation.causes.slice(1).every((c) => c.guessed === undefined));
    const html = renderExplanation(v, ctx());
    assert.match(html, /<h1>Probably: Chain ends at a root this client does not trust<\/h1>/);
    // A stated reason is headed as it is.
    const stated = renderExplanation(view(PY), ctx());
    assert.strictEqual(view(PY).explanation.causes[0].guessed, undefined);
    assert.doesNotMatch(stated, /<h1>Probably: /);
  });

  it('"Check <host>" probes the origin the message names, and the command result carries it', () => {
    const v = view(PY);
    assert.strictEqual(checkTarget(v.explanation), 'https://127.0.0.1:8443/');
    assert.match(
      renderExplanation(v, ctx()),
      /data-action="checkUrl" data-url="https:\/\/127\.0\.0\.1:8443\/"[^>]*>Check 127\.0\.0\.1:8443</,
    );
    const r = resultOf(v);
    assert.deepStrictEqual(
      [r.client, r.host, r.port, r.url, r.causes[0].code],
      ['python-requests', '127.0.0.1', 8443, 'https://127.0.0.1:8443/', 'untrusted-root'],
    );
    assert.strictEqual(
      checkTarget(explain('curl: (60) SSL certificate problem: unable to get local issuer certificate')),
      undefined,
      'no host, no button',
    );
  });

  it('numbers the copy buttons in the order viewSnippets returns them', () => {
    const v = view(PY);
    const html = renderExplanation(v, ctx());
    const snippets = viewSnippets(v);
    const shown = [...html.matchAll(/<pre><code>([^<]*)<\/code><\/pre><button[^>]*data-index="(\d+)"/g)].map(
      (m) => [Number(m[2]), m[1]] as const,
    );
    assert.ok(shown.length > 3);
    for (const [i, code] of shown) {
      assert.strictEqual(
        code
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&'),
        snippets[i],
      );
    }
    assert.deepStrictEqual(
      shown.map(([i]) => i),
      snippets.map((_, i) => i),
    );
  });

  it('after a check, shows what the probe saw and offers to check again', () => {
    const v = view(PY);
    const report = failedCheck('self-signed', 'The server sent one self-signed certificate.');
    const restated: ExplainView = {
      text: v.text,
      explanation: restateFromProbe(v.explanation, report),
      checked: { url: report.url, verdict: 'fail' },
    };
    const html = renderExplanation(restated, ctx());
    assert.match(html, /Re-stated from the check of https:\/\/127\.0\.0\.1:8443\//);
    assert.match(html, /Seen by the probe: Self-signed server certificate/);
    assert.match(html, />Check again 127\.0\.0\.1:8443</);
    assert.strictEqual(displayedFixes(restated)[0].lead[0].client, 'python-requests', "the client's fix still leads");
  });

  it('an unrecognised client: the client line says what ordered the fixes, before and after a check', () => {
    const text = [
      'sync failed: certificate verify failed: unable to get local issuer certificate',
      '\tat com.acme.Sync.run(Sync.java:42)',
    ].join('\n');
    const v: ExplainView = { text, explanation: explain(text), hint: hintFor(text) };
    assert.strictEqual(v.explanation.client, null, 'the fixture must name no client');
    const html = renderExplanation(v, ctx());
    assert.match(html, /Client: not recognised \(a Java stack: fixes for java, gradle, maven first\)/);
    const report = failedCheck('untrusted-root', 'No store here trusts the root.');
    const restated: ExplainView = {
      text,
      hint: v.hint,
      explanation: restateFromProbe(v.explanation, report, v.hint),
      checked: { url: report.url, verdict: 'fail' },
    };
    assert.match(renderExplanation(restated, ctx()), /Client: not recognised \(a Java stack/);
    assert.strictEqual(displayedFixes(restated)[0].lead[0].client, 'java', 'the hint still orders the re-stated fixes');
    const unhinted = restateFromProbe(v.explanation, report);
    assert.notStrictEqual(
      displayedFixes({ ...restated, explanation: unhinted })[0].lead[0].client,
      'java',
      'without the hint the common order leads (so the assertion above is the hint at work)',
    );
  });
});
