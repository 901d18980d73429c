// The workspace scope (`tls-doctor trust plan|apply|undo --scope workspace`) on real files: the bundle inside the
// workspace, the variables in .env (relative), every launch configuration and the devcontainer (anchored), comments and
// other bytes kept, the Dockerfile and CI notes, nothing written in HOME, re-applying adds nothing, undo restores every
// byte and removes what apply created.
import * as assert from 'node:assert';
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'jsonc-parser';
import { main } from '../../../src/cli';
import type { Io } from '../../../src/cli/command';
import type { Tool } from '../../../src/core/trust/detect';
import { applyTrust, undoWorkspaceTrust } from '../../../src/core/trust/index';
import type { RootCandidate } from '../../../src/core/trust/root';
import { buildWorkspacePlan } from '../../../src/core/trust/workspace';
import { createTestPki, TestPki } from '../../fixtures/tls/pki';
import { makeBareRepo, startInspectionServer } from './server';

let sharedPki: TestPki | undefined;
function testPki(): TestPki {
  sharedPki ??= createTestPki();
  return sharedPki;
}

function rootOf(pki: TestPki): RootCandidate {
  const x = new X509Certificate(pki.root.certPem);
  return {
    pem: x.toString(),
    subject: x.subject.replace(/\n/g, ', '),
    issuer: x.issuer.replace(/\n/g, ', '),
    sha256: x.fingerprint256,
    notAfter: new Date(x.validTo).toISOString(),
    source: 'root.pem',
    intermediates: [],
    inOsStore: false,
  };
}

const tool = (id: Tool['id'], version = '1.0.0'): Tool => ({ id, path: `/usr/bin/${id}`, version, facts: {} });

const FILES: Record<string, string> = {
  '.env': '# team settings\nexport REQUESTS_CA_BUNDLE=/old/bundle.pem\nAPI_URL=https://api.example\n',
  '.vscode/launch.json':
    '{\n  // debug configurations\n  "version": "0.2.0",\n  "configurations": [\n    { "name": "App", "type": "node", "request": "launch" },\n    { "name": "Tests", "type": "debugpy", "request": "launch", "env": { "A": "1" } }, // keep me\n  ]\n}\n',
  '.devcontainer/devcontainer.json':
    '{\n\t// the team image\n\t"image": "mcr.microsoft.com/devcontainers/base:debian"\n}\n',
  Dockerfile: 'FROM debian:12\n',
};

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), `${(statSync(p).mode & 0o777).toString(8)} ${readFileSync(p, 'base64')}`);
    }
  };
  walk(dir);
  return out;
}

describe('trust: workspace scope', function () {
  this.timeout(30_000);
  let dir: string;
  let ws: string;
  let home: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tls-doctor-ws-'));
    ws = path.join(dir, 'repo');
    home = path.join(dir, 'home');
    mkdirSync(home);
    for (const [f, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(ws, f)), { recursive: true });
      writeFileSync(path.join(ws, f), text);
    }
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('plans the bundle inside the workspace and the variables in .env, launch.json and the devcontainer', () => {
    const plan = buildWorkspacePlan(
      [rootOf(testPki())],
      [tool('python'), tool('node'), tool('git'), tool('curl'), tool('java'), tool('yarn', '4.1.0')],
      ws,
      [],
      'linux',
    );
    assert.strictEqual(plan.scope, 'workspace');
    assert.strictEqual(plan.bundle, path.join(ws, '.tls-doctor', 'trust', 'bundle.pem'));
    assert.deepStrictEqual(plan.env, {
      REQUESTS_CA_BUNDLE: '.tls-doctor/trust/bundle.pem',
      SSL_CERT_FILE: '.tls-doctor/trust/bundle.pem',
      NODE_EXTRA_CA_CERTS: '.tls-doctor/trust/ca.pem',
      GIT_SSL_CAINFO: '.tls-doctor/trust/bundle.pem',
      CURL_CA_BUNDLE: '.tls-doctor/trust/bundle.pem',
      YARN_HTTPS_CA_FILE_PATH: '.tls-doctor/trust/bundle.pem',
    });
    const java = plan.tools.find((t) => t.tool === 'java');
    assert.ok(java?.unchanged && /user scope/.test(java.why), 'java is left to the user scope');
    const byFile = new Map(plan.changes.map((c) => [path.relative(ws, c.file), c]));
    assert.deepStrictEqual([...byFile.keys()].sort(), [
      '.devcontainer/devcontainer.json',
      '.env',
      '.tls-doctor/trust/.gitignore',
      '.tls-doctor/trust/bundle.pem',
      '.tls-doctor/trust/ca.pem',
      '.vscode/launch.json',
    ]);
    const env = byFile.get('.env')!.after;
    assert.match(
      env,
      /^# team settings\nREQUESTS_CA_BUNDLE=\.tls-doctor\/trust\/bundle\.pem\nAPI_URL=https:\/\/api\.example\n/,
    );
    assert.match(env, /^NODE_EXTRA_CA_CERTS=\.tls-doctor\/trust\/ca\.pem$/m);
    const launchText = byFile.get('.vscode/launch.json')!.after;
    assert.match(launchText, /\/\/ debug configurations/);
    assert.match(launchText, /\/\/ keep me/);
    const launch = parse(launchText, [], { allowTrailingComma: true }) as {
      configurations: { env: Record<string, string> }[];
    };
    for (const c of launch.configurations) {
      assert.strictEqual(c.env.REQUESTS_CA_BUNDLE, '${workspaceFolder}/.tls-doctor/trust/bundle.pem');
      assert.strictEqual(c.env.NODE_EXTRA_CA_CERTS, '${workspaceFolder}/.tls-doctor/trust/ca.pem');
    }
    assert.strictEqual(launch.configurations[1].env.A, '1', 'an existing variable stays');
    const dcText = byFile.get('.devcontainer/devcontainer.json')!.after;
    assert.match(dcText, /\t\/\/ the team image/);
    const dc = parse(dcText) as { containerEnv: Record<string, string>; remoteEnv: Record<string, string> };
    assert.strictEqual(dc.containerEnv.GIT_SSL_CAINFO, '${containerWorkspaceFolder}/.tls-doctor/trust/bundle.pem');
    assert.strictEqual(dc.remoteEnv.CURL_CA_BUNDLE, '${containerWorkspaceFolder}/.tls-doctor/trust/bundle.pem');
    const notes = (plan.notes ?? []).join('\n');
    assert.match(
      notes,
      /COPY \.tls-doctor\/trust\/ca\.pem \/usr\/local\/share\/ca-certificates\/tls-doctor-inspection\.crt/,
    );
    assert.match(notes, /ENV .*REQUESTS_CA_BUNDLE=\/etc\/ssl\/certs\/ca-certificates\.crt/);
    assert.match(
      notes,
      /GitHub Actions env: .*REQUESTS_CA_BUNDLE=\$\{\{ github\.workspace \}\}\/\.tls-doctor\/trust\/bundle\.pem/,
    );
    assert.match(notes, /GitLab CI variables: .*\$CI_PROJECT_DIR\/\.tls-doctor\/trust\/bundle\.pem/);
    const bundle = byFile.get('.tls-doctor/trust/bundle.pem')!.after;
    assert.ok(bundle.includes(rootOf(testPki()).pem.trim().split('\n')[1]), 'the bundle holds the root');
    assert.ok((bundle.match(/BEGIN CERTIFICATE/g) ?? []).length > 100, 'and the public roots');
  });

  it('apply writes only inside the workspace, re-applying adds nothing, undo restores every byte', () => {
    const before = snapshot(ws);
    const tools = [tool('python'), tool('node'), tool('git')];
    const r = applyTrust(buildWorkspacePlan([rootOf(testPki())], tools, ws, [], 'linux'), []);
    assert.deepStrictEqual(r.errors, []);
    assert.ok(r.written.length >= 5);
    assert.deepStrictEqual(readdirSync(home), [], 'nothing in HOME');
    assert.strictEqual(
      readFileSync(path.join(ws, '.tls-doctor', 'trust', '.gitignore'), 'utf8'),
      'journal.json\nstate.json\n',
    );
    assert.ok(existsSync(path.join(ws, '.tls-doctor', 'trust', 'journal.json')));
    const again = buildWorkspacePlan([rootOf(testPki())], tools, ws, [], 'linux');
    assert.deepStrictEqual(
      again.changes.map((c) => c.file),
      [],
      'everything is in place: re-applying changes nothing',
    );
    const u = undoWorkspaceTrust(ws);
    assert.ok(u && !u.errors.length, JSON.stringify(u));
    assert.deepStrictEqual(snapshot(ws), before, 'byte for byte, and .tls-doctor/ is gone');
    assert.ok(!existsSync(path.join(ws, '.tls-doctor')));
  });

  it('a launch.json that is not JSON with comments is left alone, with a note', () => {
    writeFileSync(path.join(ws, '.vscode', 'launch.json'), '{ "configurations": [ oops');
    const plan = buildWorkspacePlan([rootOf(testPki())], [tool('python')], ws, [], 'linux');
    assert.ok(!plan.changes.some((c) => c.file.endsWith('launch.json')));
    assert.ok(plan.notes?.some((n) => /launch\.json is not valid JSON with comments: not changed/.test(n)));
  });

  it('the CLI: plan --scope workspace changes nothing; apply --yes and undo --scope workspace round-trip', async () => {
    writeFileSync(path.join(dir, 'root.pem'), testPki().root.certPem);
    const before = snapshot(ws);
    let stdout = '';
    let stderr = '';
    const io: Io = {
      out: (t) => {
        stdout += t;
      },
      err: (t) => {
        stderr += t;
      },
      isTTY: false,
      cwd: ws,
      env: { HOME: home, PATH: '/usr/bin:/bin' },
    };
    const run = async (...argv: string[]) => {
      stdout = '';
      stderr = '';
      return main(argv, io);
    };
    assert.strictEqual(await run('trust', 'plan', '--ca', '../root.pem', '--tools', 'git', '--scope', 'workspace'), 0);
    assert.match(stdout, /^Scope: the workspace /m);
    assert.match(stdout, /GIT_SSL_CAINFO=\.tls-doctor\/trust\/bundle\.pem/);
    assert.match(stdout, /--scope workspace --yes/);
    assert.deepStrictEqual(snapshot(ws), before, 'plan wrote nothing');
    assert.strictEqual(
      await run('trust', 'apply', '--ca', '../root.pem', '--tools', 'git', '--scope', 'workspace', '--yes'),
      0,
      stderr,
    );
    assert.match(stdout, /Commit \.tls-doctor\/trust\//);
    assert.match(readFileSync(path.join(ws, '.env'), 'utf8'), /^GIT_SSL_CAINFO=\.tls-doctor\/trust\/bundle\.pem$/m);
    assert.deepStrictEqual(readdirSync(home), []);
    assert.strictEqual(await run('trust', 'undo', '--scope', 'workspace'), 0, stderr);
    assert.deepStrictEqual(snapshot(ws), before);
    assert.strictEqual(await run('trust', 'plan', '--ca', '../root.pem', '--scope', 'team'), 2);
    assert.match(stderr, /--scope/);
  });

  it('a real git, started in the workspace with the .env variables, reaches a server behind the test root', async () => {
    const server = await startInspectionServer(makeBareRepo(dir), testPki());
    try {
      // Asynchronous: the server runs in this process, a synchronous spawn would block it.
      const git = (env: Record<string, string>) =>
        new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
          execFile(
            'git',
            ['ls-remote', server.url],
            {
              cwd: ws,
              env: { PATH: '/usr/bin:/bin', HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', ...env },
              encoding: 'utf8',
              timeout: 20_000,
            },
            (err, stdout, stderr) =>
              resolve({ status: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }),
          );
        });
      const before = await git({});
      assert.notStrictEqual(before.status, 0, 'fails before: the root is not trusted');
      assert.match(before.stderr, /certificate|SSL/i);
      applyTrust(buildWorkspacePlan([rootOf(testPki())], [tool('git')], ws, [], 'linux'), []);
      const vars = Object.fromEntries(
        readFileSync(path.join(ws, '.env'), 'utf8')
          .split('\n')
          .flatMap((l) => {
            const m = /^([A-Z_]+)=(.*)$/.exec(l);
            return m ? [[m[1], m[2]]] : [];
          }),
      );
      const after = await git(vars);
      assert.strictEqual(after.status, 0, after.stderr);
      assert.match(after.stdout, /refs\/heads\/main/);
    } finally {
      await server.close();
    }
  });
});
