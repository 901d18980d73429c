import * as assert from 'assert';
import * as fc from 'fast-check';
import { Kind, lex, SYNTAX } from '../../../src/core/rules/lexer';

/** Python's kinds the plain way, a test at every character (what the lexer did before it searched with indexOf). */
function pythonReference(s: string): Uint8Array {
  const k = new Uint8Array(s.length);
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '#') {
      const e = s.indexOf('\n', i) === -1 ? s.length : s.indexOf('\n', i);
      k.fill(Kind.Comment, i, e);
      i = e;
    } else if ((c === '"' || c === "'") && s.startsWith(c + c + c, i)) {
      let j = i + 3;
      while (j < s.length && !s.startsWith(c + c + c, j)) j += s[j] === '\\' ? 2 : 1;
      k.fill(Kind.String, i, Math.min(j + 3, s.length));
      i = j + 3;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < s.length && s[j] !== c && s[j] !== '\n') j += s[j] === '\\' ? 2 : 1;
      k.fill(Kind.String, i, Math.min(j + 1, s.length));
      i = j + 1;
    } else i++;
  }
  return k;
}

/** Renders kinds as a string: c = code, s = string, # = comment. */
function kinds(text: string, syntax: Parameters<typeof lex>[1]): string {
  return Array.from(lex(text, syntax).kinds, (k) => (k === Kind.Code ? 'c' : k === Kind.String ? 's' : '#')).join('');
}

describe('scan: lexer', () => {
  it('property: Python text blocks, strings and comments end where a test at every character ends them', () => {
    const piece = fc.constantFrom('"""', "'''", '"', "'", '\\', '\\"', 'a', ' ', '\n', '#', 'x = 1');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        assert.deepStrictEqual(Array.from(lex(text, SYNTAX.python).kinds), Array.from(pythonReference(text)), text);
      }),
      { numRuns: 3000 },
    );
  });

  it('separates Python code, strings, docstrings and comments', () => {
    assert.strictEqual(kinds(`a='x' # c`, SYNTAX.python), 'ccsssc###');
    assert.strictEqual(kinds('"""d\n"""x', SYNTAX.python), 'ssssssssc');
  });
  it('handles JS template literals with nested code and braces', () => {
    assert.strictEqual(kinds('`a${ {b:1} }c`x', SYNTAX.js), 'sssscccccccsssc');
  });
  it('tells JS regex literals from division', () => {
    assert.strictEqual(kinds('x=/"/;y=a/b/c', SYNTAX.js), 'ccssscccccccc');
  });
  it('keeps Rust lifetimes as code but char literals as strings', () => {
    assert.strictEqual(kinds("&'a x='b'", SYNTAX.rust), 'ccccccsss');
  });
  it('reads C# verbatim strings with doubled quotes', () => {
    assert.strictEqual(kinds('@"a""b"c', SYNTAX.csharp), 'sssssssc');
  });
  it('blanks comments in `code` but keeps offsets and newlines', () => {
    const lx = lex('a // b\nc /* d */ e', SYNTAX.js);
    assert.strictEqual(lx.code, 'a     \nc         e');
    assert.deepStrictEqual(lx.lineStarts, [0, 7]);
  });
  it('property: `code` blanks each comment; one that spans lines keeps its line breaks', () => {
    // Comments longer than the 256 blanks kept ready, block comments across lines, CRLF inside and after them.
    const piece = fc.constantFrom('/* ', ' */', '//', 'x'.repeat(300), 'ab', '\n', '\r\n', '"s"', ' ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const lx = lex(text, SYNTAX.js);
        let expected = '';
        for (let i = 0; i < text.length;) {
          let j = i + 1;
          while (j < text.length && (lx.kinds[j] === Kind.Comment) === (lx.kinds[i] === Kind.Comment)) j++;
          const run = text.slice(i, j);
          const comment = lx.kinds[i] === Kind.Comment;
          expected += !comment ? run : run.includes('\n') ? run.replace(/[^\n\r]/g, ' ') : ' '.repeat(run.length);
          i = j;
        }
        assert.strictEqual(lx.code, expected, JSON.stringify(text));
      }),
      { numRuns: 1000 },
    );
  });
  it('lexes a 10,000-line file keeping every offset (its speed is measured by npm run bench)', () => {
    const text = 'import requests\nr = requests.get("https://example.test", verify=True)  # fine\n'.repeat(5000);
    const lx = lex(text, SYNTAX.python);
    assert.strictEqual(lx.code.length, text.length);
    assert.strictEqual(lx.lineStarts.length, 10001);
    assert.strictEqual(lx.code.split('\n')[9999].trimEnd(), 'r = requests.get("https://example.test", verify=True)');
  });
});
