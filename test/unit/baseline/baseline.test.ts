import * as assert from 'assert';
import {
  fingerprintOf,
  formatBaseline,
  linesOfRange,
  matchBaseline,
  normaliseLine,
  parseBaseline,
  toBaseline,
} from '../../../src/core/baseline/index';

const range = (line: number, endLine = line) => ({
  start: { line, character: 0 },
  end: { line: endLine, character: 1 },
});

describe('baseline (src/core/baseline)', () => {
  it('fingerprints the normalised line: whitespace and indentation do not matter, the rule and the text do', () => {
    const a = fingerprintOf('python.requests-verify-false', 'r = requests.get(url, verify=False)');
    assert.match(a, /^[0-9a-f]{32}$/);
    assert.strictEqual(
      fingerprintOf('python.requests-verify-false', '    r  =  requests.get(url,\tverify=False)  \r'),
      a,
    );
    assert.notStrictEqual(fingerprintOf('python.requests-verify-false', 'r = requests.get(other, verify=False)'), a);
    assert.notStrictEqual(fingerprintOf('python.httpx-verify-false', 'r = requests.get(url, verify=False)'), a);
    assert.strictEqual(normaliseLine('  a \t b\r\n  c  '), 'a b c');
  });

  it('takes every line a range spans', () => {
    const text = 'x\nrequests.get(url,\n  verify=False)\ny\n';
    assert.strictEqual(linesOfRange(text, range(1, 2)), 'requests.get(url,\n  verify=False)');
    assert.strictEqual(linesOfRange(text, range(3)), 'y');
  });

  it('writes sorted, counted entries with relative paths, and reads them back', () => {
    const fp = 'f'.repeat(32);
    const b = toBaseline([
      { ruleId: 'r.b', file: 'src/z.py', fingerprint: fp },
      { ruleId: 'r.a', file: 'src/z.py', fingerprint: fp },
      { ruleId: 'r.a', file: 'a.py', fingerprint: fp },
      { ruleId: 'r.a', file: 'src/z.py', fingerprint: fp },
    ]);
    assert.deepStrictEqual(
      b.findings.map((e) => [e.file, e.ruleId, e.count]),
      [
        ['a.py', 'r.a', 1],
        ['src/z.py', 'r.a', 2],
        ['src/z.py', 'r.b', 1],
      ],
    );
    const text = formatBaseline(b);
    assert.ok(text.endsWith('}\n'));
    assert.deepStrictEqual(parseBaseline(text), b);
    assert.strictEqual(
      formatBaseline(toBaseline([...b.findings].reverse().flatMap((e) => Array(e.count).fill(e)))),
      text,
      'order of findings does not matter',
    );
  });

  it('matches by rule, file and fingerprint, consuming counts', () => {
    const e = (ruleId: string, file: string, fingerprint: string) => ({ ruleId, file, fingerprint });
    const b = toBaseline([e('r', 'a.py', '1'), e('r', 'a.py', '2')]);
    assert.deepStrictEqual(
      matchBaseline(
        [e('r', 'a.py', '2'), e('r', 'a.py', '1'), e('r', 'a.py', '1'), e('r', 'b.py', '1'), e('s', 'a.py', '1')],
        b,
      ),
      ['unchanged', 'unchanged', 'new', 'new', 'new'],
    );
  });

  it('refuses malformed files with a reason instead of throwing', () => {
    assert.match((parseBaseline('{') as { error: string }).error, /not JSON/);
    assert.match((parseBaseline('{"version":1}') as { error: string }).error, /not a TLS Doctor baseline/);
    assert.match(
      (parseBaseline('{"version":2,"tool":"tls-doctor","findings":[]}') as { error: string }).error,
      /version 2 is not supported/,
    );
    assert.match(
      (
        parseBaseline(
          '{"version":1,"tool":"tls-doctor","findings":[{"ruleId":"r","file":"a","fingerprint":"x","count":0}]}',
        ) as { error: string }
      ).error,
      /findings\[0\]/,
    );
  });
});
