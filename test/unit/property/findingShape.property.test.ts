// A live re-scan whose findings only moved (lines inserted or removed above them) is told apart from a change by the
// shapeDigest of its findings and facts: the host then redoes what depends on positions (diagnostics, lenses) and
// keeps what does not (counts, endpoints, bundles, probes). Checked here against fresh scans of the real text: after
// random edits, equal shapes mean the same findings and facts in the same order (only positions differ), and a line
// break or a removed blank line that only moves the findings (each by the edit's line delta) keeps the shape.
import * as assert from 'assert';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'util';
import type { Finding } from '../../../src/core/rules/types';
import { scanWithFacts, shapeDigest } from '../../../src/extension/findingFacts';

/** Python lines with findings (some with an endpoint the facts resolve), and lines without. */
const LINES = [
  'import requests',
  'API = "https://api.internal.example"',
  'r = requests.get(API + "/x", verify=False)',
  'requests.post("https://pay.example/v1", verify=False, timeout=5)',
  'session.verify = False',
  'x = compute(1)  # an ordinary line',
  'requests.get(u, verify=False)  # tls-doctor: ignore python.requests-verify-false',
  '',
  'def f(url):',
  '    return requests.put(url, verify=False)',
];
/** Pieces an edit inserts: newlines, quotes, comment markers, parts of a finding, letters. */
const PIECES = ['\n', '\n\n', '"', '#', 'verify=', 'False', 'True', ' ', 'x', '(', ')'];

const textArb = fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 10 }).map((l) => l.join('\n'));
const editArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 12 }),
  text: fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }).map((p) => p.join('')),
});

/** What a finding is apart from where it is (what shapeDigest keeps). */
function placeless(f: Finding) {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    value: f.value,
    origin: f.origin && { value: f.origin.value, reaches: f.origin.reaches },
    related: f.related?.map((r) => r.message),
  };
}

function scan(text: string) {
  const r = scanWithFacts(text, 'app/client.py', 'python');
  return { ...r, shape: shapeDigest(r.findings, r.facts) };
}

/** Every position of a finding moved `delta` lines when on or after `line` (what an inserted line does to it). */
function movedBy(f: Finding, line: number, delta: number): Finding {
  const p = (pos: { line: number; character: number }) => (pos.line >= line ? { ...pos, line: pos.line + delta } : pos);
  const r = <R extends { start: { line: number; character: number }; end: { line: number; character: number } }>(
    range: R,
  ) => ({ ...range, start: p(range.start), end: p(range.end) });
  return {
    ...f,
    range: r(f.range),
    ...(f.context ? { context: r(f.context) } : {}),
    ...(f.origin
      ? {
          origin: {
            ...f.origin,
            range: r(f.origin.range),
            ...(f.origin.context ? { context: r(f.origin.context) } : {}),
          },
        }
      : {}),
    ...(f.related ? { related: f.related.map((x) => ({ ...x, range: r(x.range) })) } : {}),
  };
}

describe('live re-scan: a move is told apart from a change (shapeDigest)', () => {
  it('after random edits, equal shapes mean the same findings and facts, in order, at other places only', () => {
    fc.assert(
      fc.property(textArb, fc.array(editArb, { minLength: 1, maxLength: 4 }), (start, edits) => {
        let text = start;
        let before = scan(text);
        for (const e of edits) {
          const at = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
          text = text.slice(0, at) + e.text + text.slice(Math.min(text.length, at + e.length));
          const after = scan(text);
          if (after.shape === before.shape) {
            assert.deepStrictEqual(after.findings.map(placeless), before.findings.map(placeless));
            assert.deepStrictEqual(
              after.facts.map(([, v]) => v),
              before.facts.map(([, v]) => v),
            );
          } else {
            assert.notStrictEqual(after.digest, before.digest, 'another shape is another digest');
          }
          before = after;
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a line break at the start of a line (or a blank line removed) that only moves findings keeps the shape', () => {
    let moves = 0;
    fc.assert(
      fc.property(textArb, fc.nat(), fc.integer({ min: 1, max: 3 }), fc.boolean(), (start, pick, count, remove) => {
        const lines = start.split('\n');
        const line = pick % (lines.length + 1);
        const grown = [...lines.slice(0, line), ...Array<string>(count).fill(''), ...lines.slice(line)].join('\n');
        // Removing: from the text with the blank lines to the text without them.
        const [from, to, delta] = remove ? [grown, start, -count] : [start, grown, count];
        const a = scan(from);
        const b = scan(to);
        // The blank lines stood at `line`: what was on or after them moves by the delta (from the removed side, the
        // first line after them is `line + count`). A suppression comment right above the lines can make it more than a
        // move (its next line is another one then): that is a change, and may have another shape.
        const first = remove ? line + count : line;
        if (
          !isDeepStrictEqual(
            b.findings,
            a.findings.map((f) => movedBy(f, first, delta)),
          )
        ) {
          return;
        }
        moves++;
        assert.strictEqual(b.shape, a.shape, 'a move keeps the shape');
        if (a.findings.some((f) => f.range.start.line >= first)) assert.notStrictEqual(b.digest, a.digest);
      }),
      { numRuns: 60 },
    );
    assert.ok(moves > 30, `most runs are moves (${moves} of 60)`);
  });

  it('a finding changed in place is a change, not a move', () => {
    const a = scan('import requests\nrequests.get(u, verify=False)\n');
    const b = scan('import requests\nrequests.get(u, verify=False, timeout=3)\n');
    const c = scan('import requests\nrequests.get("https://a.example/x", verify=False)\n');
    assert.strictEqual(b.shape, a.shape, 'the same finding, only its statement (context) longer: the same shape');
    assert.notStrictEqual(b.digest, a.digest, 'the context is a position: the digest differs');
    assert.notStrictEqual(c.shape, a.shape, 'the same finding talking to an endpoint now: another shape');
    assert.notStrictEqual(scan('import requests\nsession.verify = False\n').shape, a.shape, 'another rule');
    const moved = scan('\nimport requests\nrequests.get(u, verify=False)\n');
    assert.strictEqual(moved.shape, a.shape);
    assert.notStrictEqual(moved.digest, a.digest, 'moved: the digest differs, the shape does not');
  });
});
