import * as assert from 'assert';
import {
  allRules,
  isTestFile,
  ruleDocsUrl,
  mayHaveFindings,
  scanText,
  suppressedOn,
} from '../../../src/core/scan/index';
import { Example, families } from '../../../src/core/rules/index';

const BAD = 'requests.get(u, verify=False)\n';

describe('scan: scanText', () => {
  it('suppresses with a marker on the same line or the line above, for all rules or named ones', () => {
    assert.strictEqual(scanText('requests.get(u, verify=False)  # tls-doctor: ignore\n', 'a.py').length, 0);
    assert.strictEqual(scanText(`# tls-doctor: ignore python.requests-verify-false\n${BAD}`, 'a.py').length, 0);
    assert.strictEqual(scanText(`# tls-doctor: ignore python.check-hostname-false\n${BAD}`, 'a.py').length, 1);
    assert.strictEqual(scanText(`# tls-doctor: ignore\n\n${BAD}`, 'a.py').length, 1);
    assert.deepStrictEqual(suppressedOn('// tls-doctor: ignore a.b, c.d'), new Set(['a.b', 'c.d']));
    assert.strictEqual(suppressedOn(' * tls-doctor: ignore'), '*', 'inside a block comment');
    assert.strictEqual(suppressedOn('REM tls-doctor: ignore'), '*');
    assert.strictEqual(suppressedOn('x = "tls-doctor: ignore"'), undefined, 'a string is not a comment');
    assert.strictEqual(
      scanText('requests.get(u, verify=False, headers={"X": "tls-doctor: ignore"})\n', 'a.py').length,
      1,
    );
  });

  it('applies per-rule severities, and ignore drops the rule', () => {
    assert.strictEqual(
      scanText(BAD, 'a.py', { severities: { 'python.requests-verify-false': 'error' } })[0].severity,
      'error',
    );
    assert.strictEqual(scanText(BAD, 'a.py', { severities: { 'python.requests-verify-false': 'ignore' } }).length, 0);
  });

  it("gives test files the test-file severity (info by default; default keeps the rule's own)", () => {
    assert.strictEqual(scanText(BAD, 'tests/test_api.py')[0].severity, 'info');
    assert.strictEqual(scanText(BAD, 'tests/test_api.py', { testFileSeverity: 'default' })[0].severity, 'warning');
    assert.strictEqual(scanText(BAD, 'tests/test_api.py', { testFileSeverity: 'ignore' }).length, 0);
  });

  it('recognises test files by name and folder', () => {
    for (const p of [
      'test_x.py',
      'x_test.py',
      'pkg/x_test.go',
      'a.spec.ts',
      'a.test.js',
      'test/a.py',
      'src/tests/a.py',
      'x/__tests__/y.js',
      'spec/a_spec.rb',
      'src\\test\\A.java',
    ]) {
      assert.ok(isTestFile(p), p);
    }
    for (const p of ['app.py', 'contest.py', 'latest/app.py', 'testing_utils.go', 'src/attest.ts']) {
      assert.ok(!isTestFile(p), p);
    }
  });

  it('sorts findings by position', () => {
    const f = scanText('ctx.check_hostname = False\nrequests.get(u, verify=False)\n', 'a.py');
    assert.deepStrictEqual(
      f.map((x) => x.range.start.line),
      [0, 1],
    );
  });

  it('lists every rule once, each with a docs URL and a docs page', () => {
    const fs = require('fs') as typeof import('fs');
    const ids = allRules().map((r) => r.id);
    assert.strictEqual(new Set(ids).size, ids.length);
    assert.ok(families.length >= 8);
    const code = families.filter((f) =>
      ['python', 'javascript', 'go', 'jvm', 'csharp', 'ruby', 'php', 'rust'].includes(f.id),
    );
    for (const r of code.flatMap((f) => f.rules)) {
      assert.match(ruleDocsUrl(r.id), new RegExp(`/docs/rules/${r.id.replace(/\./g, '\\.')}\\.md$`));
      assert.ok(fs.existsSync(`docs/rules/${r.id}.md`), `docs/rules/${r.id}.md is missing`);
    }
  });

  it('re-scans a 10,000-line file and finds each of its findings on the right line (speed: npm run bench)', () => {
    const lines: string[] = [];
    for (let i = 0; i < 10000; i++) {
      lines.push(i % 500 === 0 ? 'r = requests.get(u, verify=False)' : `x${i} = compute(a, b, ssl_opts)  # line ${i}`);
    }
    const text = lines.join('\n');
    const first = scanText(text, 'big.py');
    assert.deepStrictEqual(
      first.map((f) => f.range.start.line),
      Array.from({ length: 20 }, (_, k) => k * 500),
    );
    assert.deepStrictEqual(scanText(text, 'big.py'), first, 'a re-scan gives the same findings');
  });

  it('every rule of every family has a docs page and a row in docs/rules/README.md', () => {
    const fs = require('fs') as typeof import('fs');
    const index = fs.readFileSync('docs/rules/README.md', 'utf8');
    for (const r of allRules()) {
      assert.ok(fs.existsSync(`docs/rules/${r.id}.md`), `docs/rules/${r.id}.md is missing`);
      assert.ok(index.includes(`(${r.id}.md)`), `docs/rules/README.md has no link to ${r.id}.md`);
    }
  });
});

describe('scan: prefilter on raw bytes', () => {
  const fs = require('fs') as typeof import('fs');
  const os = require('os') as typeof import('os');
  const path = require('path') as typeof import('path');
  const { scanTargets } = require('../../../src/core/scan/files') as typeof import('../../../src/core/scan/files');

  it('finds the same findings, at the same UTF-16 columns, as scanning the decoded text', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-doctor-prefilter-'));
    try {
      const text = '# Café ☕ client\nr = requests.get("https://api.exämple.test", verify=False)  # naïve\n';
      const file = path.join(dir, 'client.py');
      fs.writeFileSync(file, text);
      const [outcome] = scanTargets([{ path: file, scanPath: 'client.py' }]);
      assert.ok('findings' in outcome);
      assert.deepStrictEqual(outcome.findings, scanText(text, 'client.py'));
      assert.strictEqual(outcome.findings[0].range.start.character, text.split('\n')[1].indexOf('verify=False'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('mayHaveFindings decides the same on the bytes as on the text, for every example of every rule', () => {
    let passed = 0;
    for (const r of allRules()) {
      for (const e of [...r.examples.flagged, ...r.examples.ok]) {
        const file = typeof e === 'string' ? r.examples.file : e.file;
        const text = (typeof e === 'string' ? e : e.code).replace(/«(?:\{[^}]*\})?|»/g, '');
        const onText = mayHaveFindings(text, file);
        assert.strictEqual(mayHaveFindings(Buffer.from(text, 'utf8'), file), onText, `${r.id}: ${text}`);
        if (onText) passed++;
      }
    }
    assert.ok(passed >= allRules().length, `only ${passed} examples passed the prefilters`);
  });

  it('mayHaveFindings is false only when no family for the path can match', () => {
    assert.strictEqual(mayHaveFindings('print("hello")', 'a.py'), false);
    assert.strictEqual(mayHaveFindings('x = requests.get(u, verify=False)', 'a.py'), true);
    assert.strictEqual(mayHaveFindings('InsecureSkipVerify: true', 'a.py'), false, 'a Go keyword in a Python file');
    assert.strictEqual(mayHaveFindings('InsecureSkipVerify: true', 'main.go'), true);
  });

  const RULELESS_SAMPLES: Record<string, Example> = {
    embedded: { file: 'setup.py', code: 'os.system("echo insecure >> ~/.curlrc")' },
    'embedded-go': { file: 'mirror.go', code: 'exec.Command("skopeo", "copy", "--src-tls-verify=false", src, dst)' },
    'json-config': { file: '.bowerrc', code: '{ "registry": "https://bower.corp.example", "strict-ssl": false }' },
  };
  // A family's needles may only ever skip files its prefilter would skip too: every prefilter match holds a needle.
  // Checked on every example of the family's rules and on strings mixing the prefilter's own words with noise.
  for (const family of families.filter((f) => f.needles)) {
    const needles = family.needles!;
    const holdsNeedle = (s: string) => needles.some((n) => s.includes(n));
    const code = (e: Example) => (typeof e === 'string' ? e : e.code).replace(/«(?:\{[^}]*\})?|»/g, '');
    it(`${family.id}: every prefilter match holds one of the family's needles`, () => {
      const words = [...new Set(family.prefilter.source.match(/[A-Za-z_][A-Za-z0-9_-]{2,}/g) ?? [])];
      const samples = family.rules.flatMap((r) => [...r.examples.flagged.map(code), ...r.examples.ok.map(code)]);
      for (const w of words) {
        for (let cut = 1; cut < w.length; cut++) samples.push(`${w.slice(0, cut)}\n${w.slice(cut)}`, w.slice(cut), w);
        samples.push(`x.${w}1'`, `"${w}v1.1"`, `${w}_1_0`, `${w}v3_`, `${w.toLowerCase()}`, `${w.toUpperCase()}`);
      }
      let matched = 0;
      for (const s of samples) {
        if (!family.prefilter.test(s)) continue;
        matched++;
        assert.ok(holdsNeedle(s), `${JSON.stringify(s)} matches the prefilter but holds no needle`);
      }
      assert.ok(matched >= family.rules.length, `only ${matched} samples matched: the check checked little`);
    });
    it(`${family.id}: mayHaveFindings skips a file without needles, and never one with a finding`, () => {
      // A family without rules of its own (embedded: the shell and config rules in code strings) brings a sample.
      const rule = family.rules[0];
      const example = rule ? rule.examples.flagged[0] : RULELESS_SAMPLES[family.id];
      const path = typeof example === 'string' ? rule.examples.file : example.file;
      assert.ok(scanText(code(example), path).length > 0, 'the sample is a finding');
      assert.ok(mayHaveFindings(code(example), path));
      assert.strictEqual(mayHaveFindings('// nothing about TLS here\n', path), false);
    });
  }
});

describe('scan: a family chosen by the language id reads the file as that language', () => {
  // VS Code passes the editor's language id: a file whose name says nothing must still be scanned as what it is.
  const cases: [string, string, string, string][] = [
    ['build.docker', 'dockerfile', 'FROM debian\nRUN curl -k https://x.test\n', 'shell.curl-insecure'],
    [
      'prom.conf',
      'yaml',
      'scrape_configs:\n  - tls_config:\n      insecure_skip_verify: true\n',
      'config.insecure-skip-verify',
    ],
    ['vars', 'dotenv', 'NODE_TLS_REJECT_UNAUTHORIZED=0\n', 'env.node-tls-reject-unauthorized'],
  ];
  for (const [path, languageId, text, ruleId] of cases) {
    it(`${path} as ${languageId}`, () => {
      assert.deepStrictEqual(
        scanText(text, path, { languageId }).map((f) => f.ruleId),
        [ruleId],
      );
    });
  }
});
