// Property (issue 19 item 4): the .env fix keeps every byte it does not mean to change. Over generated files
// (comments, blanks, `export`, quoted values holding `#`, unterminated quotes, backslashes, LF/CRLF/CR, a BOM, an
// existing NODE_EXTRA_CA_CERTS or not), fixing the NODE_TLS_REJECT_UNAUTHORIZED=0 line changes exactly that line
// (and, when the CA variable already exists, that entry's value), never leaves two NODE_EXTRA_CA_CERTS entries, and
// the written value reads back as the bundle path.
import * as assert from 'assert';
import fc from 'fast-check';
import { applyEdits, trustBundleFix } from '../../../src/core/fixes/index';
import { scanText } from '../../../src/core/scan/index';
import { parseDotenv } from '../../../src/core/text/dotenv';
import { splitLines } from '../../../src/core/text/lines';
import { unquote } from '../../../src/core/fixes/existing';

const NODE = 'env.node-tls-reject-unauthorized';
const char = fc.constantFrom('a', 'Z', '0', ' ', '#', '"', "'", '\\', '=', '$', '.', '/', 'é');
const value = fc.array(char, { maxLength: 12 }).map((cs) => cs.join(''));
const other = fc.oneof(
  fc.constant(''),
  value.map((v) => `# ${v}`),
  fc
    .tuple(
      fc.constantFrom('', 'export ', '  '),
      fc.constantFrom('APP_A', 'APP_B', 'PORT'),
      fc.constantFrom('=', ' = '),
      value,
    )
    .map(([p, k, s, v]) => `${p}${k}${s}${v}`),
);
const bundle = fc.constantFrom('.certs/bundle.pem', 'ca dir/b.pem', "it's.pem", 'C:\\certs\\b.pem');

describe('fixes: .env round trip (property)', () => {
  it('changes only the switch line (and the existing CA entry), one CA entry after', () => {
    fc.assert(
      fc.property(
        fc.array(other, { maxLength: 8 }),
        fc.nat(8),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        fc.boolean(),
        fc.option(fc.tuple(fc.nat(8), fc.constantFrom('same', 'other')), { nil: undefined }),
        bundle,
        (lines, at, eol, bom, finalEol, existing, b) => {
          const body = [...lines];
          const sw = Math.min(at, body.length);
          body.splice(sw, 0, 'NODE_TLS_REJECT_UNAUTHORIZED=0');
          if (existing) {
            body.splice(
              Math.min(existing[0], body.length),
              0,
              `NODE_EXTRA_CA_CERTS=${existing[1] === 'same' ? JSON.stringify(b) : '/etc/corp.pem'}`,
            );
          }
          const swAt = body.indexOf('NODE_TLS_REJECT_UNAUTHORIZED=0');
          const text = (bom ? '\uFEFF' : '') + body.join(eol) + (finalEol ? eol : '');
          const found = scanText(text, '.env').filter((f) => f.ruleId === NODE);
          const entries = parseDotenv(text).entries;
          // Only files where the switch and the CA variable are entries of their own (an unterminated quote elsewhere
          // may legitimately swallow them into a multi-line value: then they are not assignments at all).
          fc.pre(found.length === 1 && found[0].range.start.line === swAt);
          fc.pre(entries.filter((e) => e.assignment?.key === 'NODE_EXTRA_CA_CERTS').length === (existing ? 1 : 0));
          fc.pre(entries.some((e) => e.assignment?.key === 'NODE_TLS_REJECT_UNAUTHORIZED'));
          const r = trustBundleFix(text, found[0], { bundle: b, path: '.env' });
          assert.ok(r, 'a fix');
          const out = applyEdits(text, r.edits);
          assert.strictEqual(out.startsWith('\uFEFF'), bom, 'the BOM is kept');
          const before = splitLines(text.replace(/^\uFEFF/, ''));
          const after = splitLines(out.replace(/^\uFEFF/, ''));
          const ca = parseDotenv(out).entries.filter((e) => e.assignment?.key === 'NODE_EXTRA_CA_CERTS');
          assert.strictEqual(ca.length, 1, `one NODE_EXTRA_CA_CERTS entry:\n${out}`);
          assert.strictEqual(unquote(ca[0].assignment!.value), b, 'the value reads back as the bundle');
          assert.ok(!out.includes('NODE_TLS_REJECT_UNAUTHORIZED'));
          if (!existing) {
            // The switch line is renamed in place: every other line (with its terminator) is byte-identical.
            assert.strictEqual(after.length, before.length);
            before.forEach((l, i) => {
              if (i !== swAt) assert.deepStrictEqual(after[i], l, `line ${i}`);
            });
            assert.strictEqual(after[swAt].eol, before[swAt].eol);
          } else {
            // The switch line goes; the existing entry is updated; every other line is byte-identical and in order.
            const exAt = body.findIndex((l) => l.startsWith('NODE_EXTRA_CA_CERTS='));
            assert.strictEqual(r.existingCa?.decision, existing[1] === 'same' ? 'same' : 'ask');
            const keep = before.filter((_, i) => i !== swAt && i !== exAt);
            const kept = after.filter((l) => !l.text.startsWith('NODE_EXTRA_CA_CERTS='));
            assert.deepStrictEqual(kept, keep);
            assert.strictEqual(after.length, before.length - 1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
