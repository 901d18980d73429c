import * as assert from 'assert';
import { isUrlHost, urlsInText } from '../../../src/core/text/url';

describe('text/url', () => {
  it('finds http(s) URLs in prose with offsets, dropping sentence punctuation and stopping at quotes and brackets', () => {
    const text = `See https://a.example/x?y=1. Or (HTTP://b.example:8443/), 'https://c.example\\d'`;
    assert.deepStrictEqual(urlsInText(text), [
      { url: 'https://a.example/x?y=1', start: 4, end: 27 },
      { url: 'HTTP://b.example:8443/', start: 33, end: 55 },
      { url: 'https://c.example', start: 59, end: 76 },
    ]);
  });
  it('needs a word boundary before the scheme', () => {
    assert.deepStrictEqual(urlsInText('xhttps://a.example'), []);
  });
  it('accepts DNS names and bracketed IPv6 literals as hosts', () => {
    for (const ok of ['a', 'api.example.com', 'x-1.y', '[::1]', '[2001:db8::1]']) assert.ok(isUrlHost(ok), ok);
    for (const bad of ['', '-a', 'a-', 'a.', 'a..b', 'a_b', '::1', '${host}']) assert.ok(!isUrlHost(bad), bad);
  });
});
