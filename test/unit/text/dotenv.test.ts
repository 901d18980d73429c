import * as assert from 'assert';
import { caBundleEnv } from '../../../src/core/certs/env';
import * as fc from 'fast-check';
import {
  DotenvFile,
  dotenvKeys,
  mergeEnvBytes,
  mergeEnvFile,
  parseDotenv,
  removeDotenvKey,
  serializeDotenv,
  setDotenvKey,
} from '../../../src/core/text/dotenv';
import { formatEnvValue } from '../../../src/core/text/quote';

const B = '/w/.certs/bundle.pem';

/** [name, existing text, vars, expected text]: everything but the changed keys must come back byte-for-byte. */
const cases: [string, string, Record<string, string>, string][] = [
  ['empty file', '', { A: B }, `A=${B}\n`],
  ['appends after existing lines', 'X=1\n# keep me\n\nY=2\n', { A: B }, `X=1\n# keep me\n\nY=2\nA=${B}\n`],
  ['missing final newline', 'X=1', { A: B }, `X=1\nA=${B}\n`],
  ['updates in place, keeps order', 'A=old\nX=1\n', { A: B }, `A=${B}\nX=1\n`],
  ['keeps export prefix and spacing', '  export A = old\nX=1\n', { A: B }, `  export A = ${B}\nX=1\n`],
  ['keeps inline comment (unquoted)', 'A=old # why\n', { A: B }, `A=${B} # why\n`],
  ['keeps inline comment (quoted)', 'A="old # not a comment" # why\n', { A: B }, `A=${B} # why\n`],
  ['updates every duplicate', 'A=1\nX=2\nA=3\n', { A: B }, `A=${B}\nX=2\nA=${B}\n`],
  ['CRLF kept and used for new lines', 'X=1\r\n# c\r\n', { A: B }, `X=1\r\n# c\r\nA=${B}\r\n`],
  ['CRLF without final newline', 'X=1\r\nY=2', { A: B }, `X=1\r\nY=2\r\nA=${B}\r\n`],
  ['update keeps missing final newline', 'X=1\nA=old', { A: B }, `X=1\nA=${B}`],
  ['commented-out key is not a key', '# A=old\n', { A: B }, `# A=old\nA=${B}\n`],
  ['similar key names untouched', 'AB=1\nA_=2\n', { A: B }, `AB=1\nA_=2\nA=${B}\n`],
  ['multi-line quoted value replaced whole', 'A="line1\nB=inside\nline3"\nX=1\n', { A: B }, `A=${B}\nX=1\n`],
  ['multi-line value of another key is not parsed', 'K="x\nA=inside\n"\n', { A: B }, `K="x\nA=inside\n"\nA=${B}\n`],
  ['quotes a path with spaces', 'X=1\n', { A: '/my dir/b.pem' }, `X=1\nA='/my dir/b.pem'\n`],
  ['several keys, update + append in given order', 'B=0\n', { A: '1', B: '2', C: '3' }, 'B=2\nA=1\nC=3\n'],
  ['no change when nothing to set', 'X=1\r\n# c', {}, 'X=1\r\n# c'],
  ['blank lines and odd lines kept', '\n\nnot an assignment\n=x\n', { A: '1' }, '\n\nnot an assignment\n=x\nA=1\n'],
];

describe('text/dotenv mergeEnvFile', () => {
  for (const [name, existing, vars, expected] of cases) {
    it(name, () => assert.strictEqual(mergeEnvFile(existing, vars), expected));
  }

  it('is idempotent', () => {
    const once = mergeEnvFile('X=1\n# c\n', caBundleEnv(B));
    assert.strictEqual(mergeEnvFile(once, caBundleEnv(B)), once);
  });

  it('rejects an invalid variable name and a multi-line value', () => {
    assert.throws(() => mergeEnvFile('', { 'BAD NAME': 'x' }), /not a valid environment variable name: "BAD NAME"/);
    assert.throws(() => mergeEnvFile('', { A: 'a\nb' }), /single line/);
  });
});

describe('text/quote formatEnvValue', () => {
  it('leaves plain paths (also Windows ones) unquoted', () => {
    assert.strictEqual(formatEnvValue('/a/b-c_d.pem'), '/a/b-c_d.pem');
    assert.strictEqual(formatEnvValue('C:\\Users\\me\\b.pem'), 'C:\\Users\\me\\b.pem');
  });
  it('single-quotes values with spaces, # or $ so no parser expands them', () => {
    assert.strictEqual(formatEnvValue('/a b/#$HOME'), "'/a b/#$HOME'");
  });
  it('double-quotes with escapes when the value has a single quote', () => {
    assert.strictEqual(formatEnvValue(`/it's "x"`), `"/it's \\"x\\""`);
  });
});

describe('certs/env caBundleEnv', () => {
  it('points the three client variables at the bundle', () => {
    assert.deepStrictEqual(caBundleEnv(B), { REQUESTS_CA_BUNDLE: B, SSL_CERT_FILE: B, NODE_EXTRA_CA_CERTS: B });
  });
});

describe('text/dotenv blanks after a value (regression found by the property test)', () => {
  it('a quoted value followed by blanks stays quoted, so the blanks never join the new value', () => {
    assert.strictEqual(mergeEnvFile('B="" ', { B: '/w/b.pem' }), "B='/w/b.pem' ");
  });
});

describe('text/dotenv unterminated quotes (regression: the merge deleted the lines after one)', () => {
  const cases: [string, string, Record<string, string>, string][] = [
    ['a later quoted value does not close it', 'A="abc\nB=1\nC="x"\n', { A: B }, `A=${B}\nB=1\nC="x"\n`],
    ['a later quote inside a value does not close it', "A='abc\nB=it's\nC=2\n", { A: B }, `A=${B}\nB=it's\nC=2\n`],
    ['the lines after it stay when another key is set', 'A="abc\nB=1\nC="x"\n', { C: B }, `A="abc\nB=1\nC=${B}\n`],
    ['never closed at all', 'A="abc\nB=1\n', { A: B }, `A=${B}\nB=1\n`],
    [
      'text after a closing quote makes the value bare (as Node dotenv reads it)',
      'A="x"y # c\n',
      { A: B },
      `A=${B} # c\n`,
    ],
    ['a comment touching the closing quote survives, the value stays quoted', 'A="x"#c\n', { A: B }, `A='${B}'#c\n`],
    ['a real multi-line value still spans its lines', 'A="x\ny" # c\nB=1\n', { A: B }, `A=${B} # c\nB=1\n`],
  ];
  for (const [name, existing, vars, expected] of cases) {
    it(name, () => assert.strictEqual(mergeEnvFile(existing, vars), expected));
  }
});

describe('text/dotenv parse, set, remove', () => {
  it('keeps a BOM out of the first key and in the output', () => {
    const f = parseDotenv('\uFEFFA=1\r\nB=2');
    assert.deepStrictEqual(dotenvKeys(f), ['A', 'B']);
    assert.strictEqual(serializeDotenv(setDotenvKey(f, 'A', '3')), '\uFEFFA=3\r\nB=2');
  });
  it('splits an assignment into head, value and tail', () => {
    const [e] = parseDotenv('  export A = "x # y" # why\n').entries;
    assert.deepStrictEqual(e.assignment, { key: 'A', head: '  export A = ', value: '"x # y"', tail: ' # why' });
  });
  it('treats CR alone as a line break', () => {
    assert.deepStrictEqual(dotenvKeys(parseDotenv('A=1\rB=2\r')), ['A', 'B']);
    assert.strictEqual(mergeEnvFile('A=1\rB=2\r', { B: '3' }), 'A=1\rB=3\r');
  });
  it('recognises a key whose value holds U+2028 (so setting it adds no duplicate)', () => {
    assert.strictEqual(mergeEnvFile('A=x\u2028y\n', { A: '1' }), 'A=1\n');
  });
  it('removes every line of a key, multi-line values included', () => {
    const f = parseDotenv('A=1\nK="x\ny"\nB=2\nK=3');
    assert.strictEqual(serializeDotenv(removeDotenvKey(f, 'K')), 'A=1\nB=2\n');
  });
  it('rejects an invalid name when setting', () => {
    assert.throws(() => setDotenvKey(parseDotenv(''), 'A B', 'x'), /not a valid environment variable name/);
  });
});

describe('text/dotenv bytes', () => {
  it('keeps bytes that are not UTF-8 and writes the new value as UTF-8', () => {
    const before = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9, 0xff]), Buffer.from('\nA=old\n')]);
    const after = Buffer.from(mergeEnvBytes(before, { A: '/wé/b.pem' }));
    const expected = Buffer.concat([
      Buffer.from('# caf'),
      Buffer.from([0xe9, 0xff]),
      Buffer.from("\nA='/wé/b.pem'\n", 'utf8'),
    ]);
    assert.deepStrictEqual(after, expected);
  });
  it('keeps a UTF-8 BOM', () => {
    const before = Buffer.from('\uFEFFX=1\n', 'utf8');
    assert.deepStrictEqual(Buffer.from(mergeEnvBytes(before, { A: '1' })), Buffer.from('\uFEFFX=1\nA=1\n', 'utf8'));
  });
  it('parse → serialize gives every byte string back (latin1 path)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const merged = Buffer.from(mergeEnvBytes(bytes, {}));
        assert.deepStrictEqual(merged, Buffer.from(bytes));
      }),
    );
  });
});

// Files built from the pieces that trip .env writers: keys with and without `export`, quotes (closed, unclosed,
// multi-line), `#` inside and after values, every line ending, a BOM, and odd characters.
const piece = fc.constantFrom(
  'A',
  'B',
  'KEY_1',
  'export ',
  '  ',
  '\t',
  '=',
  ' = ',
  '"',
  "'",
  '\\',
  '\\"',
  '#',
  ' # c',
  'x',
  'a b',
  '$HOME',
  '${X}',
  '\n',
  '\r\n',
  '\r',
  '\uFEFF',
  '\u2028',
  'é',
  '\u{1F600}',
  '=x',
  'B="',
  "C='",
);
const envText = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));

/** What dotenv parsers read from a value we wrote: single quotes literal, double quotes with `\\` and `\"` escapes. */
function readBack(v: string): string {
  if (v.startsWith("'")) return v.slice(1, -1);
  if (v.startsWith('"')) return v.slice(1, -1).replace(/\\(.)/g, '$1');
  return v;
}

describe('text/dotenv properties', () => {
  it('parse → serialize is byte-identical', () => {
    fc.assert(
      fc.property(envText, (text) => {
        assert.strictEqual(serializeDotenv(parseDotenv(text)), text);
      }),
      { numRuns: 2000 },
    );
  });

  it("setting a key changes only that key's entries (or appends one line) and adds no duplicate", () => {
    fc.assert(
      fc.property(
        envText,
        fc.constantFrom('A', 'B', 'KEY_1', 'NEW'),
        fc.constantFrom('/w/b.pem', "it's", 'a b'),
        (text, key, value) => {
          const before = parseDotenv(text);
          const after = parseDotenv(serializeDotenv(setDotenvKey(before, key, value)));
          const others = (f: DotenvFile) => f.entries.filter((e) => e.assignment?.key !== key).map((e) => e.text);
          const mine = (f: DotenvFile) => f.entries.filter((e) => e.assignment?.key === key);
          assert.deepStrictEqual(others(after), others(before));
          const count = mine(before).length || 1;
          assert.strictEqual(mine(after).length, count);
          for (const e of mine(after)) assert.strictEqual(readBack(e.assignment!.value), value);
          assert.strictEqual(after.bom, before.bom);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('setting a key that exists keeps every byte outside its values', () => {
    fc.assert(
      fc.property(envText, (text) => {
        const before = parseDotenv(text);
        const key = dotenvKeys(before)[0];
        if (key === undefined) return;
        const set = setDotenvKey(before, key, 'v');
        const strip = (f: DotenvFile) =>
          f.bom +
          f.entries
            .map((e) => (e.assignment?.key === key ? e.assignment.head + e.assignment.tail : e.text) + e.eol)
            .join('');
        assert.strictEqual(strip(set), strip(before));
      }),
      { numRuns: 1000 },
    );
  });
});
