// Equivalence tests for the re-scan speed work (issue 18): each faster path must give exactly what the path it
// replaced gave. The lexer is compared with its previous implementation (kept as test/unit/property/reference/lexer.ts)
// on random text, on punctuation soup of every syntax, on every rule example and on this repository's own sources.
// The lazy JSON tree (src/core/text/json.ts) is compared with jsonc-parser's parseTree, which it replaces for plain
// JSON. Regexes searched from their literals (match.ts withLiterals) are compared with the plain search.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { lex, Lexed, Syntax, SYNTAX } from '../../../src/core/rules/lexer';
import * as reference from './reference/lexer';
import { allRules } from '../../../src/core/rules/registry';
import { flaggedExamples, okExamples } from '../../../src/core/rules/examples';
import { findNodeAtLocation, Node as JsonNode, parseTree } from 'jsonc-parser';
import { jsonDoc, plainJson } from '../../../src/core/text/json';
import {
  eachCodeMatch,
  literalRegexes,
  rewrittenRegexes,
  testFromLiterals,
  withoutLiterals,
} from '../../../src/core/rules/match';
import { scanText } from '../../../src/core/scan/index';
import { notebookCells } from '../../../src/core/text/notebook';
import { jsonStringSource, Source, SourceBuilder } from '../../../src/core/rules/env';

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

/** A tree as plain data: what readers of jsonc-parser nodes see (type, place, value, colon, children). */
function plain(n: JsonNode | undefined): unknown {
  if (!n) return undefined;
  return {
    type: n.type,
    offset: n.offset,
    length: n.length,
    value: n.type === 'object' || n.type === 'array' || n.type === 'property' ? undefined : n.value,
    colonOffset: n.colonOffset,
    children: n.children?.map(plain),
  };
}

/** JSON texts with varied spacing (what JSON.stringify writes, with blanks added between tokens), keys repeated. */
const jsonText = fc
  .tuple(
    fc.jsonValue({ maxDepth: 4 }),
    fc.constantFrom(undefined, 1, 2, '\t'),
    fc.array(fc.constantFrom('', ' ', '\n', '\r\n', '\t'), { minLength: 1, maxLength: 4 }),
  )
  .map(([v, indent, blanks]) => {
    let k = 0;
    const text = JSON.stringify(v, null, indent) ?? 'null';
    // Blanks after commas and colons outside strings (a JSON string never holds a raw newline or tab).
    return text.replace(/("(?:[^"\\]|\\.)*")|([,:])/g, (m, str, p) => (str ? m : `${p}${blanks[k++ % blanks.length]}`));
  });

/** What JSON.parse says of a text: the check `plainJson` replaces. */
function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** JSON's tokens and near misses (what JSON.parse refuses: comments, trailing commas, bad escapes, raw controls). */
const JSON_PIECES = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '"a"',
  '"\\n"',
  '"\\u00e9"',
  '"\\u00g9"',
  '"\\x"',
  '"\\"',
  '\\',
  '"\t"',
  '"\u0001"',
  '0',
  '-0',
  '01',
  '1.5',
  '1.',
  '.5',
  '-',
  '1e5',
  '1E+5',
  '1e',
  'true',
  'false',
  'null',
  'tru',
  'nul',
  'NaN',
  ' ',
  '\n',
  '\r',
  '\t',
  '\u00a0',
  '\ufeff',
  '//',
  '/* */',
  'x',
  'é',
  '\ud800',
];

const jsonSoup = fc.array(fc.constantFrom(...JSON_PIECES), { maxLength: 30 }).map((a) => a.join(''));

/** A valid JSON text with one character deleted, doubled or replaced by a piece: mostly almost-valid texts. */
const mutated = fc
  .tuple(jsonText, fc.nat(), fc.constantFrom(...JSON_PIECES, ''), fc.boolean())
  .map(([text, k, piece, keep]) => {
    const i = text.length ? k % text.length : 0;
    return text.slice(0, i) + piece + text.slice(keep ? i : i + 1);
  });

describe('property: plainJson calls strict exactly what JSON.parse accepts', () => {
  it('on valid JSON, near misses of it and soup of JSON tokens', () => {
    fc.assert(
      fc.property(fc.oneof(jsonText, mutated, jsonSoup, fc.string({ maxLength: 20 })), (text) => {
        assert.strictEqual(plainJson(text)?.strict === true, parses(text), JSON.stringify(text));
      }),
      { numRuns: 6000 },
    );
  });

  it('on deep nesting and the edge cases by hand', () => {
    const deep = '['.repeat(100000) + ']'.repeat(100000);
    for (const text of [
      deep,
      deep.slice(1),
      '',
      ' ',
      '""',
      '"\\/"',
      '{"a":1,}',
      '[1,]',
      '{"a" 1}',
      '{,}',
      '[,1]',
      '1 2',
    ]) {
      assert.strictEqual(plainJson(text)?.strict === true, parses(text), text.slice(0, 20));
    }
  });
});

/** Generated JSON with comments in its blanks and trailing commas: what settings.json and devcontainer.json hold. */
const jsoncText = fc
  .tuple(
    jsonText,
    fc.array(fc.constantFrom('// c\n', '/* c */', '/**/', '//\r\n', ' ', ''), { minLength: 1, maxLength: 4 }),
    fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
  )
  .map(([text, gaps, commas]) => {
    let k = 0;
    // Comments after commas and colons and before closing brackets (outside strings); a trailing comma before a
    // closing bracket that follows a value.
    return text.replace(/("(?:[^"\\]|\\.)*")|([,:])|([\]}])/g, (m, str, p, close, at: number) => {
      if (str) return m;
      const gap = gaps[k % gaps.length];
      const comma = commas[k++ % commas.length] && !/[[{]\s*$/.test(text.slice(0, at)) ? ',' : '';
      return p ? `${p}${gap}` : `${comma}${gap}${close}`;
    });
  });

describe('property: JSON with comments and trailing commas reads as jsonc-parser reads it', () => {
  it("on generated settings-like JSON and on soup: an accepted text gives parseTree's tree and its lookups", () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(jsoncText, mutated, jsonSoup), (text) => {
        if (!plainJson(text)) return;
        accepted++;
        const errors: { error: number }[] = [];
        const full = parseTree(text, errors as never, { allowTrailingComma: true });
        assert.deepStrictEqual(errors, [], text);
        const doc = jsonDoc(text);
        assert.deepStrictEqual(plain(doc.root), plain(full), text);
      }),
      { numRuns: 3000 },
    );
    assert.ok(accepted > 500, `${accepted} accepted`);
  });
});

describe('property: the lazy JSON tree equals jsonc-parser parseTree', () => {
  it('on generated JSON, at every node reached by findNodeAtLocation', () => {
    fc.assert(
      fc.property(jsonText, (text) => {
        const doc = jsonDoc(text);
        const full = parseTree(text, [], { allowTrailingComma: true });
        assert.deepStrictEqual(plain(doc.root), plain(full), text);
      }),
      { numRuns: 1500 },
    );
  });

  it('on documents with duplicate keys, escapes in keys, comments and trailing commas (the latter through jsonc)', () => {
    for (const text of [
      '{"a": 1, "a": 2, "b": {"c": [1, 2, {"d": "x"}]}}',
      '{"sc\\u0072ipts": {"x": "curl -k h"}, "scripts": {"y": "a \\"b\\" c"}}',
      '{"cells": [{"cell_type": "code", "source": ["a\\\\", "b\\n"]}]}',
      '// comment\n{"scripts": {"x": "curl -k h",}}',
      '{"a": [1,2,],}',
      '  \n {"a" :\t"b" }\n ',
      '"just a string"',
      '[]',
      '{}',
      '{"a": -1.5e+3, "b": true, "c": null, "d": false}',
    ]) {
      const doc = jsonDoc(text);
      assert.deepStrictEqual(plain(doc.root), plain(parseTree(text, [], { allowTrailingComma: true })), text);
      for (const path of [['a'], ['scripts'], ['b', 'c', 2, 'd'], ['cells', 0, 'source'], ['scripts', 'y']]) {
        const root = parseTree(text, [], { allowTrailingComma: true });
        assert.deepStrictEqual(plain(doc.find(doc.root, path)), plain(root && findNodeAtLocation(root, path)));
      }
    }
  });
});

/** Each match as data: where it is, what it holds, its groups' places. */
function matchesOf(lx: Lexed, re: RegExp): unknown[] {
  const out: unknown[] = [];
  eachCodeMatch(lx, re, (m) => out.push([m.index, [...m], m.indices?.map((x) => x && [...x]), re.lastIndex]));
  return out;
}

describe('property: a regex searched from its literals matches what the regex engine alone matches', () => {
  it('every regex given literals, on soup of its literals, their neighbours and the syntax around them', () => {
    assert.ok(literalRegexes.length >= 20, `${literalRegexes.length} regexes`);
    for (const re of literalRegexes) {
      assert.ok(!re.flags.includes('i'), `literals are case-sensitive: ${re.source}`);
      // The regex's own words (keys, values, prefixes like ssl. or OpenSSL::) and what sits between them.
      const words = [...new Set(re.source.match(/[A-Za-z_][\w]*/g) ?? [])].filter((w) => w.length > 1);
      const piece = fc.constantFrom(
        ...words,
        ...words.map((w) => w.slice(1)),
        ...words.map((w) => w.slice(0, -1)),
        '.',
        '::',
        ':',
        '=',
        '==',
        '=>',
        '(',
        ')',
        '{',
        '}',
        '[',
        ']',
        '"',
        "'",
        ',',
        ' ',
        '  ',
        '\n',
        '#',
        '//',
        '->',
        '|',
        'ssl.',
        'OpenSSL::',
        'True',
        'False',
        'true',
        'false',
        '0',
        'x',
        '_',
        '$',
      );
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom(SYNTAX.python, SYNTAX.js), (parts, syntax) => {
          const text = parts.join('');
          const lx = lex(text, syntax);
          assert.deepStrictEqual(
            matchesOf(lx, re),
            withoutLiterals(() => matchesOf(lx, re)),
            `${re.source} on ${JSON.stringify(text)}`,
          );
          assert.strictEqual(
            testFromLiterals(re, text),
            withoutLiterals(() => testFromLiterals(re, text)),
            `test: ${re.source} on ${JSON.stringify(text)}`,
          );
        }),
        { numRuns: 300 },
      );
    }
  });

  it('every rule example and the re-scan bench shapes give the same findings both ways', () => {
    const cases: [string, string][] = allRules().flatMap((r) =>
      [...flaggedExamples(r), ...okExamples(r)].map((e) => [e.text, e.file] as [string, string]),
    );
    for (const [text, file] of cases) {
      assert.deepStrictEqual(
        scanText(text, file),
        withoutLiterals(() => scanText(text, file)),
        `${file}: ${text}`,
      );
    }
    for (const text of ownSources().slice(0, 40)) {
      for (const file of ['a.py', 'a.ts', 'a.go', 'A.java', 'a.kt', 'a.cs', 'a.rb', 'a.rs']) {
        assert.deepStrictEqual(
          scanText(text, file),
          withoutLiterals(() => scanText(text, file)),
          file,
        );
      }
    }
  });
});

/** Every match of a global regex over `text`, as data: place, groups, their places, and where the search resumes. */
function allMatches(re: RegExp, text: string): unknown[] {
  const out: unknown[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push([m.index, [...m], m.indices?.map((x) => x && [...x])]);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

describe('property: a regex written to fail fast matches what the form it replaced matched', () => {
  it("every rewritten regex, on soup of both forms' words, brackets and long blank runs", () => {
    assert.ok(rewrittenRegexes.length >= 5, `${rewrittenRegexes.length} regexes`);
    for (const { re, was } of rewrittenRegexes) {
      assert.strictEqual(re.flags, was.flags, re.source);
      const words = [...new Set(`${re.source} ${was.source}`.match(/[A-Za-z_]\w*/g) ?? [])];
      const piece = fc.constantFrom(
        ...words,
        ...words.map((w) => w.slice(1)),
        '{',
        '}',
        '(',
        ')',
        '[',
        ']',
        '<',
        '>',
        '->',
        '-',
        ',',
        ':',
        '?',
        ';',
        '.',
        '=',
        '"',
        ' ',
        '   ',
        '\n',
        '\t',
        ' '.repeat(40),
        'x',
        'h, s',
        'true',
        'return',
        'as',
      );
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
          const text = parts.join('');
          assert.deepStrictEqual(
            allMatches(re, text),
            allMatches(was, text),
            `${re.source} on ${JSON.stringify(text)}`,
          );
        }),
        { numRuns: 400 },
      );
    }
  });

  it("every rewritten regex, on every rule example and this repository's sources, raw and lexed", () => {
    const texts = [
      ...allRules().flatMap((r) => [...flaggedExamples(r), ...okExamples(r)].map((e) => e.text)),
      ...ownSources(),
    ];
    for (const { re, was } of rewrittenRegexes) {
      for (const text of texts) {
        for (const t of [text, lex(text, SYNTAX.jvm).code]) {
          assert.deepStrictEqual(allMatches(re, t), allMatches(was, t), `${re.source} on ${t.slice(0, 200)}`);
        }
      }
    }
  });
});

/** A cell as plain data, its offsets read (a plain JSON notebook decodes them on first read). */
const cellData = (raw: string) =>
  notebookCells(raw).map((c) => ({ index: c.index, language: c.language, text: c.text, offsets: [...c.offsets] }));

/** Notebooks of generated cells: source lines with escapes, non-ASCII, magics, lone strings and non-string items. */
const notebookText = fc
  .tuple(
    fc.array(
      fc.record({
        type: fc.constantFrom('code', 'markdown', 'raw'),
        source: fc.oneof(
          fc.array(
            fc.oneof(
              fc.string({ unit: 'binary', maxLength: 30 }),
              soup,
              fc.constantFrom('%%bash\n', '!curl -k h\n', 'x = "\\u00e9"\n'),
            ),
            {
              maxLength: 6,
            },
          ),
          fc.string({ maxLength: 30 }),
          fc.constantFrom(null, 5, ['a', 1, 'b']),
        ),
      }),
      { maxLength: 5 },
    ),
    fc.constantFrom(undefined, 1, ' '),
    fc.constantFrom('python', 'javascript', undefined),
  )
  .map(([cells, indent, language]) =>
    JSON.stringify(
      {
        cells: cells.map((c) => ({ cell_type: c.type, metadata: {}, source: c.source })),
        metadata: language ? { kernelspec: { language } } : {},
      },
      null,
      indent,
    ),
  );

/** A vertical tab after the document: jsonc-parser reads the same tree (with an error), the lazy reading refuses it,
 * so every cell comes from parseTree's nodes, with the same offsets. */
const JSONC_ONLY = '\n\u000b';

describe('property: cells of a plain JSON notebook (text by JSON.parse, offsets on demand) equal the full decoding', () => {
  it('on generated notebooks, against the same text read by jsonc-parser (a blank it alone accepts after it)', () => {
    fc.assert(
      fc.property(notebookText, (raw) => {
        assert.ok(plainJson(raw)?.strict, raw);
        assert.strictEqual(plainJson(`${raw}${JSONC_ONLY}`), undefined);
        assert.deepStrictEqual(cellData(raw), cellData(`${raw}${JSONC_ONLY}`), raw);
      }),
      { numRuns: 1500 },
    );
  });

  it('on the fixture notebook and the re-scan bench notebook shape', () => {
    const nb = (lines: string[]) =>
      JSON.stringify(
        {
          cells: [
            { cell_type: 'code', source: lines },
            { cell_type: 'markdown', source: 'x' },
          ],
        },
        null,
        1,
      );
    const fixture = path.join(__dirname, '..', '..', 'fixtures', 'workspace', 'notebooks', 'billing-export.ipynb');
    const texts = [
      fs.readFileSync(fixture, 'utf8'),
      nb(['import requests\n', 'r = requests.get(u, verify=False)  # "quoted" \\ \u00e9\n', '!curl -k https://x\n']),
    ];
    for (const raw of texts) {
      assert.ok(plainJson(raw)?.strict);
      assert.ok(scanText(raw, 'a.ipynb').length > 0);
      assert.deepStrictEqual(cellData(raw), cellData(`${raw}${JSONC_ONLY}`), raw);
      assert.deepStrictEqual(scanText(raw, 'a.ipynb'), scanText(`${raw}${JSONC_ONLY}`, 'a.ipynb'), raw);
    }
  });
});

/** Everything a rule can ask a Source: its text, each character's file offset, and the same of its slices. */
function sourceData(src: Source): unknown {
  const n = src.text.length;
  const at = Array.from({ length: n + 1 }, (_, i) => src.at(i));
  const slices = [];
  for (let a = 0; a < n; a += 3) {
    for (let b = a + 1; b <= n; b += 4) {
      slices.push([
        src.slice(a, b).text,
        src.slice(a, b).at(0),
        src.slice(a, b).at(b - a - 1),
        n ? src.span(a, b) : [],
      ]);
    }
  }
  return { text: src.text, at, slices };
}

describe('property: a JSON string without escapes is one run of its file, as the builder made it', () => {
  it('on generated literals in generated text around them', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 10 }),
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 10 }),
        (pre, value, post) => {
          const literal = JSON.stringify(value);
          const text = `${pre}${literal}${post}`;
          const src = jsonStringSource(text, pre.length, literal.length);
          // The builder's Source of the same literal, as jsonStringSource made every one before: runs pushed per piece.
          const b = new SourceBuilder();
          const inner = literal.slice(1, -1);
          if (!inner.includes('\\')) b.push(inner, pre.length + 1);
          else return; // escapes still go through the builder itself
          assert.deepStrictEqual(sourceData(src), sourceData(b.build()), text);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
