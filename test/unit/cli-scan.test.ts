import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './cliHarness';
import { allRules } from '../../src/core/scan/index';

describe('cli: scan', () => {
  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-cli-scan-'));
    const write = (rel: string, body: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), body);
    };
    write('app/client.py', 'import requests\n\nr = requests.get(url, verify=False)\n');
    write('app/agent.ts', 'const a = new https.Agent({ rejectUnauthorized: false });\n// rejectUnauthorized: false\n');
    write('tests/test_client.py', 'requests.get(url, verify=False)\n');
    write('generated/x.go', 'c := &tls.Config{InsecureSkipVerify: true}\n');
    write('.gitignore', 'generated/\n');
    write('node_modules/pkg/index.js', 'x({ rejectUnauthorized: false })\n');
    write('clean/ok.py', 'requests.get(url, verify=True)\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the JSON contract with 1-based positions and cwd-relative paths, and exits 1', async () => {
    const r = await runCli(['scan', '--format', 'json'], dir);
    assert.strictEqual(r.code, 1);
    const out = JSON.parse(r.stdout);
    assert.strictEqual(out.version, 1);
    assert.deepStrictEqual(out.findings, [
      {
        ruleId: 'javascript.reject-unauthorized-false',
        file: 'app/agent.ts',
        line: 1,
        column: 29,
        endLine: 1,
        endColumn: 54,
        severity: 'warning',
        message: out.findings[0].message,
      },
      {
        ruleId: 'python.requests-verify-false',
        file: 'app/client.py',
        line: 3,
        column: 23,
        endLine: 3,
        endColumn: 35,
        severity: 'warning',
        message: out.findings[1].message,
      },
      {
        ruleId: 'python.requests-verify-false',
        file: 'tests/test_client.py',
        line: 1,
        column: 19,
        endLine: 1,
        endColumn: 31,
        severity: 'info',
        message: out.findings[2].message,
      },
    ]);
    assert.match(out.findings[0].message, /rejectUnauthorized/);
  });

  it('--no-ignore scans .gitignored files (but never node_modules)', async () => {
    const r = await runCli(['scan', '--format', 'json', '--no-ignore'], dir);
    const files = JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file);
    assert.ok(files.includes('generated/x.go'));
    assert.ok(!files.some((f: string) => f.startsWith('node_modules')));
  });

  it('text format: file:line:col severity ruleId message, then a summary', async () => {
    const r = await runCli(['scan', 'app'], dir);
    assert.strictEqual(r.code, 1);
    const lines = r.stdout.trim().split('\n');
    assert.match(
      lines[0],
      /^app\/agent\.ts:1:29 warning javascript\.reject-unauthorized-false rejectUnauthorized: false/,
    );
    assert.match(lines[1], /^app\/client\.py:3:23 warning python\.requests-verify-false /);
    assert.match(lines[2], /^2 findings \(0 error, 2 warning, 0 info\) in 2 files; 2 files scanned$/);
  });

  it('--fail-on decides the exit code', async () => {
    assert.strictEqual((await runCli(['scan', 'tests', '--format', 'json'], dir)).code, 0); // info only
    assert.strictEqual((await runCli(['scan', 'tests', '--format', 'json', '--fail-on', 'info'], dir)).code, 1);
    assert.strictEqual((await runCli(['scan', 'app', '--fail-on', 'error'], dir)).code, 0);
    assert.strictEqual((await runCli(['scan', 'app', '--fail-on', 'none'], dir)).code, 0);
    assert.strictEqual((await runCli(['scan', 'clean'], dir)).code, 0);
  });

  it('exits 2 for a missing PATH or a bad flag value, with a message', async () => {
    const r = await runCli(['scan', 'app', 'missing-dir'], dir);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /missing-dir: no such file or folder/);
    const bad = await runCli(['scan', '--format', 'xml'], dir);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /--format must be one of text, json, sarif/);
  });

  it('reports an unreadable folder on stderr and keeps scanning', async function () {
    if (process.getuid?.() === 0) this.skip(); // root reads everything
    const locked = path.join(dir, 'locked');
    fs.mkdirSync(locked);
    fs.chmodSync(locked, 0);
    try {
      const r = await runCli(['scan', '--format', 'json'], dir);
      assert.match(r.stderr, /cannot read locked: permission denied/);
      assert.strictEqual(JSON.parse(r.stdout).findings.length, 3);
    } finally {
      fs.chmodSync(locked, 0o755);
    }
  });

  it('writes valid SARIF 2.1.0: rule table with help URIs, results with levels and regions', async () => {
    const r = await runCli(['scan', '--format', 'sarif'], dir);
    const log = JSON.parse(r.stdout);
    assert.strictEqual(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.strictEqual(log.runs.length, 1);
    const run = log.runs[0];
    assert.strictEqual(run.tool.driver.name, 'TLS Doctor');
    assert.strictEqual(run.tool.driver.rules.length, allRules().length);
    for (const rule of run.tool.driver.rules) {
      assert.match(rule.id, /^[a-z]+\.[a-z0-9-]+$/);
      assert.ok(rule.shortDescription.text && rule.fullDescription.text);
      assert.match(rule.helpUri, new RegExp(`/docs/rules/${rule.id.replace(/\./g, '\\.')}\\.md$`));
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
    }
    assert.strictEqual(run.results.length, 3);
    for (const res of run.results) {
      assert.strictEqual(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(res.level));
      assert.ok(res.message.text);
      const loc = res.locations[0].physicalLocation;
      assert.strictEqual(loc.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.ok(Number.isInteger(loc.region.startLine) && loc.region.startLine >= 1);
      assert.ok(loc.region.startColumn >= 1 && loc.region.endColumn > loc.region.startColumn);
    }
    assert.strictEqual(run.results[2].level, 'note');
    assert.strictEqual(run.results[2].locations[0].physicalLocation.artifactLocation.uri, 'tests/test_client.py');
    assert.match(run.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
  });
});
