// Property tests for the scanner (issue 11): every rule family and the lexer never throw on random or hostile
// text, and stay roughly linear (a ReDoS guard: 200 KB of adversarial text per family in well under 2 s).
import * as assert from 'assert';
import fc from 'fast-check';
import { families } from '../../../src/core/rules/index';
import { lex, SYNTAX } from '../../../src/core/rules/lexer';
import { scanText } from '../../../src/core/scan/index';

/** One path per way a family reads files (the shell family reads scripts, Dockerfiles and CI YAML). */
const PATHS = [
  'a.py',
  'a.js',
  'a.ts',
  'a.go',
  'A.java',
  'a.kt',
  'a.cs',
  'a.rb',
  'a.php',
  'a.rs',
  'a.sh',
  'Dockerfile',
  '.github/workflows/ci.yml',
  '.gitlab-ci.yml',
  '.env',
  'config.yaml',
  '.npmrc',
  'pip.conf',
  'settings.json',
  'main.tf',
  '.gitconfig',
  'Makefile',
];

/** The keywords of every family's prefilter: text made of them reaches the rules, not just the prefilter. */
const KEYWORDS = [
  ...new Set(
    families.flatMap((f) =>
      f.prefilter.source
        .split('|')
        .map((a) => a.replace(/\\[bsnw]|\(\?:|[()?*+.\\[\]^$]/g, ''))
        .filter((w) => /^[\w-]{2,}$/.test(w)),
    ),
  ),
];
/** Syntax that lexers and matchers treat specially: quotes, escapes, brackets, comments, heredocs, YAML blocks. */
const PUNCT = [
  '"',
  "'",
  '`',
  '\\',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '#',
  '//',
  '/*',
  '*/',
  '"""',
  '<<EOF',
  '${',
  '=',
  ':',
  ' = ',
  ': ',
  ',',
  ';',
  ' ',
  '\n',
  '\r\n',
  '\t',
  '  - ',
  'run: |',
  'env:',
  'RUN ',
  '-k',
  '--insecure',
  'False',
  'false',
  'true',
  '0',
  '@"',
  'r#"',
  '\u2028',
  '\u0000',
];

const soup = fc
  .array(fc.oneof(fc.constantFrom(...KEYWORDS), fc.constantFrom(...PUNCT), fc.string({ maxLength: 4 })), {
    maxLength: 120,
  })
  .map((a) => a.join(''));

describe('property: rules and lexer never throw', () => {
  it('every family, on keyword/punctuation soup and on arbitrary unicode', () => {
    fc.assert(
      fc.property(
        fc.oneof(soup, fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })),
        fc.constantFrom(...PATHS),
        (text, path) => {
          const found = scanText(text, path);
          for (const f of found) {
            assert.ok(f.range.start.line >= 0 && f.range.start.character >= 0, 'positions are never negative');
            assert.ok(
              f.range.end.line > f.range.start.line ||
                (f.range.end.line === f.range.start.line && f.range.end.character >= f.range.start.character),
            );
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the lexer marks every character and blanks only comments, for every syntax', () => {
    fc.assert(
      fc.property(soup, fc.constantFrom(...Object.values(SYNTAX)), (text, syntax) => {
        const l = lex(text, syntax);
        assert.strictEqual(l.kinds.length, text.length);
        assert.strictEqual(l.code.length, text.length);
        assert.strictEqual(l.lineStarts.length, text.split('\n').length);
      }),
      { numRuns: 300 },
    );
  });
});

/** A typical finding line of each family, and a path it reads. */
const SAMPLES: Readonly<Record<string, readonly [string, string]>> = {
  python: ['a.py', 'verify = False'],
  javascript: ['a.js', 'rejectUnauthorized: false'],
  go: ['a.go', 'InsecureSkipVerify: true'],
  jvm: ['A.java', 'HostnameVerifier v = (h, s) -> true;'],
  csharp: ['a.cs', 'ServerCertificateValidationCallback = (a, b, c, d) => true;'],
  ruby: ['a.rb', 'verify_mode: OpenSSL::SSL::VERIFY_NONE'],
  php: ['a.php', 'curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);'],
  rust: ['a.rs', '.danger_accept_invalid_certs(true)'],
  shell: ['a.sh', 'curl -k https://x'],
  env: ['.env', 'NODE_TLS_REJECT_UNAUTHORIZED=0'],
  config: ['config.yaml', 'insecure_skip_verify: true'],
  browser: ['a.js', "args: ['--ignore-certificate-errors'], ignoreHTTPSErrors: true"],
  connection: ['appsettings.json', '"Default": "Server=db;TrustServerCertificate=True"'],
  embedded: ['a.py', 'os.system("echo insecure >> ~/.curlrc")'],
  'embedded-go': ['a.go', 'exec.Command("skopeo", "copy", "--src-tls-verify=false", src)'],
  'json-config': ['a.js', 'const c = { "strict-ssl": false }; npm.load(c);'],
  notebook: ['a.ipynb', '{"cells": [{"cell_type": "code", "source": ["requests.get(u, verify=False)"]}]}'],
};

/** 200 KB texts shaped to make backtracking or quadratic loops show: long lines, unclosed strings/brackets, many
 * findings, runs of spaces, comment openers. */
function adversarial(sample: string): [string, string][] {
  const n = 200 * 1024;
  const fill = (unit: string) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  return [
    ['many findings', fill(`${sample}\n`)],
    ['one long line', fill(`${sample} `)],
    ['unclosed brackets', fill(`${sample}(`)],
    ['an unterminated string', `"${fill(`${sample} \\" `)}`],
    ['runs of spaces', fill(`${sample.replace(/ /g, ' '.repeat(300))}\n`)],
    ['comment openers', fill(`#${sample}/*"//`)],
  ];
}

describe('property: rules stay roughly linear (ReDoS guard)', function () {
  this.timeout(30_000);
  const LIMIT_MS = 2000; // per 200 KB text; typical is under 50 ms
  for (const family of families) {
    const [path, sample] = SAMPLES[family.id];
    for (const [what, text] of adversarial(sample)) {
      const title = `${family.id}: ${what} (200 KB of "${sample.slice(0, 30)}") in < ${LIMIT_MS} ms`;
      it(title, () => {
        const t = performance.now();
        family.scan(text, path);
        const ms = performance.now() - t;
        assert.ok(ms < LIMIT_MS, `${Math.round(ms)} ms`);
      });
    }
  }

  it('every family has a sample', () => {
    assert.deepStrictEqual(
      families.map((f) => f.id).filter((id) => !SAMPLES[id]),
      [],
    );
  });
});
