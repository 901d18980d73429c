// bindingsOf (rules/flow.ts) finds a name's bindings with a plain search and a hand-written check of what stands before
// it; the lookbehind regex it replaced is the oracle here, on generated texts built from the pieces that matter
// (anchors, blanks, const/let/var, near-miss words, type annotations, `==` / `=>`), and on this repository's sources.
import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { bindingsOf, escapeRe } from '../../../src/core/rules/flow';
import { lex, SYNTAX } from '../../../src/core/rules/lexer';
import type { Lexed } from '../../../src/core/rules/lexer';

function oracle(lx: Lexed, name: string): number[] {
  const bind = new RegExp(
    `(?<=(?:^|[;{}\\n]|\\b(?:const|let|var))[ \\t]*)${escapeRe(name)}[ \\t]*(?::[^=\\n]{1,60})?=(?![=>~])`,
    'g',
  );
  const out: number[] = [];
  for (let m = bind.exec(lx.code); m; m = bind.exec(lx.code)) {
    if (lx.kinds[m.index] === 0 /* Kind.Code */) out.push(m.index);
  }
  return out;
}

const PIECES = [
  'opts',
  'xopts',
  'opts2',
  ' ',
  '\t',
  '\n',
  ';',
  '{',
  '}',
  '(',
  ',',
  'const',
  'let',
  'var',
  'constant',
  'x',
  '=',
  '==',
  '=>',
  ': Options',
  ':',
  '"opts = 1"',
  '// opts = 1\n',
  '.',
  'opts =',
];

describe('property: bindingsOf finds what the lookbehind regex found', () => {
  it('on generated texts of anchors, blanks, keywords and near misses', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }),
        fc.constantFrom('opts', 'x', 'o'),
        (parts, name) => {
          const lx = lex(parts.join(''), SYNTAX.js);
          assert.deepStrictEqual(bindingsOf(lx, name), oracle(lx, name));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("on this repository's sources, for the names option flows ask about", () => {
    const dir = path.join(__dirname, '../../../src/core/rules');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const lx = lex(fs.readFileSync(path.join(dir, file), 'utf8'), SYNTAX.js);
      for (const name of ['opts', 'options', 'lx', 'name', 'out', 'host', 'i']) {
        assert.deepStrictEqual(bindingsOf(lx, name), oracle(lx, name), `${file} ${name}`);
      }
    }
  });
});
