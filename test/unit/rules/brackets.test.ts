// The bracket index answers exactly what the walks answer (they are the reference), on random code with strings,
// comments and unbalanced brackets; and a file with thousands of matches no longer costs matches × 20,000.
import * as assert from 'assert';
import fc from 'fast-check';
import { enclosingOpen, matchingClose, walkBack, walkForward, walksKept } from '../../../src/core/rules/brackets';
import { Kind, lex, Lexed, SYNTAX } from '../../../src/core/rules/lexer';

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

describe('rules/brackets: after an edit, walks kept from the text before answer as walks of the edited text', () => {
  // matchingClose is asked at brackets of code (the index knows no others; a walk from a string's bracket differs).
  const opener = (lx: Lexed, off: number) => '([{'.includes(lx.code[off]) && lx.kinds[off] === Kind.Code;
  it('on long texts of brackets, strings and comments, asked at the same places before and after a random edit', () => {
    const unit = fc.array(fc.constantFrom(...PIECES, '(a, b)', '{ x }'), { maxLength: 40 }).map((p) => p.join(''));
    let kept = 0;
    const reused = walksKept.answers;
    fc.assert(
      fc.property(
        unit,
        fc.integer({ min: 6000, max: 12000 }),
        fc.noBias(fc.integer({ min: 0, max: 1000 })),
        fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }),
        fc.array(fc.noBias(fc.integer({ min: 0, max: 1000 })), { minLength: 1, maxLength: 30 }),
        fc.constantFrom(SYNTAX.js, SYNTAX.python),
        (u, size, where, put, asks, syntax) => {
          const text = `${u}\nlet y = f("a", [b]);\n`.repeat(Math.ceil(size / (u.length + 22)));
          const at = 4200 + Math.floor((where / 1000) * (text.length - 4200));
          const edited = text.slice(0, at) + put.join('') + text.slice(at);
          const delta = edited.length - text.length;
          const offsets = asks.map((k) => Math.floor((k / 1000) * text.length));
          const before = lex(text, syntax);
          for (const off of offsets) {
            enclosingOpen(before, off, '(', 5000);
            enclosingOpen(before, off, '{[(', 6000);
            if (opener(before, off)) matchingClose(before, off, 8000);
          }
          const lexed = lex(edited, syntax);
          for (const o of offsets) {
            for (const off of [o, o + delta]) {
              if (off < 0 || off > edited.length) continue;
              const back = walkBack(lexed, off, '(', 5000);
              assert.strictEqual(enclosingOpen(lexed, off, '(', 5000), back, `back @${off}, edit at ${at}`);
              assert.strictEqual(enclosingOpen(lexed, off, '{[(', 6000), walkBack(lexed, off, '{[(', 6000));
              if (opener(lexed, off)) {
                assert.strictEqual(matchingClose(lexed, off, 8000), walkForward(lexed, off, 8000), `close @${off}`);
              }
              kept++;
            }
          }
        },
      ),
      { numRuns: 150 },
    );
    assert.ok(kept > 1000 && walksKept.answers - reused > kept / 4, `${walksKept.answers - reused} of ${kept} kept`);
  });
});
