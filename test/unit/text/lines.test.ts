import * as assert from 'assert';
import * as fc from 'fast-check';
import {
  eolOf,
  indentAt,
  lineSpan,
  lineStartsOf,
  positionAt,
  splitLines,
  TextIndex,
} from '../../../src/core/text/lines';

const text = fc
  .array(fc.constantFrom('a', ' ', '\t', '\n', '\r\n', '\r', 'é', '\u{1F600}'), { maxLength: 30 })
  .map((p) => p.join(''));

describe('text/lines', () => {
  it('finds line starts after each LF and maps offsets to positions', () => {
    assert.deepStrictEqual(lineStartsOf('ab\ncd\r\n\nx'), [0, 3, 7, 8]);
    assert.deepStrictEqual(positionAt([0, 3, 7, 8], 5), { line: 1, character: 2 });
    assert.deepStrictEqual(positionAt([0, 3, 7, 8], 9), { line: 3, character: 1 });
  });
  it('TextIndex: offsetAt inverts positionAt, and clamps positions outside the text', () => {
    fc.assert(
      fc.property(text, fc.nat(40), (t, n) => {
        const idx = new TextIndex(t);
        const o = Math.min(n, t.length);
        assert.strictEqual(idx.offsetAt(idx.positionAt(o)), o);
      }),
    );
    const idx = new TextIndex('ab\ncd');
    assert.strictEqual(idx.offsetAt({ line: 9, character: 9 }), 5);
    assert.strictEqual(idx.offsetAt({ line: -1, character: -1 }), 0);
    assert.deepStrictEqual(idx.rangeOf(1, 4), { start: { line: 0, character: 1 }, end: { line: 1, character: 1 } });
  });
  it('splitLines keeps every terminator so joining gives the text back', () => {
    assert.deepStrictEqual(splitLines('a\r\nb\rc\n'), [
      { text: 'a', eol: '\r\n' },
      { text: 'b', eol: '\r' },
      { text: 'c', eol: '\n' },
    ]);
    assert.deepStrictEqual(splitLines(''), []);
    fc.assert(
      fc.property(text, (t) =>
        assert.strictEqual(
          splitLines(t)
            .map((l) => l.text + l.eol)
            .join(''),
          t,
        ),
      ),
    );
  });
  it('lineSpan gives the line without and with its break; indentAt its leading whitespace', () => {
    assert.deepStrictEqual(lineSpan('x\n  ab\r\ny', 4), [2, 6, 8]);
    assert.deepStrictEqual(lineSpan('x\nab', 3), [2, 4, 4]);
    assert.strictEqual(indentAt('x\n \tab\n', 5), ' \t');
  });
  it('eolOf prefers CRLF when present', () => {
    assert.strictEqual(eolOf('a\r\nb\n'), '\r\n');
    assert.strictEqual(eolOf('a'), '\n');
  });
});
