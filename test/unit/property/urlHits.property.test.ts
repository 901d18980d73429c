// The URL lenses follow edits line by line (updateHits): after any sequence of edits, the hits it derives from the
// old hits and the rewritten lines deep-equal findHttpsUrls of the new text. Edits are random: they insert and delete
// quotes, `=`, comment markers, newlines and pieces of URLs, across line boundaries, several per change event.
import * as assert from 'assert';
import fc from 'fast-check';
import { findHttpsUrls, LineEdit, updateHits } from '../../../src/extension/checkUrl/urls';

/** Lines that have, almost have or lose URL literals when cut and joined. */
const LINES = [
  'resp = requests.get("https://api.corp.example/v1/items", verify=False)',
  "const u = 'https://a.example:8443/x?y=1';",
  'URL=https://bare.example/path',
  '# see https://docs.example/in-a-comment',
  'value = compute(1) + other  # an ordinary line',
  '  url: https://yaml.example',
  'x = "https://"',
  '',
  'fetch(`https://${host}/x`)',
];

/** Pieces an edit inserts: quotes, assignment, comment markers, newlines, URL fragments, plain letters. */
const PIECES = ['"', "'", '`', '=', '#', '//', '\n', '\r\n', 'https://', 'h.example', ':443', '/p', ' ', 'x', ':'];

const LANGUAGES = ['python', 'typescript', 'shellscript', 'yaml', 'dotenv', 'markdown'];

interface Edit {
  /** Where the edit starts and how far it deletes, as fractions of the current text (kept in range). */
  readonly at: number;
  readonly length: number;
  readonly text: string;
}

const textArb = fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 12 }).map((l) => l.join('\n'));
const editArb: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 30 }),
  text: fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((p) => p.join('')),
});
/** One change event: one to three edits, each in the coordinates the previous left. */
const eventArb = fc.array(editArb, { minLength: 1, maxLength: 3 });

/** Line of a text offset (lines split as findHttpsUrls splits them). */
function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split(/\r?\n/).length - 1;
}

/** Applies one edit: the new text and the LineEdit VS Code would report for it. */
function apply(text: string, e: Edit): { text: string; edit: LineEdit } {
  let start = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
  let end = Math.min(text.length, start + e.length);
  // Never cut a CRLF in two (VS Code positions are between lines, not inside an end of line).
  if (text[start - 1] === '\r' && text[start] === '\n') start--;
  if (text[end - 1] === '\r' && text[end] === '\n') end++;
  return {
    text: text.slice(0, start) + e.text + text.slice(end),
    edit: { startLine: lineOf(text, start), endLine: lineOf(text, end), text: e.text },
  };
}

describe('URL lenses: line-incremental hits', () => {
  it('after random edits, the updated hits deep-equal a full scan of the new text', () => {
    fc.assert(
      fc.property(
        textArb,
        fc.array(eventArb, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...LANGUAGES),
        (start, events, lang) => {
          let text = start;
          let hits = findHttpsUrls(text, lang);
          for (const event of events) {
            const edits: LineEdit[] = [];
            for (const e of event) {
              const r = apply(text, e);
              text = r.text;
              edits.push(r.edit);
            }
            const lines = text.split(/\r?\n/);
            hits = updateHits(hits, edits, lang, (line) => lines[line]);
            assert.deepStrictEqual(hits, findHttpsUrls(text, lang));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads only the lines an edit wrote', () => {
    const text = Array.from({ length: 1000 }, (_, i) =>
      i % 50 === 0 ? `r${i} = get("https://api${i}.example/x")` : `v${i} = ${i}`,
    ).join('\n');
    const before = findHttpsUrls(text, 'python');
    const read: number[] = [];
    const lines = text.split('\n');
    lines[101] = `#${lines[101]}`;
    const after = updateHits(before, [{ startLine: 101, endLine: 101, text: '#' }], 'python', (line) => {
      read.push(line);
      return lines[line];
    });
    assert.deepStrictEqual(read, [101]);
    assert.deepStrictEqual(after, findHttpsUrls(lines.join('\n'), 'python'));
    assert.strictEqual(after.length, 20);
    assert.strictEqual(after, before, 'no URL moved or changed: the same array (the lenses derived from it are kept)');
    const moved = updateHits(before, [{ startLine: 0, endLine: 0, text: '\n' }], 'python', (line) =>
      line === 0 ? '' : lines[line - 1],
    );
    assert.notStrictEqual(moved, before, 'a line added above: a new array');
    assert.strictEqual(moved[0].line, 1);
  });
});
