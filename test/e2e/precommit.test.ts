// The pre-commit hook as pre-commit itself installs it: `pre-commit try-repo` clones this repository, runs
// `npm install` and `npm pack` in it (the `prepare` script builds dist/cli.js), installs the tarball into a node env
// that uses the system node, and runs `tls-doctor scan` on the files of a temp repository.
//
// It takes 20–100 s on 2 cores (mostly `npm install` of the dev dependencies, twice), so it lives in the e2e suite
// (test/e2e, its own stage of `npm test`) and keeps the unit suite fast. npm prefers its cache (the one `npm ci` filled) and goes to the
// registry only for what is missing; pre-commit itself downloads nothing (no node, no git remote).
import * as assert from 'assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cleanEnv, must, parseYaml, skipBecause, which } from '../unit/org/tools';

const ROOT = path.resolve(__dirname, '../..');

/** The working tree as it is now (tracked files plus new, non-ignored ones), committed into a fresh repository. */
function snapshotRepo(dest: string, env: NodeJS.ProcessEnv): void {
  const files = must('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], ROOT, env)
    .split('\0')
    .filter(Boolean);
  for (const f of files) {
    const from = path.join(ROOT, f);
    if (!fs.existsSync(from) || fs.lstatSync(from).isSymbolicLink()) continue; // deleted in the tree, or a node_modules link
    fs.mkdirSync(path.dirname(path.join(dest, f)), { recursive: true });
    fs.copyFileSync(from, path.join(dest, f));
  }
  must('git', ['init', '-q'], dest, env);
  must('git', ['add', '-A'], dest, env);
  must('git', ['commit', '-q', '-m', 'snapshot'], dest, env);
}

/** npm settings from the caller's npm (its cache, and the CA file it reaches the registry with), as env variables. */
function npmEnv(): Record<string, string> {
  const get = (key: string) => spawnSync('npm', ['config', 'get', key], { encoding: 'utf8' }).stdout.trim();
  const cafile = get('cafile');
  return {
    npm_config_cache: get('cache'),
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    ...(cafile && cafile !== 'null' && cafile !== 'undefined' ? { npm_config_cafile: cafile } : {}),
  };
}

describe('pre-commit hook manifest and package contents', () => {
  it('declares a node hook on the system node whose entry is the package bin', () => {
    const hooks = parseYaml(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<
      string,
      unknown
    >[];
    const hook = hooks.find((h) => h.id === 'tls-doctor');
    assert.ok(hook, 'hook id tls-doctor');
    assert.strictEqual(hook.language, 'node');
    // pre-commit downloads a node when language_version is `default` and node lives under $HOME (nvm): never.
    assert.strictEqual(hook.language_version, 'system');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const [bin, sub] = String(hook.entry).split(' ');
    assert.ok(pkg.bin[bin], `entry ${bin} is a bin of the package`);
    assert.strictEqual(sub, 'scan');
    assert.match(pkg.scripts.prepare, /esbuild\.js/, 'prepare builds dist/cli.js for npm pack');
  });

  it('npm pack takes dist/cli.js and nothing of the sources or tests', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path).sort();
    assert.ok(
      files.every((f) => ['LICENSE', 'README.md', 'package.json', 'dist/cli.js'].includes(f)),
      files.join(', '),
    );
    assert.ok(files.includes('package.json'));
    if (fs.existsSync(path.join(ROOT, 'dist/cli.js'))) assert.ok(files.includes('dist/cli.js'), files.join(', '));
  });
});

describe('pre-commit hook (.pre-commit-hooks.yaml, id tls-doctor)', function () {
  this.timeout(240_000);
  let tmp = '';
  let env: NodeJS.ProcessEnv = {};
  const skipReason = !which('pre-commit') ? 'pre-commit is not installed (apt-get install pre-commit)' : undefined;
  beforeEach(function () {
    if (skipReason) skipBecause(this, skipReason);
  });
  before(() => {
    if (skipReason) return;
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-precommit-'));
    fs.mkdirSync(path.join(tmp, 'home'));
    env = cleanEnv(path.join(tmp, 'home'), { PRE_COMMIT_HOME: path.join(tmp, 'pre-commit'), ...npmEnv() });
    fs.mkdirSync(path.join(tmp, 'hook'));
    snapshotRepo(path.join(tmp, 'hook'), env);
  });
  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** A temp repository holding `files`, and `pre-commit try-repo <hook repo> tls-doctor --all-files` run in it. */
  function tryRepo(name: string, files: Record<string, string>) {
    const dir = path.join(tmp, name);
    fs.mkdirSync(dir);
    must('git', ['init', '-q'], dir, env);
    for (const [f, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), body);
    must('git', ['add', '-A'], dir, env);
    const started = Date.now();
    const r = spawnSync('pre-commit', ['try-repo', path.join(tmp, 'hook'), 'tls-doctor', '--all-files'], {
      cwd: dir,
      env,
      encoding: 'utf8',
    });
    return { code: r.status, out: `${r.stdout}${r.stderr}`, seconds: (Date.now() - started) / 1000 };
  }

  it('fails on a Python file with verify=False and names the finding', function () {
    const r = tryRepo('dirty', {
      'client.py': 'import requests\n\nrequests.get(URL, verify=False)\n',
      'README.md': '# x\n',
    });
    assert.strictEqual(r.code, 1, r.out);
    assert.match(r.out, /TLS Doctor\.+Failed/);
    assert.match(r.out, /client\.py:3:19 warning python\.requests-verify-false /);
    assert.doesNotMatch(r.out, /nodeenv.*download|Downloading/i);
    console.log(`      (try-repo took ${r.seconds.toFixed(1)} s)`);
  });

  it('passes on a clean repository', function () {
    const r = tryRepo('clean', { 'client.py': 'import requests\n\nrequests.get(URL, verify="ca.pem")\n' });
    assert.strictEqual(r.code, 0, r.out);
    assert.match(r.out, /TLS Doctor\.+Passed/);
  });
});
