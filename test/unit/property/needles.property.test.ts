// Equivalence of the shared needle search (src/core/rules/needles.ts) with the per-family needle passes it replaced
// (kept as test/unit/property/reference/needles.ts): for every family, text and file, the same families pass their
// needles and mayHaveFindings gives the same answer, on generated soup of every needle, its pieces and neighbours,
// on every rule example and on this repository's own sources and fixtures, as text and as bytes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { allRules, families } from '../../../src/core/rules/registry';
import { NeedleHits } from '../../../src/core/rules/needles';
import { defineFamily } from '../../../src/core/rules/define';
import { flaggedExamples, okExamples } from '../../../src/core/rules/examples';
import { mayHaveFindings, scanBytes, scanText } from '../../../src/core/scan/index';
import * as reference from './reference/needles';

const registered = families.filter((f) => f.needles);
const allNeedles = [...new Set(registered.flatMap((f) => f.needles!))];
/** Families of longer needles around the registered ones, so that probes are shared (`yServer`, `rustServer`: `Server`)
 * and needles contain others, as rule authors may write them. */
const around = (id: string, wrap: (n: string) => string) =>
  defineFamily({ id, rules: {}, prefilter: /x/, needles: allNeedles.map(wrap), appliesTo: () => true, scan: () => [] });
const withNeedles = [
  ...registered,
  around('test-before', (n) => `y${n}`),
  around('test-after', (n) => `${n}Qz`),
  around('test-both', (n) => `_${n}_`),
];

/** Every needle, its halves and its pieces around each character (a probe found without the rest of its needle). */
const PIECES = [
  ...allNeedles,
  ...allNeedles.flatMap((n) =>
    Array.from({ length: n.length - 1 }, (_, i) => [n.slice(0, i + 1), n.slice(i + 1)]).flat(),
  ),
  ...allNeedles.map((n) => n.toLowerCase()),
  ...allNeedles.map((n) => n.toUpperCase()),
  'y',
  'Qz',
  ' ',
  '\n',
  '_',
  '-',
  'é',
  '😀',
  '\u0000',
];
const soup = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { maxLength: 40 })
  .map((a) => a.join(''));

/** One path per family, from the file its examples are scanned as (the embedded family: a Python file). */
const PATHS = [
  ...new Set([...families.flatMap((f) => f.rules.map((r) => r.examples.file)), 'setup.py', 'a.ts', 'x.kt', 'n.ipynb']),
];

function sameNeedles(text: string, what: string, order = withNeedles): void {
  const asText = new NeedleHits(text);
  const asBytes = new NeedleHits(Buffer.from(text, 'utf8'));
  for (const f of order) {
    const expected = reference.holdsNeedle(text, f);
    assert.strictEqual(asText.any(f), expected, `${what} ${f.id} text: ${JSON.stringify(text.slice(0, 200))}`);
    const bytes = reference.holdsNeedle(Buffer.from(text, 'utf8'), f);
    assert.strictEqual(asBytes.any(f), bytes, `${what} ${f.id} bytes: ${JSON.stringify(text.slice(0, 200))}`);
  }
}

function sameDecisions(text: string, file: string, what: string): void {
  const bytes = Buffer.from(text, 'utf8');
  assert.strictEqual(mayHaveFindings(text, file), reference.mayHaveFindings(text, file), `${what} ${file} text`);
  assert.strictEqual(mayHaveFindings(bytes, file), reference.mayHaveFindings(bytes, file), `${what} ${file} bytes`);
}

/** This repository's sources and test fixtures: real text, most of it mentioning TLS. */
function ownFiles(): { file: string; text: string }[] {
  const root = path.join(__dirname, '..', '..', '..');
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && fs.statSync(p).size < 1e6) {
        out.push({ file: path.relative(root, p), text: fs.readFileSync(p, 'utf8') });
      }
    }
  };
  for (const dir of ['src', 'test/fixtures', 'test/unit/rules']) walk(path.join(root, dir));
  return out;
}

describe('property: the shared needle search finds what each family’s own needle passes found', () => {
  it('on soup of every needle and its pieces, families asked in order, in reverse and twice', () => {
    fc.assert(
      fc.property(soup, (text) => {
        sameNeedles(text, 'in order');
        sameNeedles(text, 'reversed', [...withNeedles].reverse());
        sameNeedles(text, 'twice', [...withNeedles, ...withNeedles]);
      }),
      { numRuns: 3000 },
    );
  });

  it('on soup, mayHaveFindings decides as before for the file of every family', () => {
    fc.assert(
      fc.property(soup, fc.constantFrom(...PATHS), (text, file) => sameDecisions(text, file, 'soup')),
      { numRuns: 3000 },
    );
  });

  it('scanBytes finds what mayHaveFindings then scanText of the decoded bytes found, on soup and every example', () => {
    const same = (text: string, file: string) => {
      const bytes = Buffer.from(text, 'utf8');
      const expected = mayHaveFindings(bytes, file) ? scanText(bytes.toString('utf8'), file) : [];
      assert.deepStrictEqual(scanBytes(bytes, file), expected, `${file}: ${JSON.stringify(text.slice(0, 200))}`);
    };
    fc.assert(
      fc.property(soup, fc.constantFrom(...PATHS), (text, file) => same(text, file)),
      { numRuns: 500 },
    );
    let found = 0;
    for (const r of allRules()) {
      for (const e of [...flaggedExamples(r), ...okExamples(r)]) {
        same(e.text, e.file);
        found += scanBytes(Buffer.from(e.text, 'utf8'), e.file).length;
      }
    }
    assert.ok(found > 100, `only ${found} findings: the comparison compared little`);
  });

  it('on every rule example, under its own file and every other family’s', () => {
    const examples = allRules().flatMap((r) =>
      [...flaggedExamples(r), ...okExamples(r)].map((e) => ({ ...e, ruleId: r.id })),
    );
    assert.ok(examples.length > 100, `${examples.length} examples`);
    for (const e of examples) {
      sameNeedles(e.text, e.ruleId);
      for (const file of [e.file, ...PATHS]) sameDecisions(e.text, file, e.ruleId);
    }
  });

  it("on this repository's sources and fixtures, the families scanText runs are the same", () => {
    const files = ownFiles();
    assert.ok(files.length > 100, `${files.length} files`);
    let passing = 0;
    for (const { file, text } of files) {
      sameNeedles(text, file);
      sameDecisions(text, file, 'own');
      const hits = new NeedleHits(text);
      const now = families.filter((f) => f.appliesTo(file) && hits.any(f)).map((f) => f.id);
      assert.deepStrictEqual(now, reference.familiesScanned(text, file), file);
      if (reference.mayHaveFindings(text, file)) passing++;
    }
    assert.ok(passing > 20, `only ${passing} files passed: the check checked little`);
  });
});
