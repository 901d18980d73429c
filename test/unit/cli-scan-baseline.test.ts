// `scan --baseline / --write-baseline`, the SARIF extras (fingerprints, baseline state, fixes) and `--format
// codeclimate`, through the CLI on a temp folder.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './cliHarness';
import { applyEdits } from '../../src/core/fixes/index';
import { LINE_FINGERPRINT_KEY, PLACEHOLDER_BUNDLE } from '../../src/core/report/sarif-extras';

/** The structure SARIF 2.1.0 requires (sarif-schema-2.1.0.json's `required` lists) for what we emit. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the log is untyped JSON: the checks below are its types
function assertSarif21(log: Record<string, any>): void {
  assert.strictEqual(log.version, '2.1.0');
  assert.match(log.$schema, /sarif-2\.1\.0(-rtm\.\d+)?\.json$/);
  assert.ok(Array.isArray(log.runs) && log.runs.length >= 1);
  for (const run of log.runs) {
    assert.strictEqual(typeof run.tool.driver.name, 'string');
    assert.ok(Array.isArray(run.results));
    for (const r of run.results) {
      assert.strictEqual(typeof r.ruleId, 'string');
      assert.strictEqual(typeof r.message.text, 'string');
      assert.ok(Array.isArray(r.locations) && r.locations.length >= 1);
      for (const l of r.locations) {
        assert.ok(Number.isInteger(l.physicalLocation.region.startLine) && l.physicalLocation.region.startLine >= 1);
      }
      if (r.partialFingerprints !== undefined) {
        assert.strictEqual(typeof r.partialFingerprints, 'object');
        for (const v of Object.values(r.partialFingerprints)) assert.strictEqual(typeof v, 'string');
      }
      if (r.baselineState !== undefined) assert.ok(['new', 'unchanged', 'updated', 'absent'].includes(r.baselineState));
      for (const s of r.suppressions ?? []) assert.ok(['inSource', 'external'].includes(s.kind));
      for (const fix of r.fixes ?? []) {
        assert.ok(
          Array.isArray(fix.artifactChanges) && fix.artifactChanges.length >= 1,
          'fix.artifactChanges is required',
        );
        for (const c of fix.artifactChanges) {
          assert.strictEqual(typeof c.artifactLocation.uri, 'string');
          assert.ok(
            Array.isArray(c.replacements) && c.replacements.length >= 1,
            'artifactChange.replacements is required',
          );
          for (const rep of c.replacements) {
            assert.ok(Number.isInteger(rep.deletedRegion.startLine), 'replacement.deletedRegion is required');
          }
        }
      }
    }
  }
}

describe('cli: scan baselines, SARIF extras, codeclimate', () => {
  let dir = '';
  const write = (rel: string, body: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), body);
  };
  const read = (rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-cli-baseline-'));
    write('app/client.py', 'import requests\n\nr = requests.get(URL, verify=False)\n');
    write('app/agent.ts', 'const a = new https.Agent({ rejectUnauthorized: false });\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--write-baseline writes a versioned, sorted file with relative paths and exits 0', async () => {
    const r = await runCli(['scan', '--write-baseline', 'tls-baseline.json'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stderr, /wrote baseline tls-baseline\.json \(2 findings\)/);
    const b = JSON.parse(read('tls-baseline.json'));
    assert.strictEqual(b.version, 1);
    assert.strictEqual(b.tool, 'tls-doctor');
    assert.deepStrictEqual(
      b.findings.map((e: { file: string; ruleId: string; count: number }) => [e.file, e.ruleId, e.count]),
      [
        ['app/agent.ts', 'javascript.reject-unauthorized-false', 1],
        ['app/client.py', 'python.requests-verify-false', 1],
      ],
    );
    assert.ok(!read('tls-baseline.json').includes(dir), 'no absolute paths');
  });

  it('--baseline reports only new findings; moved and re-indented lines stay known', async () => {
    await runCli(['scan', '--write-baseline', 'tls-baseline.json'], dir);
    const same = await runCli(['scan', '--baseline', 'tls-baseline.json'], dir);
    assert.strictEqual(same.code, 0);
    assert.match(same.stderr, /2 findings listed in the baseline tls-baseline\.json not reported/);
    // Lines added above and re-indentation move the finding: still the baseline's.
    write(
      'app/client.py',
      'import requests\n# a new comment\n\n\nif True:\n    r  =  requests.get(URL, verify=False)\n',
    );
    const moved = await runCli(['scan', '--baseline', 'tls-baseline.json', '--format', 'json'], dir);
    assert.strictEqual(moved.code, 0, moved.stdout);
    assert.deepStrictEqual(JSON.parse(moved.stdout).findings, []);
    // A second identical line and a changed line are new.
    write(
      'app/client.py',
      'import requests\nr = requests.get(URL, verify=False)\nr = requests.get(URL, verify=False)\nrequests.post(URL, verify=False)\n',
    );
    const grown = await runCli(['scan', '--baseline', 'tls-baseline.json', '--format', 'json'], dir);
    assert.strictEqual(grown.code, 1);
    assert.deepStrictEqual(
      JSON.parse(grown.stdout).findings.map((f: { line: number }) => f.line),
      [3, 4],
    );
    // From a subfolder, the baseline's paths (relative to its own folder) still match.
    const sub = await runCli(['scan', '.', '--baseline', '../tls-baseline.json'], path.join(dir, 'app'));
    assert.match(sub.stdout, /^2 findings /m);
  });

  it('--baseline: a missing or malformed file is exit 2 with a message; combining both flags is a usage error', async () => {
    const missing = await runCli(['scan', '--baseline', 'nope.json'], dir);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.stderr, /cannot read baseline nope\.json: no such file/);
    write('bad.json', '{"version": 9, "tool": "tls-doctor", "findings": []}');
    const bad = await runCli(['scan', '--baseline', 'bad.json'], dir);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /version 9 is not supported/);
    const both = await runCli(['scan', '--baseline', 'a', '--write-baseline', 'b'], dir);
    assert.strictEqual(both.code, 2);
    assert.match(both.stderr, /cannot be combined/);
  });

  it('SARIF: valid 2.1.0 with line fingerprints, fixes that apply, and baseline states', async () => {
    const plain = JSON.parse((await runCli(['scan', '--format', 'sarif'], dir)).stdout);
    assertSarif21(plain);
    const results = plain.runs[0].results;
    assert.strictEqual(results.length, 2);
    for (const r of results) {
      assert.match(r.partialFingerprints[LINE_FINGERPRINT_KEY], /^[0-9a-f]{32}$/);
      assert.ok(r.partialFingerprints['tlsDoctor/v1'], 'the older fingerprint stays');
      assert.strictEqual(r.baselineState, undefined, 'no baseline, no state');
    }
    const py = results.find((r: { ruleId: string }) => r.ruleId === 'python.requests-verify-false');
    const [trust, remove] = py.fixes;
    assert.match(trust.description.text, new RegExp(PLACEHOLDER_BUNDLE.replace(/\./g, '\\.')));
    const apply = (fix: typeof trust) => {
      const text = read('app/client.py');
      const edits = fix.artifactChanges[0].replacements.map(
        (rep: { deletedRegion: Record<string, number>; insertedContent: { text: string } }) => ({
          range: {
            start: { line: rep.deletedRegion.startLine - 1, character: rep.deletedRegion.startColumn - 1 },
            end: { line: rep.deletedRegion.endLine - 1, character: rep.deletedRegion.endColumn - 1 },
          },
          newText: rep.insertedContent.text,
        }),
      );
      return applyEdits(text, edits);
    };
    assert.strictEqual(trust.artifactChanges[0].artifactLocation.uri, 'app/client.py');
    assert.match(apply(trust), /requests\.get\(URL, verify="path\/to\/ca-bundle\.pem"\)/);
    assert.match(apply(remove), /requests\.get\(URL\)\n$/);

    await runCli(['scan', '--write-baseline', 'tls-baseline.json'], dir);
    write('app/more.py', 'requests.get(URL, verify=False)\n');
    const withBase = await runCli(['scan', '--format', 'sarif', '--baseline', 'tls-baseline.json'], dir);
    assert.strictEqual(withBase.code, 1, 'the new finding fails the scan');
    const log = JSON.parse(withBase.stdout);
    assertSarif21(log);
    const states = log.runs[0].results.map(
      (r: {
        locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
        baselineState: string;
        suppressions?: unknown[];
      }) => [r.locations[0].physicalLocation.artifactLocation.uri, r.baselineState, Boolean(r.suppressions)],
    );
    assert.deepStrictEqual(states, [
      ['app/agent.ts', 'unchanged', true],
      ['app/client.py', 'unchanged', true],
      ['app/more.py', 'new', false],
    ]);
    // The same line fingerprints as the baseline file.
    const b = JSON.parse(read('tls-baseline.json'));
    assert.strictEqual(log.runs[0].results[1].partialFingerprints[LINE_FINGERPRINT_KEY], b.findings[1].fingerprint);
  });

  it('--format codeclimate: GitLab Code Quality issues with unique fingerprints', async () => {
    write('app/twice.py', 'requests.get(URL, verify=False)\nrequests.get(URL, verify=False)\n');
    const r = await runCli(['scan', '--format', 'codeclimate'], dir);
    assert.strictEqual(r.code, 1);
    const issues = JSON.parse(r.stdout);
    assert.strictEqual(issues.length, 4);
    for (const i of issues) {
      assert.strictEqual(i.type, 'issue');
      assert.ok(i.description && i.check_name);
      assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(i.severity));
      assert.match(i.fingerprint, /^[0-9a-f]{32}$/);
      assert.strictEqual(typeof i.location.path, 'string');
      assert.ok(Number.isInteger(i.location.lines.begin) && i.location.lines.begin >= 1);
    }
    assert.strictEqual(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size, 4);
    assert.deepStrictEqual(
      issues
        .filter((i: { location: { path: string } }) => i.location.path === 'app/twice.py')
        .map((i: { location: { lines: { begin: number } } }) => i.location.lines.begin),
      [1, 2],
    );
    // Stable across runs (GitLab compares branches by fingerprint).
    assert.deepStrictEqual(JSON.parse((await runCli(['scan', '--format', 'codeclimate'], dir)).stdout), issues);
  });
});
