// Equivalence tests for the re-scan speed work (issue 18): each faster path must give exactly what the path it
// replaced gave. The lexer is compared with its previous implementation (kept as test/unit/property/reference/lexer.ts)
// on random text, on punctuation soup of every syntax, on every rule example and on this repository's own sources.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { lex, Lexed, Syntax, SYNTAX } from '../../../src/core/rules/lexer';
import * as reference from './reference/lexer';
import { allRules } from '../../../src/core/rules/registry';
import { flaggedExamples, okExamples } from '../../../src/core/rules/examples';

const SYNTAXES = Object.entries(SYNTAX) as [string, Syntax][];

/** What every syntax treats specially, so that random texts open and close strings, comments and templates. */
const PIECES = [
  '"',
  "'",
  '`',
  '\\',
  '\\\\',
  '\\"',
  "\\'",
  '"""',
  "'''",
  '#',
  '//',
  '/*',
  '*/',
  '/',
  '${',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  '@"',
  '""',
  'r"',
  'r#"',
  '"#',
  'r##"',
  "'a'",
  "'\\n'",
  "'\\u{1F600}'",
  "'ab'",
  "'a",
  '\n=begin\n',
  '\n=end\n',
  '=begin',
  'return /',
  '= /a[/]b/g',
  'x / y',
  '\n',
  '\r\n',
  '\r',
  ' ',
  '\t',
  'a',
  'r',
  '=',
  '$',
  'é',
  '\u2028',
  '😀',
  '\u0000',
  // Around the limits of char literals (a backslash and 1-10 characters) and Rust raw strings (up to 7 `#`).
  ...Array.from({ length: 13 }, (_, k) => `'\\${'x'.repeat(k)}'`),
  ...Array.from({ length: 4 }, (_, k) => `'${'x'.repeat(k)}'`),
  ...Array.from({ length: 9 }, (_, k) => `r${'#'.repeat(k)}"`),
  ...Array.from({ length: 9 }, (_, k) => `"${'#'.repeat(k)}`),
];

const soup = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { maxLength: 80 })
  .map((a) => a.join(''));

function sameLexing(text: string, syntax: Syntax, what: string): void {
  const fresh = (l: Lexed) => ({ kinds: Array.from(l.kinds), code: l.code, lineStarts: [...l.lineStarts] });
  // Each lexer keeps its own recent results; a copy of the text as key makes both lex it afresh.
  assert.deepStrictEqual(
    fresh(lex(`${text}`, syntax)),
    fresh(reference.lex(`${text}`, syntax as reference.Syntax)),
    `${what}: ${JSON.stringify(text.slice(0, 200))}`,
  );
}

/** This repository's TypeScript sources (real code with comments, strings, templates and regex literals). */
function ownSources(): string[] {
  const root = path.join(__dirname, '..', '..', '..', 'src');
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(root);
  return out;
}

describe('property: the lexer marks what its previous implementation marked', () => {
  it('on punctuation soup and arbitrary text, for every syntax', () => {
    fc.assert(
      fc.property(
        fc.oneof(soup, fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })),
        fc.constantFrom(...SYNTAXES),
        (text, [name, syntax]) => sameLexing(text, syntax, name),
      ),
      { numRuns: 3000 },
    );
  });

  it('on every rule example, for every syntax', () => {
    const texts = allRules().flatMap((r) => [...flaggedExamples(r), ...okExamples(r)].map((e) => e.text));
    assert.ok(texts.length > 100, `${texts.length} examples`);
    for (const text of texts) for (const [name, syntax] of SYNTAXES) sameLexing(text, syntax, name);
  });

  it("on this repository's own sources, for every syntax", () => {
    const sources = ownSources();
    assert.ok(sources.length > 50, `${sources.length} files`);
    for (const text of sources) for (const [name, syntax] of SYNTAXES) sameLexing(text, syntax, name);
  });
});
