// Property tests for the scan outputs (issue 11): JSON and SARIF stay well-formed, and keep the file name, for any
// file name a file system can hold (control characters, quotes, backslashes, emoji, RTL marks, lone surrogates).
import * as assert from 'assert';
import fc from 'fast-check';
import { toJson, toSarif, toText } from '../../../src/core/report/index';
import { scanText } from '../../../src/core/scan/index';

const FINDING = scanText('requests.get(u, verify=False)\n', 'a.py')[0];
const names = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
  fc.constantFrom('a\u001b[31mred.py', 'a\nb.py', 'x"y\\z.py', '\u202eyp.txt', 'café/ü.py', '%41 #?.py', 'a\ud800b.py'),
);

describe('property: scan output is well-formed for any file name', () => {
  it('JSON parses and round-trips the file name', () => {
    fc.assert(
      fc.property(fc.array(names, { minLength: 1, maxLength: 5 }), (files) => {
        const out = JSON.parse(
          toJson(
            files.map((file) => ({ file, finding: FINDING })),
            undefined,
            [{ file: files[0], reason: 'failed', detail: 'x' }],
          ),
        );
        assert.strictEqual(out.version, 1);
        assert.deepStrictEqual(
          out.findings.map((f: { file: string }) => f.file),
          files.map((f) => JSON.parse(JSON.stringify(f))),
        );
        assert.strictEqual(out.skipped[0].file, JSON.parse(JSON.stringify(files[0])));
      }),
      { numRuns: 100 },
    );
  });

  it('SARIF parses, has the required 2.1.0 fields, and every uri is a valid URI reference', () => {
    fc.assert(
      fc.property(fc.array(names, { minLength: 1, maxLength: 5 }), (files) => {
        const log = JSON.parse(
          toSarif(
            files.map((file) => ({ file, finding: FINDING })),
            'file:///w/',
          ),
        );
        assert.strictEqual(log.version, '2.1.0');
        assert.ok(typeof log.$schema === 'string');
        const run = log.runs[0];
        assert.strictEqual(run.tool.driver.name, 'TLS Doctor');
        assert.strictEqual(run.results.length, files.length);
        for (const r of run.results) {
          assert.ok(r.ruleId && r.message.text);
          const uri: string = r.locations[0].physicalLocation.artifactLocation.uri;
          assert.match(uri, /^[\x21-\x7e]*$/, 'printable ASCII only (percent-encoded)');
          assert.doesNotMatch(uri, /[#?]/, 'a # or ? would end the path');
          assert.doesNotThrow(() => new URL(uri, 'file:///w/'));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('text output never carries a control character from a file name (no terminal injection)', () => {
    fc.assert(
      fc.property(names, (file) => {
        const text = toText([{ file, finding: FINDING }], { filesScanned: 1, filesSkipped: 0 });
        // eslint-disable-next-line no-control-regex
        assert.doesNotMatch(text.replace(/\n/g, ''), /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      }),
      { numRuns: 100 },
    );
  });
});
