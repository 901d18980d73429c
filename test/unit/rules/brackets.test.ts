// The bracket index answers exactly what the walks answer (they are the reference), on random code with strings,
// comments and unbalanced brackets; and a file with thousands of matches no longer costs matches × 20,000.
import * as assert from 'assert';
import fc from 'fast-check';
import { enclosingOpen, matchingClose, walkBack, walkForward } from '../../../src/core/rules/brackets';
import { lex, SYNTAX } from '../../../src/core/rules/lexer';

const PIECES = ['(', ')', '[', ']', '{', '}', 'a', ' ', '\n', '"x(', '"', '# (', '// {', '/* ) */', "'", 'f(x, ', ')'];

describe('rules/brackets: the index equals the walks', () => {
  for (const [name, syntax] of [
    ['python', SYNTAX.python],
    ['js', SYNTAX.js],
  ] as const) {
    it(`${name}: enclosingOpen and matchingClose agree with the walks at every offset`, () => {
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }),
          fc.constantFrom('(', '[', '({', '('),
          fc.integer({ min: 1, max: 60 }),
          (parts, opens, limit) => {
            const text = parts.join('');
            const lexed = lex(text, syntax);
            // Ask for every offset twice: the first asks pay the walk budget, later ones use the index.
            for (let round = 0; round < 3; round++) {
              for (let off = 0; off <= text.length; off++) {
                assert.strictEqual(
                  enclosingOpen(lexed, off, opens, limit),
                  walkBack(lexed, off, opens, limit),
                  `enclosingOpen ${JSON.stringify(text)} @${off} ${opens} ${limit}`,
                );
                assert.strictEqual(enclosingOpen(lexed, off), walkBack(lexed, off, '(', 20000));
                if (off < text.length && '([{'.includes(lexed.code[off])) {
                  assert.strictEqual(
                    matchingClose(lexed, off, limit),
                    walkForward(lexed, off, limit),
                    `matchingClose ${JSON.stringify(text)} @${off} ${limit}`,
                  );
                }
              }
            }
          },
        ),
        { numRuns: 150 },
      );
    });
  }

  it('thousands of enclosing-call questions on a 200 KB file stay fast (was ~10 s)', () => {
    const text = 'requests.get(u, verify = False)\n'.repeat(6500);
    const lexed = lex(text, SYNTAX.python);
    const t = performance.now();
    for (let off = 20; off < text.length; off += 32) enclosingOpen(lexed, off);
    assert.ok(performance.now() - t < 1500, `${Math.round(performance.now() - t)} ms`);
  });
});
