// The editor's quick fixes and the CLI's scan --fix take their anchor facts from the same place (surroundings.ts):
// the nearest package.json "type", and git's verdict on a .env. Plus anchoredValue, the env-variable route's paths,
// and FixResult.fileRelative, which the editor's messages show.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { anchoredValue, anchorFor, isDotenvFile, trustBundleFix } from '../../../src/core/fixes/index';
import { only } from './helpers';

describe('fixes: the surroundings of a fixed file', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-doctor-surr-'));
    fs.mkdirSync(path.join(dir, 'esm', 'src'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'esm', 'package.json'), '{"type": "module"}');
    fs.writeFileSync(path.join(dir, 'package.json'), '{"name": "x"}');
    fs.writeFileSync(path.join(dir, '.gitignore'), 'local.env\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('anchorFor: the nearest package.json decides the module type; the workspace folder is passed on', () => {
    const esm = anchorFor(path.join(dir, 'esm', 'src', 'a.js'), path.join(dir, '.certs', 'b.pem'), dir);
    assert.deepStrictEqual(esm, {
      bundleFile: path.join(dir, '.certs', 'b.pem'),
      workspaceFolder: dir,
      moduleType: 'module',
    });
    const plain = anchorFor(path.join(dir, 'a.js'), path.join(dir, 'b.pem'));
    assert.deepStrictEqual(
      plain,
      { bundleFile: path.join(dir, 'b.pem') },
      'a package.json without "type": nothing to say',
    );
  });

  it('anchorFor asks git about a .env only, and says git-ignored only when git does', function () {
    if (spawnSync('git', ['--version']).status !== 0) this.skip();
    assert.strictEqual(spawnSync('git', ['init', '-q'], { cwd: dir }).status, 0);
    assert.strictEqual(anchorFor(path.join(dir, 'local.env'), path.join(dir, 'b.pem')).gitIgnored, true);
    assert.strictEqual(anchorFor(path.join(dir, '.env'), path.join(dir, 'b.pem')).gitIgnored, undefined);
    assert.strictEqual(anchorFor(path.join(dir, 'local.py'), path.join(dir, 'b.pem')).gitIgnored, undefined);
  });

  it('isDotenvFile: .env, .env.local, prod.env; not env.py', () => {
    assert.deepStrictEqual(['/a/.env', 'b/.env.local', 'prod.env', '/a/env.py', '/a/.envrc.sh'].map(isDotenvFile), [
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('anchoredValue: ${workspaceFolder} in .vscode/*.json, relative in a committed .env, absolute when git-ignored', () => {
    const root = '/w/p';
    const a = { bundleFile: `${root}/.certs/b.pem`, workspaceFolder: root };
    assert.deepStrictEqual(anchoredValue(`${root}/.vscode/launch.json`, a), {
      path: '${workspaceFolder}/.certs/b.pem',
    });
    assert.deepStrictEqual(anchoredValue(`${root}/.vscode/settings.json`, a), {
      path: '${workspaceFolder}/.certs/b.pem',
    });
    const committed = anchoredValue(`${root}/.env`, a);
    assert.strictEqual(committed.path, '.certs/b.pem');
    assert.match(committed.note ?? '', /relative to p\/ .*committed/);
    const ignored = anchoredValue(`${root}/.env`, { ...a, gitIgnored: true });
    assert.strictEqual(ignored.path, `${root}/.certs/b.pem`);
    assert.match(ignored.note ?? '', /git-ignored/);
    const outside = anchoredValue(`${root}/.vscode/launch.json`, { ...a, bundleFile: '/etc/corp.pem' });
    assert.strictEqual(outside.path, '/etc/corp.pem');
    assert.match(outside.note ?? '', /absolute path in launch\.json/);
  });

  it('FixResult.fileRelative: what the code adds to its own folder; none where the path is written as given', () => {
    const py = 'import requests\nrequests.get(u, verify=False)\n';
    const a = { bundleFile: '/w/p/.certs/b.pem', workspaceFolder: '/w/p' };
    const r = trustBundleFix(py, only(py, 'app/c.py', 'python.requests-verify-false'), {
      bundle: '.certs/b.pem',
      path: '/w/p/app/c.py',
      anchor: a,
    });
    assert.strictEqual(r?.fileRelative, '../.certs/b.pem');
    const docker = 'FROM x\nRUN curl -k https://h.example.com/\n';
    const d = trustBundleFix(docker, only(docker, 'Dockerfile', 'shell.curl-insecure'), {
      bundle: '.certs/b.pem',
      path: '/w/p/Dockerfile',
      anchor: a,
    });
    assert.ok(d, 'a Dockerfile fix');
    assert.strictEqual(d.fileRelative, undefined);
  });
});
