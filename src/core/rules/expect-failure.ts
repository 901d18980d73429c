// Tests that assert a switch is refused: the insecure value is written only to check that the code under test rejects
// it (`with pytest.raises(ValueError): Client(verify=False)`, `expect(() => connect({ rejectUnauthorized: false }))
// .toThrow()`, a Go test that fails when `New(&cfg)` returns no error). Such a value never reaches a connection, so
// the families drop findings inside these expectations. Cheap: each test runs only when its keyword is in the file.
import { Lexed } from './lexer';
import { eachCodeMatch, enclosingOpen, matchingClose, withLiterals } from './match';
import { Finding } from './types';

/** Keeps the findings that do not start inside one of `spans` ([start, end) offsets). */
function outside(lx: Lexed, findings: Finding[], spans: readonly [number, number][]): Finding[] {
  if (spans.length === 0) return findings;
  return findings.filter((f) => {
    const at = lx.lineStarts[f.range.start.line] + f.range.start.character;
    return !spans.some(([s, e]) => at >= s && at < e);
  });
}

/** Python: the bodies of `with pytest.raises(…):` and `with self.assertRaises(…):` blocks. */
export function dropExpectedFailuresPython(lx: Lexed, findings: Finding[]): Finding[] {
  if (findings.length === 0 || !/\b(?:raises|assertRaises\w*)\s*\(/.test(lx.code)) return findings;
  const spans: [number, number][] = [];
  for (const m of lx.code.matchAll(
    /^([ \t]*)(?:async[ \t]+)?with[ \t]+(?:pytest\.raises|self\.assertRaises\w*)[ \t]*\(/gm,
  )) {
    const indent = m[1].length;
    let end = lx.code.indexOf('\n', m.index! + m[0].length);
    while (end !== -1) {
      const next = lx.code.indexOf('\n', end + 1);
      const line = lx.code.slice(end + 1, next === -1 ? lx.code.length : next);
      if (line.trim() !== '' && /^[ \t]*/.exec(line)![0].length <= indent) break;
      end = next;
    }
    spans.push([m.index!, end === -1 ? lx.code.length : end]);
  }
  return outside(lx, findings, spans);
}

/** An expectation's call; tried only at its words (`assert.throws`: `throws` 7 after the start), not at every
 * position of a file that says `throw` somewhere (every bundle), 1.3 ms of a re-scan of the TypeScript compiler's.
 * Not at `assert`: the compiler's bundle calls `Debug.assert` thousands of times (0.5 ms to list them). */
const EXPECT_CALL = withLiterals(
  /\b(?:expect|assert\.(?:throws|rejects)|t\.(?:throws|rejects|throwsAsync))\s*\(/g,
  ['expect', 'throws', 'rejects'],
  7,
);

/** JavaScript/TypeScript: `expect(…)` followed by `.toThrow…` / `.rejects` / `.to.throw`, and `assert.throws(…)` / `assert.rejects(…)`. */
export function dropExpectedFailuresJs(lx: Lexed, findings: Finding[]): Finding[] {
  if (findings.length === 0 || !/throw|rejects/i.test(lx.code)) return findings;
  const spans: [number, number][] = [];
  eachCodeMatch(lx, EXPECT_CALL, (m) => {
    const open = m.index + m[0].length - 1;
    const close = matchingClose(lx, open);
    const expectsThrow = m[0].startsWith('expect')
      ? /^\s*(?:\.\s*(?:rejects|to|be|eventually|not\s*\.\s*toResolve))*\s*\.\s*(?:toThrow\w*|throw\w*|rejectedWith|rejected)\b/.test(
          lx.code.slice(close, close + 80),
        )
      : true;
    if (expectsThrow) spans.push([open, close]);
  });
  return outside(lx, findings, spans);
}

/**
 * Go: a finding in a `func TestX(t *testing.T)` that the test expects to be refused: after it, the test's first error
 * check is `if err == nil {` failing the test (`t.Error`, `t.Fatal`, `require.Error`-style checks are not read).
 */
export function dropExpectedFailuresGo(lx: Lexed, findings: Finding[]): Finding[] {
  if (findings.length === 0 || !lx.code.includes('err == nil')) return findings;
  return findings.filter((f) => {
    const at = lx.lineStarts[f.range.start.line] + f.range.start.character;
    const body = enclosingTestBody(lx, at);
    if (!body) return true;
    const check = /\bif\s+(?:[^;{}\n]*;\s*)?err\s*(==|!=)\s*nil\s*\{/g;
    check.lastIndex = at;
    const first = check.exec(lx.code);
    if (!first || first.index >= body[1] || first[1] !== '==') return true;
    const block = lx.code.slice(first.index, matchingClose(lx, first.index + first[0].length - 1));
    return !/\bt\.(?:Error|Errorf|Fatal|Fatalf|Fail|FailNow)\s*\(/.test(block);
  });
}

/** [`{`, `}`) of the `func TestX(t *testing.T)` whose body holds `at`, if any. */
function enclosingTestBody(lx: Lexed, at: number): [number, number] | undefined {
  let open = enclosingOpen(lx, at, '{', 20000);
  while (open >= 0) {
    const head = lx.code.slice(Math.max(0, open - 120), open);
    if (/\bfunc\s+Test\w*\s*\(\s*\w+\s+\*testing\.T\s*\)\s*$/.test(head)) return [open, matchingClose(lx, open)];
    if (/\bfunc\b[^{}]*$/.test(head)) return undefined;
    open = open > 0 ? enclosingOpen(lx, open - 1, '{', 20000) : -1;
  }
  return undefined;
}
