// The Check panel's verdict heading and "verified with <bundle>" line (issue 10, item 8), from real checks of the
// local matrix: "Could not connect" / "Not trusted" / "Trusted, with warnings" (expiring-soon with its days) /
// "Trusted", and a "verified with" only for a handshake with the bundle that verified.
import * as assert from 'assert';
import { checkUrl } from '../../../src/core/tls/index';
import type { CheckOptions } from '../../../src/core/tls/index';
import { BundleCheckView, renderReport, verdictHeading } from '../../../src/extension/checkUrl/render';
import { titleWithProof } from '../../../src/extension/checkUrl/urls';
import { Matrix, startMatrix } from '../../fixtures/tls';

const ISOLATED: CheckOptions = { env: {}, certifiPath: null, osStorePaths: [], timeoutMs: 2000 };
const CTX = { nonce: 'n', cspSource: 'c', styleUri: 's', scriptUri: 'j', now: new Date() };

describe('Check panel: verdict heading and bundle proof', function () {
  this.timeout(30_000);
  let m: Matrix;
  before(async () => {
    m = await startMatrix();
  });
  after(() => m?.close());

  it('heads each outcome by what happened', async () => {
    const cases = [
      ['closed', {}, 'no-connection', 'Could not connect', 'Connection refused'],
      ['self-signed', {}, 'not-trusted', 'Not trusted', 'Self-signed certificate'],
      ['ok', { extraCaFiles: [m.rootFile] }, 'warnings', 'Trusted, with warnings', 'expires in 29 days (localhost)'],
      ['long-lived', { extraCaFiles: [m.rootFile] }, 'trusted', 'Trusted', ''],
    ] as const;
    for (const [scenario, extra, kind, heading, detail] of cases) {
      const r = await checkUrl(m.urls[scenario], { ...ISOLATED, ...extra });
      assert.deepStrictEqual(verdictHeading(r), { kind, heading, detail }, scenario);
      const html = renderReport(r, CTX);
      assert.match(html, new RegExp(`<header class="summary \\w+" data-verdict="${kind}" data-heading="${heading}">`));
      const mark = { 'no-connection': '✗', 'not-trusted': '✗', warnings: '⚠', trusted: '✓' }[kind];
      assert.ok(html.includes(`aria-live="polite">${mark} ${heading}${detail ? ` — ${detail}` : ''}</div>`), scenario);
    }
  });

  it('"verified with <bundle>" only when the newest handshake with it verified', async () => {
    const r = await checkUrl(m.urls['long-lived'], { ...ISOLATED, extraCaFiles: [m.rootFile] });
    const check = (ok: boolean, reached = true): BundleCheckView => ({
      bundle: '.certs/localhost-bundle.pem',
      ok,
      reached,
      causes: ok ? [] : ['untrusted-root'],
      at: Date.UTC(2026, 11, 1, 12, 30, 0),
    });
    const html = (c?: BundleCheckView[]) => renderReport(r, { ...CTX, ...(c ? { bundleChecks: c } : {}) });
    assert.match(
      html([check(true)]),
      /✓ Verified with <code>\.certs\/localhost-bundle\.pem<\/code> <span class="muted">— the trust your fixed code uses \(a handshake with that bundle, 12:30:00 UTC\)/,
    );
    assert.match(
      html([check(false)]),
      /✗ Not verified with <code>\.certs\/localhost-bundle\.pem<\/code>: untrusted-root/,
    );
    assert.doesNotMatch(html([check(false), check(true)]), /Verified with/, 'the newest decides');
    for (const none of [undefined, [check(true, false)]]) assert.doesNotMatch(html(none), /erified with/);
  });

  it('the lens title says "verified with" only for a proof that verified', () => {
    const b = '.certs/x-bundle.pem';
    assert.strictEqual(
      titleWithProof('Check TLS', { ok: true, reached: true, causes: [] }, b),
      `Check TLS · ✓ verified with ${b}`,
    );
    assert.strictEqual(
      titleWithProof('Check TLS', { ok: false, reached: true, causes: ['hostname-mismatch'] }, b),
      `Check TLS · ✗ not verified with ${b} (hostname-mismatch)`,
    );
    assert.strictEqual(titleWithProof('Check TLS', { ok: false, reached: false, causes: ['timeout'] }, b), 'Check TLS');
    assert.strictEqual(titleWithProof('Check TLS', undefined, b), 'Check TLS');
  });
});
