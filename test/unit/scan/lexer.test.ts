import * as assert from 'assert';
import { Kind, lex, SYNTAX } from '../../../src/core/rules/lexer';

/** Renders kinds as a string: c = code, s = string, # = comment. */
function kinds(text: string, syntax: Parameters<typeof lex>[1]): string {
  return Array.from(lex(text, syntax).kinds, (k) => (k === Kind.Code ? 'c' : k === Kind.String ? 's' : '#')).join('');
}

describe('scan: lexer', () => {
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
  it('lexes a 10,000-line file keeping every offset (its speed is measured by npm run bench)', () => {
    const text = 'import requests\nr = requests.get("https://example.test", verify=True)  # fine\n'.repeat(5000);
    const lx = lex(text, SYNTAX.python);
    assert.strictEqual(lx.code.length, text.length);
    assert.strictEqual(lx.lineStarts.length, 10001);
    assert.strictEqual(lx.code.split('\n')[9999].trimEnd(), 'r = requests.get("https://example.test", verify=True)');
  });
});
