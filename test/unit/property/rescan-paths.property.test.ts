// Equivalence tests for the second round of re-scan speed work (issue 18): each path that skips work must give
// exactly what the full path gives. The full path is rebuilt here from the same pieces, as the family ran it before.
import * as assert from 'assert';
import fc from 'fast-check';
import { shellFamily, scanShellSource } from '../../../src/core/rules/shell';
import { packageScripts } from '../../../src/core/rules/surfaces/package-json';
import { docOf, jsonStringSource, Source } from '../../../src/core/rules/env';
import { aliasesOf } from '../../../src/core/rules/python-flow';
import { jsonDoc, memberValueSpans } from '../../../src/core/text/json';
import {
  lex,
  lexAfresh,
  lexReuse,
  Lexed,
  resumePoints,
  sharedHead,
  Syntax,
  SYNTAX,
} from '../../../src/core/rules/lexer';
import {
  eachCodeMatch,
  gate,
  literalOffsets,
  literalRegexes,
  present,
  withoutLiterals,
  wordsOf,
} from '../../../src/core/rules/match';
import '../../../src/core/rules/registry'; // every family's regexes declared
import { Finding } from '../../../src/core/rules/types';
import { cellsKept, scanNotebook, scanNotebookAfresh } from '../../../src/core/rules/notebook';

/** package.json's scripts as they were read: every string value of `scripts`, from the tree's nodes. */
function everyScript(text: string): Source[] {
  const doc = jsonDoc(text);
  const scripts = doc.root && doc.find(doc.root, ['scripts']);
  if (!scripts || scripts.type !== 'object') return [];
  const out: Source[] = [];
  for (const prop of scripts.children ?? []) {
    const val = prop.children?.[1];
    if (val?.type === 'string') out.push(jsonStringSource(text, val.offset, val.length));
  }
  return out;
}

/** The shell family's scan of a package.json as it was: its keyword gate on the whole file, then every script built
 * and read (then the family's dedupe). */
function allScripts(text: string): Finding[] {
  if (!shellFamily.prefilter.test(text)) return [];
  const doc = docOf(text);
  const out: Finding[] = [];
  for (const src of everyScript(text)) scanShellSource(doc, src, out);
  const seen = new Set<string>();
  return out.filter((f) => {
    const key = `${f.ruleId}@${f.range.start.line}:${f.range.start.character}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

describe('property: package.json scripts without a keyword are skipped unbuilt, with the same findings', () => {
  // Commands with and without findings, keywords in messages, here-documents, and escapes that spell a keyword.
  const piece = fc.constantFrom(
    'curl -k https://x.test',
    'node scripts/task.js',
    ' && ',
    '; ',
    'wget --no-check-certificate u',
    'echo insecure >> ~/.curlrc',
    'npm config set strict-ssl false',
    'git -c http.sslVerify=false clone u',
    'NODE_TLS_REJECT_UNAUTHORIZED=0 node x',
    'cross-env NODE_TLS_REJECT_UNAUTHORIZED=0 jest',
    'pip install --trusted-host pypi.org x',
    'echo "use curl -k"',
    'bash <<EOF\ncurl -k https://x\nEOF',
    '\\u0063url -k https://x',
    '\\u0020-k',
    'c\\u0075rl --insecure u',
    '\\"',
    '\\n',
    '\\\\',
    '-Dmaven.wagon.http.ssl.insecure=true',
    'tsc -p .',
    ' ',
  );
  const script = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
  it('on generated package.json files (values as written, escapes included), against every script read', () => {
    fc.assert(
      fc.property(fc.array(script, { maxLength: 12 }), fc.boolean(), (values, crlf) => {
        const body = values.map((v, i) => `    "s${i}": "${v.replace(/\n/g, '\\n')}"`).join(',\n');
        let text = `{\n  "name": "x",\n  "scripts": {\n${body}\n  }\n}\n`;
        if (crlf) text = text.replace(/\n/g, '\r\n');
        assert.deepStrictEqual(shellFamily.scan(text, 'package.json'), allScripts(text), text);
        const built = (list: Source[]) => list.map((src) => [src.text, src.at(0), src.at(src.text.length)]);
        assert.deepStrictEqual(built(packageScripts(text)), built(everyScript(text)), text);
      }),
      { numRuns: 800 },
    );
  });

  it('by hand: an escaped keyword and a keyword-free script next to a finding', () => {
    const text = '{ "scripts": { "a": "\\u0063url -k https://x", "b": "node x", "c": "curl -k https://y" } }';
    const found = shellFamily.scan(text, 'package.json');
    assert.deepStrictEqual(found, allScripts(text));
    assert.strictEqual(found.length, 2);
    assert.strictEqual(packageScripts(text, /curl/).length, 2); // "b" is not built
  });
});

describe('property: memberValueSpans gives where each member value of an object starts and ends, as its children do', () => {
  it('on generated JSON objects (nested values, duplicate keys, blanks), plain and with comments', () => {
    const blank = fc.constantFrom('', ' ', '\n', '\t ', '\r\n');
    const key = fc.constantFrom('"a"', '"scripts"', '"b\\u0041"', '"a"');
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
      fc.constantFrom('"curl -k x"', '""', '{}', '[]', '"x\\ny"', 'true', '-1.5e3'),
    );
    const member = fc.tuple(key, blank, value, blank).map(([k, b1, v, b2]) => `${k}${b1}:${b2}${v}`);
    fc.assert(
      fc.property(fc.array(member, { maxLength: 8 }), blank, fc.boolean(), (members, b, comment) => {
        const text = `${b}{${b}${members.join(`,${b}`)}${comment ? '// note\n' : ''}}${b}`;
        const doc = jsonDoc(text);
        if (!doc.root || doc.root.type !== 'object') return;
        const spans = memberValueSpans(doc.root);
        assert.ok(spans, text);
        const expected = (doc.root.children ?? []).flatMap((p) => {
          const v = p.children![1];
          return [v.offset, v.offset + v.length];
        });
        assert.deepStrictEqual(spans, expected, text);
      }),
      { numRuns: 1500 },
    );
    // jsonc-parser's tree (a text with an error): no spans, the caller reads children.
    const broken = jsonDoc('{ "a": 1, }}');
    assert.ok(broken.root && !broken.plain);
    assert.strictEqual(broken.root && memberValueSpans(broken.root), undefined);
  });
});

describe('property: lexing an edited text from the last checkpoint before the edit gives what lexing it afresh gives', () => {
  // What every syntax treats specially (strings, comments, templates, regex literals, char literals, raw strings),
  // so that an edit opens or closes a token whose end lies far after it, or that reads across a checkpoint.
  const PIECES = [
    '"',
    "'",
    '`',
    '\\',
    '\\"',
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
    'r"',
    'r#"',
    '"#',
    "'a'",
    "'\\n'",
    "'ab'",
    "'a",
    '\n=begin\n',
    '\n=end\n',
    'return /',
    '= /a[/]b/g',
    'x / y',
    '\n',
    '\r\n',
    ' ',
    'a',
    'r',
    '=',
    '$',
    'é',
    '😀',
    'verify=False',
    "'\\xxxxxxxxx'",
  ];
  const SYNTAXES = Object.entries(SYNTAX) as [string, Syntax][];
  const seen = (l: Lexed) => ({ kinds: Array.from(l.kinds), code: l.code, lineStarts: [...l.lineStarts] });
  /** A long text: random pieces around filler lines of plain code, so checkpoints (every ~1 KB) exist before the edit. */
  const long = fc
    .tuple(
      fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }),
      fc.integer({ min: 200, max: 800 }),
      fc.array(fc.constantFrom(...PIECES), { maxLength: 400 }),
    )
    .map(([head, lines, tail]) => head.join('') + 'let x = f("a", b);\n'.repeat(lines) + tail.join(''));
  const edit = fc.tuple(
    fc.noBias(fc.integer({ min: 0, max: 1000 })).map((k) => k / 1000), // where: a share of the text, unbiased
    fc.integer({ min: 0, max: 40 }),
    fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }),
  );

  it('on long random texts and random edits (insertions, deletions, both), for every syntax', () => {
    const before = lexReuse.texts;
    fc.assert(
      fc.property(
        long,
        fc.array(edit, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...SYNTAXES),
        (text, edits, [name, syntax]) => {
          let t = text;
          lex(t, syntax);
          for (const [where, cut, put] of edits) {
            const at = Math.floor(where * t.length);
            t = t.slice(0, at) + put.join('') + t.slice(Math.min(t.length, at + cut));
            const around = JSON.stringify(t.slice(Math.max(0, at - 300), at + 300));
            assert.deepStrictEqual(seen(lex(t, syntax)), seen(lexAfresh(t, syntax)), `${name}: ${around}`);
          }
        },
      ),
      { numRuns: 250 },
    );
    // The property is about the reuse: most edits must have gone through it.
    assert.ok(lexReuse.texts - before > 120, `${lexReuse.texts - before} texts reused`);
  });

  it('exhaustively: an edit within what a token before a checkpoint looked ahead at, for every checkpoint place', () => {
    // A test that reads past where the lexer goes on: a char literal's backslash and up to 10 characters (with no
    // quote there), and a regex literal that does not close before the line's end. Its token fails, the lexer goes on
    // to the string after it, where a checkpoint may fall; an edit inside the look-ahead (a quote, a slash) would make
    // the token succeed. The run of `y`s before it moves the token past every place a checkpoint can fall.
    const cases: [string, Syntax, string, string, number, number][] = [
      ['jvm', SYNTAX.jvm, `'\\x"s" yyyyyyyyyy\n`, "'", 4, 12],
      ['rust', SYNTAX.rust, `'\\x"s" yyyyyyyyyy\n`, "'", 4, 12],
      ['js', SYNTAX.js, '/a "s" yyyyyyyyyyyyyyyy\n', '/', 6, 22], // past the 12 the look-ahead covers
    ];
    const same = (a: Lexed, b: Lexed) =>
      a.code === b.code &&
      Buffer.from(a.kinds).equals(Buffer.from(b.kinds)) &&
      a.lineStarts.join() === b.lineStarts.join();
    for (const [name, syntax, token, put, first, last] of cases) {
      const reused = lexReuse.texts;
      let tried = 0;
      for (let n = 0; n < 1100; n++) {
        const text = `${'"a"'.repeat(1500)}${'y'.repeat(n)} = ${token}${'q'.repeat(3000)}\n"b"\n`;
        const at = text.indexOf(token);
        // Only the texts with a checkpoint inside the token's look-ahead (the others cannot go wrong here).
        if (!resumePoints(lex(text, syntax)).some((c) => c > at && c < at + first)) continue;
        tried++;
        for (let p = at + first; p <= at + last; p++) {
          lex(text, syntax);
          const edited = text.slice(0, p) + put + text.slice(p);
          const got = lex(edited, syntax);
          const want = lexAfresh(edited, syntax);
          if (!same(got, want)) assert.deepStrictEqual(seen(got), seen(want), `${name}: n ${n}, at ${p}`);
        }
      }
      // Each edited text reused the lexing before it (from a checkpoint before the token: those after it read past).
      assert.ok(tried > 0 && lexReuse.texts - reused > tried * (last - first), `${name}: ${tried} texts tried`);
    }
  });

  it('on texts of filler and token soup taken in turn, the lexing meeting the earlier one in the shared tail', () => {
    // Soup after the edit too, where checkpoints fall: the lexing may stop at one only where both lexings agree,
    // also on what a regex literal's test reads behind it (comments and blanks before a `/`).
    const segment = fc.oneof(
      fc.integer({ min: 60, max: 200 }).map((n) => 'let x = f("a", b);\n'.repeat(n)),
      fc.array(fc.constantFrom(...PIECES, ' /* c */ ', '\n// c\n', '  \n\t'), { maxLength: 60 }).map((p) => p.join('')),
    );
    const text = fc.array(segment, { minLength: 6, maxLength: 14 }).map((parts) => parts.join(''));
    const before = lexReuse.tailChars;
    fc.assert(
      fc.property(
        text,
        fc.array(edit, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...SYNTAXES),
        (t0, edits, [name, syntax]) => {
          let t = t0;
          lex(t, syntax);
          for (const [where, cut, put] of edits) {
            const at = Math.floor(where * t.length);
            t = t.slice(0, at) + put.join('') + t.slice(Math.min(t.length, at + cut));
            const around = JSON.stringify(t.slice(Math.max(0, at - 300), at + 300));
            assert.deepStrictEqual(seen(lex(t, syntax)), seen(lexAfresh(t, syntax)), `${name}: ${around}`);
          }
        },
      ),
      { numRuns: 150 },
    );
    // The property is about the meeting: most texts must have taken a tail from the lexing before them.
    assert.ok(lexReuse.tailChars - before > 150 * 1000, `${lexReuse.tailChars - before} tail characters reused`);
  });

  it('by hand: an edit that opens a block comment, a string, a template or a text block before the rest of the file', () => {
    const filler = 'let x = f("a", b); // note\n'.repeat(400);
    const rest = 'end */ " ` } """ \n';
    for (const opener of ['/*', '"', '`', '`${', "'", '/', 'r#"', '"""', '\n=begin\n', '@"']) {
      for (const [name, syntax] of SYNTAXES) {
        lex(`${filler}mid();\n${filler}${rest}`, syntax);
        const edited = `${filler}${opener}mid();\n${filler}${rest}`;
        const before = lexReuse.texts;
        assert.deepStrictEqual(seen(lex(edited, syntax)), seen(lexAfresh(edited, syntax)), `${name} ${opener}`);
        assert.strictEqual(lexReuse.texts, before + 1, `${name} ${opener}: reused`);
      }
    }
  });
});

describe('property: the import aliases read only where a module name follows from/import equal the full reading', () => {
  // The two regexes as aliasesOf ran them on every file that names a module, kept here as the reference.
  const IMPORT_AS = /import[ \t]+(requests|httpx|aiohttp|urllib3)[ \t]+as[ \t]+(\w+)/g;
  const FROM_IMPORT = /from[ \t]+(requests|httpx|aiohttp|urllib3)(?:\.[\w.]+)?[ \t]+import[ \t]+(\([^)]*\)|[^\n#]+)/g;
  function reference(code: string): { modules: Map<string, string>; names: Map<string, string> } {
    const modules = new Map<string, string>();
    const names = new Map<string, string>();
    if (!/requests|httpx|aiohttp|urllib3/.test(code)) return { modules, names };
    for (const m of code.matchAll(IMPORT_AS)) modules.set(m[2], m[1]);
    for (const m of code.matchAll(FROM_IMPORT)) {
      for (const part of m[2].replace(/[()]/g, '').split(',')) {
        const [name, alias] = part.trim().split(/\s+as\s+/);
        if (/^\w+$/.test(name)) names.set(alias?.trim() || name, `${m[1]}.${name}`);
      }
    }
    return { modules, names };
  }
  const piece = fc.constantFrom(
    'from',
    'import',
    'requests',
    'httpx',
    'aiohttp',
    'urllib3',
    ' ',
    '  ',
    '\t',
    '\n',
    '.',
    'adapters',
    'as',
    'r',
    'get',
    ',',
    '(',
    ')',
    '#',
    'x',
    'fromrequests',
    'import requests as r',
    'from requests import get',
  );
  it('on soup of the words of both imports', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const code = parts.join('');
        const lx = lexAfresh(code, SYNTAX.python);
        const got = aliasesOf(lx);
        const want = reference(lx.code);
        assert.deepStrictEqual([[...got.modules], [...got.names]], [[...want.modules], [...want.names]], code);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('property: after an edit, literal offsets kept from the shared head give the plain search’s matches', () => {
  it('every regex given literals, on texts of its words edited one place at a time, for every syntax', () => {
    // Texts long enough for the lexing to be reused (REUSE_FROM), made of each regex's words and code around them.
    const SYNTAXES = Object.entries(SYNTAX) as [string, Syntax][];
    let reused = 0;
    for (const re of literalRegexes) {
      const words = [...new Set(re.source.match(/[A-Za-z_][\w]*/g) ?? [])].filter((w) => w.length > 1);
      const piece = fc.constantFrom(
        ...words,
        ...words.map((w) => w.slice(1)),
        '.',
        ':',
        '=',
        '(',
        ')',
        '"',
        ' ',
        '\n',
        'x',
      );
      fc.assert(
        fc.property(
          fc.array(piece, { minLength: 1, maxLength: 40 }),
          fc.noBias(fc.integer({ min: 0, max: 1000 })),
          fc.array(piece, { maxLength: 4 }),
          fc.constantFrom(...SYNTAXES),
          (parts, where, put, [, syntax]) => {
            const unit = parts.join('');
            const text = `${unit}\nlet y = f("a");\n`.repeat(Math.ceil(6000 / (unit.length + 16)));
            eachCodeMatch(lex(text, syntax), re, () => undefined); // the offsets of the text before the edit
            const at = 4200 + Math.floor((where / 1000) * (text.length - 4200));
            const edited = text.slice(0, at) + put.join('') + text.slice(at);
            const lx = lex(edited, syntax);
            if (sharedHead(lx)) reused++;
            const seenWith: number[] = [];
            const seenWithout: number[] = [];
            eachCodeMatch(lx, re, (m) => seenWith.push(m.index, m[0].length));
            withoutLiterals(() => eachCodeMatch(lx, re, (m) => seenWithout.push(m.index, m[0].length)));
            assert.deepStrictEqual(seenWith, seenWithout, `${re.source} at ${at}`);
          },
        ),
        { numRuns: 15 },
      );
    }
    assert.ok(reused > literalRegexes.length * 5, `${reused} edited texts reused a lexing`);
  });
});

describe('property: after an edit, the offsets of a literal kept from the shared head and tail are all its offsets', () => {
  it('on texts of literals with quotes and brackets around them (where checkpoints fall), edited near them', () => {
    const words = ['rejectUnauthorized', 'verify', '"verify"', 'x"', '{a', 'a}', 'SSL::VERIFY_NONE'];
    const piece = fc.constantFrom(...words, '"', "'", '{', '}', '(', ')', ' ', '\n', 'x', '#', '//');
    const SYNTAXES = Object.entries(SYNTAX) as [string, Syntax][];
    let reused = 0;
    let tailed = 0;
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 40 }),
        fc.noBias(fc.integer({ min: 0, max: 1000 })),
        fc.array(piece, { maxLength: 4 }),
        fc.constantFrom(...SYNTAXES),
        (parts, where, put, [name, syntax]) => {
          const unit = parts.join('');
          // The filler's strings open right after `x`: checkpoints there split `x"` across the head's end.
          const text = `${unit}\ny = x"a";\n`.repeat(Math.ceil(9000 / (unit.length + 11)));
          const before = lex(text, syntax);
          for (const w of words) literalOffsets(before, w);
          const at = 4200 + Math.floor((where / 1000) * (text.length - 4200));
          const lx = lex(text.slice(0, at) + put.join('') + text.slice(at), syntax);
          if (sharedHead(lx)) reused++;
          if (sharedHead(lx)?.tail) tailed++;
          for (const w of words) {
            const all: number[] = [];
            for (let p = lx.code.indexOf(w); p !== -1; p = lx.code.indexOf(w, p + 1)) all.push(p);
            assert.deepStrictEqual(literalOffsets(lx, w), all, `${name} ${w} at ${at}`);
          }
        },
      ),
      { numRuns: 400 },
    );
    assert.ok(reused > 200 && tailed > 100, `${reused} edited texts reused a lexing, ${tailed} its tail`);
  });
});

describe('property: present answers as includes does, on texts edited one after another', () => {
  it('on texts of words and their parts, edited anywhere, asked in turn with a second text between', () => {
    const words = ['mongo', 'Mongo', 'kipTLSVerify', 'disableTLSCerts', 'x', 'ab'];
    const piece = fc.constantFrom(...words, 'mon', 'go', 'kipTLS', 'Verify', 'a', 'b', ' ', '\n', 'yyyyyyyy');
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 30 }), fc.array(piece, { maxLength: 4 }));
    let edited = 0;
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 300 }),
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (parts, edits, between) => {
          let t = parts.join('');
          const ask = (text: string) => {
            for (const w of words) {
              assert.strictEqual(present(text, w), text.includes(w), `${w} in ${JSON.stringify(text)}`);
            }
          };
          ask(t);
          for (const [where, cut, put] of edits) {
            const at = t.length === 0 ? 0 : where % t.length;
            const next = t.slice(0, at) + put.join('') + t.slice(Math.min(t.length, at + cut));
            if (between) ask(`${t}!`); // another text asked between two edits of one
            ask(next);
            t = next;
            edited++;
          }
        },
      ),
      { numRuns: 600 },
    );
    assert.ok(edited > 600);
  });
});

describe('property: a notebook re-scan reads only the cells whose text changed, with the findings of reading all', () => {
  const SNIPPETS = [
    'import requests\n',
    'requests.get(u, verify=False)\n',
    'r = requests.post(\n    u,\n    verify=False,\n)\n',
    '!curl -k https://x.test\n',
    '%pip install --trusted-host pypi.org x\n',
    'x = 1  # verify=False\n',
    's = requests.Session()\ns.verify = False\n',
    'ctx = ssl._create_unverified_context()\n',
    '%env PYTHONHTTPSVERIFY=0\n',
    'print("verify=False")\n',
    'é = "😀"\n',
  ];
  const cell = fc.array(fc.constantFrom(...SNIPPETS), { minLength: 1, maxLength: 4 }).map((p) => p.join(''));
  const notebookOf = (cells: string[], kinds: boolean[]) =>
    JSON.stringify(
      {
        cells: cells.map((c, i) => ({
          cell_type: kinds[i] === false ? 'markdown' : 'code',
          metadata: {},
          source: c.split(/(?<=\n)/),
          outputs: [],
          execution_count: null,
        })),
        metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
        nbformat: 4,
        nbformat_minor: 5,
      },
      null,
      1,
    );
  it('on generated notebooks, one cell edited (or added, or removed) at a time', () => {
    const kept = cellsKept.cells;
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 8 }),
        fc.array(fc.boolean(), { maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(), fc.option(cell)), { minLength: 1, maxLength: 3 }),
        (cells, kinds, edits) => {
          let now = [...cells];
          scanNotebook(notebookOf(now, kinds));
          for (const [where, put] of edits) {
            const at = where % now.length;
            now =
              put === null
                ? now.filter((_, i) => i !== at || now.length === 1)
                : now.map((c, i) => (i === at ? put : c));
            const raw = notebookOf(now, kinds);
            assert.deepStrictEqual(scanNotebook(raw), scanNotebookAfresh(raw), raw);
          }
        },
      ),
      { numRuns: 60 },
    );
    assert.ok(cellsKept.cells - kept > 120, `${cellsKept.cells - kept} cells kept`);
  });
});

describe('property: a gate of words answers as its regex does', () => {
  // Regexes of words as the families write their gates: letters, escaped dots, classes, groups, optional parts.
  const atom = fc.constantFrom(
    'a',
    'b',
    'S',
    '_',
    '\\.',
    '[ab]',
    '[bS]',
    'a?',
    '(?:a|bS)',
    '(?:_|a\\.)?',
    '(?:S(?:a|b)?|b)',
  );
  const sequence = fc.array(atom, { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
  const regexOfWords = fc.array(sequence, { minLength: 1, maxLength: 3 }).map((s) => s.join('|'));
  it('on generated word regexes and texts of their characters', () => {
    let words = 0;
    fc.assert(
      fc.property(
        regexOfWords,
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'S', '_', '.', 'x') }), { maxLength: 5 }),
        (src, texts) => {
          let re: RegExp;
          try {
            re = new RegExp(src);
          } catch {
            return;
          }
          if (wordsOf(src)) words++;
          for (const t of texts) assert.strictEqual(gate(re, t), re.test(t), `${src} on ${t}`);
        },
      ),
      { numRuns: 200 },
    );
    assert.ok(words > 150, `${words} regexes of words`);
  });
  it('by hand: what is not a regex of words is tested as it is', () => {
    for (const src of ['a\\bb', 'a*', '^x', 'a|', '[a-z]', 'a.b', 'a{2}', '(a)', '(?=a)b', '\\w', '[^a]']) {
      assert.strictEqual(wordsOf(src), undefined, src);
    }
    assert.deepStrictEqual(wordsOf('SSL_VERIFICATION_?MODE'), ['SSL_VERIFICATIONMODE', 'SSL_VERIFICATION_MODE']);
    assert.strictEqual(gate(/a\bb/, 'a b'), false);
    assert.strictEqual(gate(/^x/i, 'X'), true);
  });
});
