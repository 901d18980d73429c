// The .gitignore merge is lossless and idempotent on generated files: every original byte is kept (as a prefix), the
// result ignores the certificate folder, and merging again changes nothing.
import * as assert from 'assert';
import fc from 'fast-check';
import { ensureGitignored, isGitignored } from '../../../src/core/certs/gitignore';

const LINE = fc.oneof(
  fc.constantFrom(
    'node_modules/',
    '*.pem',
    '!*.pem',
    '.certs',
    '/.certs/',
    '!/.certs/',
    '# comment',
    '',
    '   ',
    'dist',
    '\\#x',
    '*.key',
    '.certs/*',
    '!.certs/cert.pem',
  ),
  fc.string({ maxLength: 12 }),
);
const FILE = fc
  .tuple(fc.array(LINE, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([lines, eol, final]) => lines.join(eol) + (final && lines.length ? eol : ''));

describe('certs/gitignore properties', () => {
  it('keeps every original byte, ignores the folder afterwards, and a second merge is a no-op', () => {
    fc.assert(
      fc.property(FILE, fc.constantFrom('.certs', 'app/.certs', 'certs/dev'), (text, dir) => {
        const merged = ensureGitignored(text, dir);
        if (merged === undefined) {
          assert.ok(isGitignored(text, dir), 'undefined only when the folder is already ignored');
          return;
        }
        assert.ok(merged.startsWith(text), 'the original text is kept byte for byte');
        assert.ok(isGitignored(merged, dir), `not ignored after the merge: ${JSON.stringify(merged)}`);
        assert.strictEqual(ensureGitignored(merged, dir), undefined, 'merging twice adds nothing');
        if (text.includes('\r\n')) {
          assert.ok(!/[^\r]\n/.test(merged.slice(text.length)), "the appended lines use the file's CRLF");
        }
      }),
      { numRuns: 400 },
    );
  });
});
