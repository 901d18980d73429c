import * as assert from 'assert';
import { schemeTypo } from '../../../src/extension/checkUrl/urls';

describe('check input: mistyped schemes', () => {
  it('suggests the URL a mistyped scheme most likely meant', () => {
    assert.strictEqual(schemeTypo('htps//example.com'), 'https://example.com');
    assert.strictEqual(schemeTypo('http:/example.com/x'), 'http://example.com/x');
    assert.strictEqual(schemeTypo('https:example.com'), 'https://example.com');
    assert.strictEqual(schemeTypo('hhtps://example.com:8443'), 'https://example.com:8443');
    assert.strictEqual(schemeTypo('https:///example.com'), 'https://example.com');
    assert.strictEqual(schemeTypo('htp://127.0.0.1'), 'http://127.0.0.1');
  });

  it('leaves well-formed URLs, bare hosts and host:port alone', () => {
    for (const ok of [
      'https://example.com',
      'http://x.test/',
      'example.com',
      'localhost:8443',
      'example.com:443/path',
      'http:8080',
      'api.test',
      '127.0.0.1:8443',
    ]) {
      assert.strictEqual(schemeTypo(ok), undefined, ok);
    }
  });
});
