// Equivalence tests for the second round of re-scan speed work (issue 18): each path that skips work must give
// exactly what the full path gives. The full path is rebuilt here from the same pieces, as the family ran it before.
import * as assert from 'assert';
import fc from 'fast-check';
import { shellFamily, scanShellSource } from '../../../src/core/rules/shell';
import { packageScripts } from '../../../src/core/rules/surfaces/package-json';
import { docOf, jsonStringSource, Source } from '../../../src/core/rules/env';
import { jsonDoc, memberValueSpans } from '../../../src/core/text/json';
import { Finding } from '../../../src/core/rules/types';

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
      { numRuns: 1500 },
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
