// Hostile input to the CLI (issue 11): bad files and paths give a clear message and the documented exit code.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './cliHarness';
import { families } from '../../src/core/rules/index';
import type { RuleFamily } from '../../src/core/rules/types';

const canMkfifo = process.platform !== 'win32';

describe('cli: scan under hostile input', () => {
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-rel-cli-'));
    fs.mkdirSync(path.join(dir, 'app'));
    fs.writeFileSync(path.join(dir, 'app', 'client.py'), 'requests.get(u, verify=False)\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a 1 MB script of 130,000 `curl -k` lines is reported, with the other files', async () => {
    fs.writeFileSync(path.join(dir, 'app', 'big.sh'), 'curl -k x\n'.repeat(130_000));
    const r = await runCli(['scan', '--format', 'json', 'app'], dir);
    assert.strictEqual(r.code, 1, r.stderr);
    const files = JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file);
    assert.strictEqual(files.filter((f: string) => f === 'app/big.sh').length, 130_000);
    assert.ok(files.includes('app/client.py'));
  });

  it('a file whose scan fails is a skip with its reason (stderr in text, `skipped` in JSON); the rest is reported', async () => {
    const boom: RuleFamily = {
      id: 'test-boom',
      rules: [],
      prefilter: /BOOM/,
      appliesTo: (p) => p.endsWith('.boom'),
      scan: () => {
        throw new Error('rule exploded');
      },
    };
    fs.writeFileSync(path.join(dir, 'app', 'x.boom'), 'BOOM\n');
    families.push(boom);
    try {
      const json = await runCli(['scan', '--format', 'json', 'app'], dir);
      assert.strictEqual(json.code, 1);
      const out = JSON.parse(json.stdout);
      assert.deepStrictEqual(
        out.findings.map((f: { file: string }) => f.file),
        ['app/client.py'],
      );
      assert.deepStrictEqual(out.skipped, [
        { file: 'app/x.boom', reason: 'failed', detail: 'the scan failed on this file: rule exploded' },
      ]);
      const text = await runCli(['scan', 'app'], dir);
      assert.match(text.stderr, /skipped app\/x\.boom: failed, the scan failed on this file: rule exploded/);
      assert.match(text.stdout, /^app\/client\.py:1:/m);
      assert.match(text.stdout, /1 file scanned, 1 skipped/);
    } finally {
      families.splice(families.indexOf(boom), 1);
    }
  });

  it('JSON has no `skipped` key when every file was read', async () => {
    const out = JSON.parse((await runCli(['scan', '--format', 'json', 'app'], dir)).stdout);
    assert.deepStrictEqual(Object.keys(out), ['version', 'findings']);
  });

  it('a file name with ANSI escapes reaches text output escaped, and JSON with its true name', async () => {
    const name = 'evil\u001b[2J\u202e.py';
    fs.writeFileSync(path.join(dir, 'app', name), 'requests.get(u, verify=False)\n');
    const text = await runCli(['scan', 'app'], dir);
    assert.ok(!text.stdout.includes('\u001b') && !text.stdout.includes('\u202e'));
    assert.match(text.stdout, /app\/evil\\u001b\[2J\\u202e\.py:1:/);
    const json = JSON.parse((await runCli(['scan', '--format', 'json', 'app'], dir)).stdout);
    assert.ok(json.findings.some((f: { file: string }) => f.file === `app/${name}`));
  });

  it('overlapping roots and symlinks to one file report it once', async () => {
    fs.symlinkSync(path.join(dir, 'app', 'client.py'), path.join(dir, 'app', 'link.py'));
    const r = await runCli(['scan', '--format', 'json', 'app', 'app/client.py', 'app/../app'], dir);
    assert.strictEqual(JSON.parse(r.stdout).findings.length, 1);
  });

  it('a folder reached through a symlinked root and through its real path is scanned once, its files by name', async () => {
    // Plain files are keyed by the root's real path plus their remainder (one realpath per root, not per file).
    fs.mkdirSync(path.join(dir, 'app', 'sub'));
    fs.writeFileSync(path.join(dir, 'app', 'sub', 'other.py'), 'requests.post(u, verify=False)\n');
    fs.symlinkSync(path.join(dir, 'app'), path.join(dir, 'via'));
    const r = await runCli(['scan', '--format', 'json', 'via', 'app', 'app/sub'], dir);
    const files = JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file);
    assert.deepStrictEqual(files.sort(), ['via/client.py', 'via/sub/other.py']);
  });

  it('a symlink loop is named as such, not "no such file", and exits 2', async () => {
    fs.symlinkSync('loop', path.join(dir, 'loop'));
    const r = await runCli(['scan', 'loop'], dir);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /loop: too many levels of symbolic links/);
  });

  it('a broken symlink says so', async () => {
    fs.symlinkSync('nowhere.py', path.join(dir, 'dangling.py'));
    const r = await runCli(['scan', 'dangling.py'], dir);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /dangling\.py: a broken symbolic link/);
  });

  it('a FIFO (or device) as PATH is refused with exit 2, unread', async function () {
    if (!canMkfifo) this.skip();
    execFileSync('mkfifo', [path.join(dir, 'pipe.sh')]);
    const r = await runCli(['scan', 'pipe.sh'], dir);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /pipe\.sh: not a regular file or folder: it is a named pipe \(FIFO\)/);
    const dev = await runCli(['scan', '/dev/zero'], dir);
    assert.strictEqual(dev.code, 2);
    assert.match(dev.stderr, /a character device/);
  });
});

describe('cli: devcert under hostile input', () => {
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-rel-devcert-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--out or --ca-dir naming an existing file is a usage error naming it (no temp-file path), exit 2', async () => {
    fs.writeFileSync(path.join(dir, 'taken'), 'x');
    for (const flag of ['--out', '--ca-dir']) {
      const argv = ['devcert', 'localhost', '--out', 'o', '--ca-dir', 'ca'];
      argv[argv.indexOf(flag) + 1] = 'taken';
      const r = await runCli(argv, dir);
      assert.strictEqual(r.code, 2, flag);
      assert.match(r.stderr, new RegExp(`${flag} .*taken exists and is not a folder`));
      assert.doesNotMatch(r.stderr, /\.tmp\b/);
    }
    assert.strictEqual(fs.readFileSync(path.join(dir, 'taken'), 'utf8'), 'x');
  });
});
