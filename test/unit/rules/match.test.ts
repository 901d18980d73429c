// The shared matching helpers that are pure speed-ups must answer exactly what the plain calls answer.
import * as assert from 'assert';
import fc from 'fast-check';
import { contains } from '../../../src/core/rules/match';

describe('rules/match: contains', () => {
  it('property: equals includes, for needles shorter and longer than the 6-character head', () => {
    const piece = fc.constantFrom('PYTHON', 'HTTPS', 'VERIFY', 'PYTHONHTTPSVERIFY', 'a', '_', ' ', '\n', 'é');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 20 }),
        fc.array(piece, { minLength: 1, maxLength: 4 }),
        (text, needle) => {
          const t = text.join('');
          const n = needle.join('');
          assert.strictEqual(contains(t, n), t.includes(n), `${JSON.stringify(t)} / ${JSON.stringify(n)}`);
        },
      ),
      { numRuns: 3000 },
    );
    assert.strictEqual(contains('x PYTHONHTTPSVERIFY=0', 'PYTHONHTTPSVERIFY'), true);
    assert.strictEqual(contains('x PYTHONPATH PYTHONHTTPS', 'PYTHONHTTPSVERIFY'), false);
  });
});
