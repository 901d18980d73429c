import * as assert from 'assert';
import { findEndpointRefs } from '../../../src/core/endpoints/inventory';

describe('endpoints/inventory: object-style Node calls', () => {
  it('lists https.request({ host, port }), https.get({ hostname }) and tls.connect({ host, port }) with the host range', () => {
    const text = [
      "const req = https.request({ host: '127.0.0.1', port: 20443, path: '/x', rejectUnauthorized: false });",
      'https.get({ hostname: "api.internal.test", path: "/" }, cb);',
      "tls.connect({ host: 'db.test', port: 6443 });",
    ].join('\n');
    const refs = findEndpointRefs(text, 'client.js');
    assert.deepStrictEqual(
      refs.map((r) => [r.host, r.port]),
      [
        ['127.0.0.1', 20443],
        ['api.internal.test', 443],
        ['db.test', 6443],
      ],
    );
    assert.deepStrictEqual(refs[0].range, { start: { line: 0, character: 35 }, end: { line: 0, character: 44 } });
  });

  it('skips computed hosts, tls.connect without a port, commented-out calls and other languages', () => {
    const text =
      "https.request({ host: process.env.HOST, port: 1 });\ntls.connect({ host: 'x.test' });\n// https.get({ host: 'old.test' })\n";
    assert.deepStrictEqual(findEndpointRefs(text, 'a.ts'), []);
    assert.deepStrictEqual(findEndpointRefs("https.request({ host: 'x.test' })", 'a.py'), []);
  });
});
