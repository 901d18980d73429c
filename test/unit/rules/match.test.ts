// The shared matching helpers that are pure speed-ups must answer exactly what the plain calls answer.
import * as assert from 'assert';
import fc from 'fast-check';
import { contains, literalsPresent, withLiterals } from '../../../src/core/rules/match';
import type { Lexed } from '../../../src/core/rules/lexer';
import { aliasesOf, falseBindings } from '../../../src/core/rules/python-flow';

describe('rules/match: contains', () => {
  it('property: equals includes, for needles shorter and longer than the 6-character head', () => {
    const piece = fc.constantFrom(
      'PYTHON',
      'HTTPS',
      'VERIFY',
      'PYTHONHTTPSVERIFY',
      'a',
      '_',
      ' ',
      '\n',
      'é',
      // heads taken from the middle or the end of a needle (its rarest character): verify_ssl → y_ssl, tlsAllowI…
      'verify',
      '_ssl',
      'y_ssl',
      'tls',
      'Allow',
      'Invalid',
      'tlsAllowInvalid',
      'x1',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 20 }),
        fc.array(piece, { minLength: 1, maxLength: 4 }),
        (text, needle) => {
          const t = text.join('');
          const n = needle.join('');
          assert.strictEqual(contains(t, n), t.includes(n), `${JSON.stringify(t)} / ${JSON.stringify(n)}`);
        },
      ),
      { numRuns: 3000 },
    );
    assert.strictEqual(contains('x PYTHONHTTPSVERIFY=0', 'PYTHONHTTPSVERIFY'), true);
    assert.strictEqual(contains('x PYTHONPATH PYTHONHTTPS', 'PYTHONHTTPSVERIFY'), false);
    assert.strictEqual(contains('verify_ssl=False', 'verify_ssl'), true);
    assert.strictEqual(contains('x y_ssl verify_', 'verify_ssl'), false);
    assert.strictEqual(contains('tlsAllowInvalidCertificates', 'tlsAllowInvalid'), true);
    assert.strictEqual(contains('AllowInvalid tls', 'tlsAllowInvalid'), false);
  });

  it('property: equals includes past the head occurrences it checks in place (a common head, then the whole needle)', () => {
    // 64 head occurrences are checked one by one, the rest of the text is searched whole: texts with up to 200.
    const head = fc.constantFrom('verify', 'verify_', 'ssl_', 'x ', '_ssl', 'verify_ssl', 'y_ss');
    fc.assert(
      fc.property(
        fc.array(head, { minLength: 0, maxLength: 200 }),
        fc.constantFrom('verify_ssl', 'ssl_verify'),
        (parts, n) => {
          const t = parts.join('');
          assert.strictEqual(contains(t, n), t.includes(n), JSON.stringify(t));
        },
      ),
      { numRuns: 2000 },
    );
    const many = 'verify '.repeat(100);
    assert.strictEqual(contains(many + 'verify_ssl', 'verify_ssl'), true);
    assert.strictEqual(contains('verify_ssl' + many, 'verify_ssl'), true);
    assert.strictEqual(contains(many + 'verify_ss', 'verify_ssl'), false);
    assert.strictEqual(contains('verify '.repeat(63) + 'verify_ssl', 'verify_ssl'), true);
    assert.strictEqual(contains('verify '.repeat(64) + 'verify_ssl', 'verify_ssl'), true);
  });
});

describe('rules/python-flow: falseBindings', () => {
  // The line-start regex it replaces, kept here as the reference.
  const REFERENCE = /^[ \t]*([A-Za-z_]\w*)[ \t]*(?::[ \t]*bool[ \t]*)?=(?!=)[ \t]*(?:False|0)[ \t]*(?:#[^\n]*)?$/gm;
  it('property: the names the line-start regex finds, with CR, CRLF, comments, == and numbers', () => {
    const piece = fc.constantFrom(
      'x',
      'VERIFY',
      ' ',
      '\t',
      '=',
      '==',
      'False',
      '0',
      '10',
      ': bool',
      '#',
      '\n',
      '\r\n',
      '\r',
      '.',
      '\u2028',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (parts) => {
        const code = parts.join('');
        const expected = new Set([...code.matchAll(REFERENCE)].map((m) => m[1]));
        assert.deepStrictEqual(falseBindings(code), expected, JSON.stringify(code));
      }),
      { numRuns: 5000 },
    );
    assert.deepStrictEqual(
      falseBindings('VERIFY = False\nx = 10\nON: bool = 0  # no\na == 0\n'),
      new Set(['VERIFY', 'ON']),
    );
  });
});

describe('rules/python-flow: aliasesOf', () => {
  // The whole-file regex passes it replaces, kept here as the reference.
  const IMPORT_AS = /import[ \t]+(requests|httpx|aiohttp|urllib3)[ \t]+as[ \t]+(\w+)/g;
  const FROM_IMPORT = /from[ \t]+(requests|httpx|aiohttp|urllib3)(?:\.[\w.]+)?[ \t]+import[ \t]+(\([^)]*\)|[^\n#]+)/g;
  function reference(code: string) {
    const modules = new Map<string, string>();
    const names = new Map<string, string>();
    for (const m of code.matchAll(IMPORT_AS)) modules.set(m[2], m[1]);
    for (const m of code.matchAll(FROM_IMPORT)) {
      for (const part of m[2].replace(/[()]/g, '').split(',')) {
        const [name, alias] = part.trim().split(/\s+as\s+/);
        if (/^\w+$/.test(name)) names.set(alias?.trim() || name, `${m[1]}.${name}`);
      }
    }
    return { modules, names };
  }
  it('property: the aliases the whole-file regexes find, with odd spacing, parentheses and nested imports', () => {
    // Whole statements most of the time (keyword, blanks, module, names), loose pieces around them.
    const blank = fc.constantFrom(' ', '\t', ' \t', '  ', '');
    const statement = fc
      .tuple(
        fc.constantFrom('import', 'from', 'fromfrom', 'x'),
        blank,
        fc.constantFrom('requests', 'httpx', 'urllib3', 'aiohttp', 'os'),
        fc.constantFrom('', '.adapters', '.'),
        blank,
        fc.constantFrom('as', 'import', 'import (', ''),
        blank,
        fc.constantFrom('r', 'get', 'get, post as p', 'Session)', '(a,\n b)', '# c'),
      )
      .map((t) => t.join(''));
    const piece = fc.constantFrom('import', 'from', ' ', '\t', '\n', 'requests', '(', ')', ' as ', 'x');
    fc.assert(
      fc.property(
        fc.array(fc.oneof(statement, piece), { maxLength: 12 }),
        fc.constantFrom('\n', ' ', ''),
        (parts, sep) => {
          const code = parts.join(sep);
          const got = aliasesOf({ code } as Lexed);
          const want = reference(code);
          assert.deepStrictEqual([[...got.modules], [...got.names]], [[...want.modules], [...want.names]], code);
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('rules/match: literalsPresent', () => {
  it('is false only when none of the declared literals occurs (a regex without literals: true)', () => {
    const re = withLiterals(/(?:minVersion|secureProtocol)\s*:\s*'TLSv1'/g, ['minVersion', 'secureProtocol']);
    assert.strictEqual(literalsPresent(re, "{ maxVersion: 'TLSv1' }"), false);
    assert.strictEqual(literalsPresent(re, "{ secureProtocol: 'TLSv1_method' }"), true);
    assert.strictEqual(literalsPresent(/minVersion/g, 'nothing here'), true);
  });
});
