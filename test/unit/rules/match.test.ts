// The shared matching helpers that are pure speed-ups must answer exactly what the plain calls answer.
import * as assert from 'assert';
import fc from 'fast-check';
import { contains } from '../../../src/core/rules/match';
import { falseBindings } from '../../../src/core/rules/python-flow';

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
