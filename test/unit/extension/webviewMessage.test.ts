// The one validator of what the webviews post back: known types only, an integer index where one is needed, and a
// URL the page's rule allows.
import * as assert from 'assert';
import { parseWebviewMessage } from '../../../src/extension/webviewMessage';

describe('extension: webview messages', () => {
  const spec = {
    plain: ['recheck', 'saveCa'] as const,
    indexed: ['copy'] as const,
    url: /^https:\/\/[A-Za-z0-9.:[\]-]+$/,
  };
  const parse = (raw: unknown) => parseWebviewMessage(raw, spec);

  it('takes the known plain and indexed types, and drops anything else they carry', () => {
    assert.deepStrictEqual(parse({ type: 'recheck', extra: '<script>' }), { type: 'recheck' });
    assert.deepStrictEqual(parse({ type: 'copy', index: 2, url: 'x' }), { type: 'copy', index: 2 });
  });

  it('refuses unknown types, missing or fractional indexes, non-objects', () => {
    for (const raw of [
      null,
      'recheck',
      42,
      {},
      { type: 7 },
      { type: 'exportPem', index: 0 },
      { type: 'copy' },
      { type: 'copy', index: 1.5 },
      { type: 'copy', index: '1' },
      { type: 'constructor' },
      { type: 'toString' },
    ]) {
      assert.strictEqual(parse(raw), undefined, JSON.stringify(raw));
    }
  });

  it("checks a URL against the page's rule", () => {
    assert.deepStrictEqual(parse({ type: 'checkUrl', url: 'https://a.example:8443' }), {
      type: 'checkUrl',
      url: 'https://a.example:8443',
    });
    assert.strictEqual(parse({ type: 'checkUrl', url: 'https://a.example/path?q' }), undefined);
    assert.strictEqual(parse({ type: 'checkUrl', url: 'javascript:alert(1)' }), undefined);
    assert.strictEqual(parse({ type: 'checkUrl' }), undefined);
    const loose = parseWebviewMessage(
      { type: 'checkUrl', url: 'HTTP://x.example/a' },
      { ...spec, url: /^https?:\/\//i },
    );
    assert.deepStrictEqual(loose, { type: 'checkUrl', url: 'HTTP://x.example/a' });
  });
});
