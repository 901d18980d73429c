// Every example in the registry is a test: a flagged example yields exactly its marked findings (rule and range), an
// ok example yields no finding of any rule, and every rule has at least one of each.
import * as assert from 'assert';
import { allRules } from '../../../src/core/rules/registry';
import { flaggedExamples, okExamples, parseMarks } from '../../../src/core/rules/examples';
import { scanText } from '../../../src/core/scan/index';

/** Findings as [ruleId, start offset, end offset], in the order the marks are sorted. */
function found(text: string, file: string): [string, number, number][] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const at = (p: { line: number; character: number }) => starts[p.line] + p.character;
  return scanText(text, file, { testFileSeverity: 'default' })
    .map((f): [string, number, number] => [f.ruleId, at(f.range.start), at(f.range.end)])
    .sort((a, b) => a[1] - b[1] || a[2] - b[2]);
}

describe('rules: every example in the registry', () => {
  for (const rule of allRules()) {
    describe(rule.id, () => {
      it('has at least one flagged and one ok example, and every flagged example marks this rule', () => {
        assert.ok(rule.examples.flagged.length >= 1, 'no flagged example');
        assert.ok(rule.examples.ok.length >= 1, 'no ok example');
        for (const ex of flaggedExamples(rule)) {
          assert.ok(
            ex.marks.some((m) => m.ruleId === rule.id),
            `no «mark» in: ${ex.text}`,
          );
        }
      });

      it('flagged examples yield exactly the marked findings', () => {
        for (const ex of flaggedExamples(rule)) {
          const want = ex.marks.map((m): [string, number, number] => [m.ruleId, m.start, m.end]);
          assert.deepStrictEqual(found(ex.text, ex.file), want, `${ex.file}:\n${ex.text}`);
        }
      });

      it('ok examples yield no finding of any rule', () => {
        for (const ex of okExamples(rule)) {
          assert.deepStrictEqual(ex.marks, [], 'an ok example has no marks');
          assert.deepStrictEqual(found(ex.text, ex.file), [], `${ex.file}:\n${ex.text}`);
        }
      });
    });
  }
});

describe('rules: example marks', () => {
  it('strips marks and records their offsets, with another rule named in braces', () => {
    assert.deepStrictEqual(parseMarks('f(«a») «{x.y}bc»', 'r.s'), {
      text: 'f(a) bc',
      marks: [
        { ruleId: 'r.s', start: 2, end: 3 },
        { ruleId: 'x.y', start: 5, end: 7 },
      ],
    });
  });

  it('rejects unbalanced marks', () => {
    assert.throws(() => parseMarks('«a', 'r.s'), /unclosed/);
    assert.throws(() => parseMarks('a»', 'r.s'), /unbalanced/);
  });
});
