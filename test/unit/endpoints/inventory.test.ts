import * as assert from 'assert';
import { findEndpointRefs } from '../../../src/core/endpoints/inventory';

const urls = (text: string, path: string) => findEndpointRefs(text, path).map((r) => r.url);

describe('endpoints/inventory', () => {
  it('lists https URLs in code with exact ranges, ignoring comments', () => {
    const text =
      '# see https://docs.example/guide\nAPI = "https://api.example:8443/v1"  # not https://comment.example\nplain = "http://plain.example"\n';
    const refs = findEndpointRefs(text, 'app.py');
    assert.deepStrictEqual(
      refs.map((r) => [r.url, r.host, r.port]),
      [['https://api.example:8443/v1', 'api.example', 8443]],
    );
    assert.deepStrictEqual(refs[0].range, { start: { line: 1, character: 7 }, end: { line: 1, character: 34 } });
  });

  it('skips URLs whose host is computed', () => {
    const text =
      'const a = `https://${host}/x`;\nconst b = "https://api." + domain;\nconst c = `https://svc-${env}.example/`;\nconst d = "https://ok.example/" + path;\n';
    assert.deepStrictEqual(urls(text, 'a.ts'), ['https://ok.example/']);
  });

  it('reads config files, shell and YAML with # comments', () => {
    assert.deepStrictEqual(urls('registry=https://npm.corp.example/\n# registry=https://old.example/\n', '.npmrc'), [
      'https://npm.corp.example/',
    ]);
    assert.deepStrictEqual(urls('steps:\n  - run: curl -k https://ci.example:9443/health.\n', 'ci.yml'), [
      'https://ci.example:9443/health',
    ]);
  });

  it('keeps IPv6 literals and drops credentials and queries', () => {
    assert.deepStrictEqual(urls('u = "https://[::1]:8443/a"\nv = "https://me:pw@h.example/p?key=1"\n', 'x.py'), [
      'https://[::1]:8443/a',
      'https://h.example/p',
    ]);
  });

  it('ignores prose, lock files and JSON schema references', () => {
    assert.deepStrictEqual(urls('See https://a.example/', 'README.md'), []);
    assert.deepStrictEqual(urls('"resolved": "https://registry.npmjs.org/x.tgz"', 'package-lock.json'), []);
    assert.deepStrictEqual(
      urls('{ "$schema": "https://json.schemastore.org/x", "url": "https://svc.example/" }', 'conf.json'),
      ['https://svc.example/'],
    );
  });
});
