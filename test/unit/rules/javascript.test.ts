import * as assert from 'assert';
import { scanText } from '../../../src/core/scan/index';
import { expectNone, expectOne } from './helpers';

describe('rules: javascript/typescript', () => {
  const positives: [string, string, string][] = [
    [
      'const agent = new https.Agent({ rejectUnauthorized: false });',
      'javascript.reject-unauthorized-false',
      'rejectUnauthorized: false',
    ],
    [
      'axios.create({ httpsAgent: new https.Agent({ rejectUnauthorized: false }) })',
      'javascript.reject-unauthorized-false',
      'rejectUnauthorized: false',
    ],
    [
      "got(u, { https: { 'rejectUnauthorized': false } })",
      'javascript.reject-unauthorized-false',
      "'rejectUnauthorized': false",
    ],
    [
      'new Agent({ connect: { "rejectUnauthorized": false } })',
      'javascript.reject-unauthorized-false',
      '"rejectUnauthorized": false',
    ],
    [
      'new Pool({ ssl: { rejectUnauthorized: false } })',
      'javascript.reject-unauthorized-false',
      'rejectUnauthorized: false',
    ],
    ['opts.rejectUnauthorized = false;', 'javascript.reject-unauthorized-false', 'rejectUnauthorized = false'],
    [
      "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';",
      'javascript.node-tls-reject-unauthorized',
      "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'",
    ],
    [
      'process.env.NODE_TLS_REJECT_UNAUTHORIZED = 0',
      'javascript.node-tls-reject-unauthorized',
      'process.env.NODE_TLS_REJECT_UNAUTHORIZED = 0',
    ],
    [
      'process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";',
      'javascript.node-tls-reject-unauthorized',
      'process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0"',
    ],
    [
      'process.env.NODE_TLS_REJECT_UNAUTHORIZED = `0`;',
      'javascript.node-tls-reject-unauthorized',
      'process.env.NODE_TLS_REJECT_UNAUTHORIZED = `0`',
    ],
    [
      "process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '0';",
      'javascript.node-tls-reject-unauthorized',
      "process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '0'",
    ],
    [
      "spawn('node', [], { env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' } })",
      'javascript.node-tls-reject-unauthorized',
      "NODE_TLS_REJECT_UNAUTHORIZED: '0'",
    ],
    ['request({ url, strictSSL: false })', 'javascript.strict-ssl-false', 'strictSSL: false'],
    [
      'tls.connect({ checkServerIdentity: () => undefined })',
      'javascript.noop-check-server-identity',
      'checkServerIdentity: () => undefined',
    ],
    [
      'tls.connect({ checkServerIdentity: (host, cert) => {} })',
      'javascript.noop-check-server-identity',
      'checkServerIdentity: (host, cert) => {}',
    ],
    [
      'tls.connect({ checkServerIdentity: function () { return undefined; } })',
      'javascript.noop-check-server-identity',
      'checkServerIdentity: function () { return undefined; }',
    ],
    [
      'const o = { checkServerIdentity(host: string, cert: PeerCertificate): Error | undefined { return undefined; } }',
      'javascript.noop-check-server-identity',
      'checkServerIdentity(host: string, cert: PeerCertificate): Error | undefined { return undefined; }',
    ],
  ];
  for (const [code, id, value] of positives) {
    it(`finds ${id} in: ${code}`, () => expectOne(code, 'client.ts', id, value));
  }

  const negatives = [
    'new https.Agent({ rejectUnauthorized: true })',
    'new https.Agent({ rejectUnauthorized: insecure })',
    '// new https.Agent({ rejectUnauthorized: false })',
    '/* process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0" */',
    'const hint = "set rejectUnauthorized: false to skip";',
    'const t = `use ${x} rejectUnauthorized: false`;',
    'const re = /rejectUnauthorized: false/;',
    "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';",
    'if (process.env.NODE_TLS_REJECT_UNAUTHORIZED === "0") warn();',
    'if (opts.rejectUnauthorized == false) warn();',
    'tls.connect({ checkServerIdentity: (h, c) => tls.checkServerIdentity(h, c) })',
    'const err = tls.checkServerIdentity(host, cert);',
    'request({ strictSSL: true })',
  ];
  for (const code of negatives) it(`ignores: ${code}`, () => expectNone(code, 'client.ts'));

  it('finds code after a template literal with nested braces', () => {
    const code = 'const s = `a ${ {k: 1}.k } b`;\nconst a = new https.Agent({ rejectUnauthorized: false });';
    const [f] = scanText(code, 'x.js');
    assert.deepStrictEqual(f.range, { start: { line: 1, character: 28 }, end: { line: 1, character: 53 } });
  });

  it('applies to .js .mjs .cjs .jsx .ts .tsx and the JS/TS language ids', () => {
    for (const p of ['a.js', 'a.mjs', 'a.cjs', 'a.jsx', 'a.ts', 'a.tsx', 'a.vue']) {
      assert.strictEqual(scanText('x({rejectUnauthorized: false})', p).length, 1, p);
    }
    assert.strictEqual(
      scanText('x({rejectUnauthorized: false})', 'Untitled-1', { languageId: 'typescriptreact' }).length,
      1,
    );
    assert.strictEqual(scanText('x({rejectUnauthorized: false})', 'notes.md').length, 0);
  });

  // Issue #18's probes: an object type annotating a parameter or a variable is a type position, not an option.
  it('ignores rejectUnauthorized: false in parameter and variable type annotations', () => {
    expectNone('function connect(o: { rejectUnauthorized: false }) {}', 'client.ts');
    expectNone(
      'const f = (url: string, opts?: { rejectUnauthorized: false; ca?: string }) => get(url, opts);',
      'client.ts',
    );
    expectNone('let strict: { rejectUnauthorized: false } | undefined;', 'client.ts');
    expectNone('type A = Partial<{ rejectUnauthorized: false }>;', 'client.ts');
    expectNone('const m = new Map<string, { rejectUnauthorized: false }>();', 'client.ts');
    expectNone('function f(): { rejectUnauthorized: false } {\n  return x;\n}', 'client.ts');
  });
  it('still finds the value in object literals, ternaries and call arguments next to typed code', () => {
    expectOne(
      'const o = { ssl: { rejectUnauthorized: false } };',
      'client.ts',
      'javascript.reject-unauthorized-false',
      'rejectUnauthorized: false',
    );
    expectOne(
      'const a = dev ? (x) : { rejectUnauthorized: false };',
      'client.ts',
      'javascript.reject-unauthorized-false',
      'rejectUnauthorized: false',
    );
    expectOne(
      'function f(o: Opts) { return get(u, { rejectUnauthorized: false }); }',
      'client.ts',
      'javascript.reject-unauthorized-false',
      'rejectUnauthorized: false',
    );
    expectOne(
      'get(u, { timeout: 1, tls: { rejectUnauthorized: false } });',
      'client.ts',
      'javascript.reject-unauthorized-false',
      'rejectUnauthorized: false',
    );
    for (const code of [
      'if (a < b) { agent = new Agent({ rejectUnauthorized: false }); }',
      'function make() { return { rejectUnauthorized: false }; }',
      'const pick = (a: number, b: number) => a < b ? { rejectUnauthorized: false } : {};',
    ]) {
      expectOne(code, 'client.ts', 'javascript.reject-unauthorized-false', 'rejectUnauthorized: false');
    }
  });

  // The family's prefilter once wanted a quote or a dot after TLSv1: a file whose only switch was one of these was
  // skipped unread.
  it('finds an obsolete secureProtocol or a template-literal version when nothing else in the file names one', () => {
    expectOne(
      "https.request({ secureProtocol: 'TLSv1_method' });",
      'a.js',
      'javascript.obsolete-tls-version',
      "secureProtocol: 'TLSv1_method'",
    );
    expectOne(
      'tls.connect({ host, minVersion: `TLSv1` });',
      'a.js',
      'javascript.obsolete-tls-version',
      'minVersion: `TLSv1`',
    );
  });
});
