// "Create Development Certificate…" end to end in a real VS Code: the command with arguments (no prompts) writes the
// certificate into the workspace, lists the folder in .gitignore, keeps the CA key out of the workspace, and merges
// the bundle variables into .env and launch.json without losing their other content. The CA goes to a temp folder.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, workspacePath } from './helpers';

interface Result {
  cert: string; key: string; ca: string; bundle: string; caDir: string; caCreated: boolean; gitignoreUpdated: boolean;
  env: Record<string, string>; envWritten: { target: string; where: string; count?: number }[];
}

describe('devcert: Create Development Certificate', function () {
  this.timeout(60_000);
  let caRoot: string;
  const folder = () => workspacePath('devcert');

  before(async () => {
    await activateExtension();
    caRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-it-ca-'));
    process.env.TLS_DOCTOR_CAROOT = caRoot; // never the real per-user folder, even if an argument were ignored
  });
  after(() => {
    delete process.env.TLS_DOCTOR_CAROOT;
    fs.rmSync(caRoot, { recursive: true, force: true });
  });

  it('writes cert, key (0600), CA copy and bundle into the workspace out dir and ignores it in git', async () => {
    const r = await vscode.commands.executeCommand<Result>('tlsDoctor.createDevCert', {
      hosts: ['localhost', '127.0.0.1', '::1'], folder: folder(), caDir: path.join(caRoot, 'ca'),
    });
    assert.ok(r, 'the command returned no result');
    const out = path.join(folder(), '.certs');
    assert.deepStrictEqual([r.cert, r.key, r.ca, r.bundle], ['cert.pem', 'key.pem', 'ca.pem', 'bundle.pem'].map((f) => path.join(out, f)));
    for (const f of [r.cert, r.key, r.ca, r.bundle]) assert.ok(fs.existsSync(f), `${f} missing`);
    assert.strictEqual(fs.statSync(r.key).mode & 0o777, 0o600);
    assert.strictEqual(r.caCreated, true);
    assert.strictEqual(fs.readFileSync(path.join(folder(), '.gitignore'), 'utf8'),
      'node_modules/\n*.log\n\n# TLS Doctor development certificates and private keys\n/.certs/\n');
    assert.strictEqual(r.gitignoreUpdated, true);
  });

  it('keeps the CA key out of the workspace and reuses the CA', async () => {
    const r = await vscode.commands.executeCommand<Result>('tlsDoctor.createDevCert', {
      hosts: ['localhost'], folder: folder(), caDir: path.join(caRoot, 'ca'),
    });
    assert.strictEqual(r.caCreated, false);
    assert.strictEqual(r.gitignoreUpdated, false, '.gitignore already lists the folder');
    const caKey = fs.readFileSync(path.join(caRoot, 'ca', 'rootCA-key.pem'), 'utf8').split('\n')[1];
    const all = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? all(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    for (const f of all(workspacePath())) assert.ok(!fs.readFileSync(f, 'latin1').includes(caKey), `${f} holds the CA key`);
  });

  it('merges the bundle variables into .env and every launch.json configuration, keeping the rest', async () => {
    const r = await vscode.commands.executeCommand<Result>('tlsDoctor.createDevCert', {
      hosts: ['localhost'], folder: folder(), caDir: path.join(caRoot, 'ca'), envTargets: ['dotenv', 'launch'],
    });
    const b = r.bundle;
    assert.strictEqual(fs.readFileSync(path.join(folder(), '.env'), 'utf8'), [
      '# Local settings for the devcert integration test', 'export DEBUG=1',
      `REQUESTS_CA_BUNDLE=${b} # stale, replaced by the test`, 'API_URL=https://localhost:8443',
      `SSL_CERT_FILE=${b}`, `NODE_EXTRA_CA_CERTS=${b}`, '',
    ].join('\n'));
    const launch = fs.readFileSync(path.join(folder(), '.vscode', 'launch.json'), 'utf8');
    assert.match(launch, /\/\/ Debug configurations: the devcert test adds/);
    assert.match(launch, /"PORT": "8443",[\s\S]*"NODE_EXTRA_CA_CERTS"[\s\S]*\/\/ keep me/);
    assert.strictEqual(launch.split(`"REQUESTS_CA_BUNDLE": "${b}"`).length - 1, 2, 'both configurations get the variable');
    assert.strictEqual(r.envWritten.find((w) => w.target === 'launch')?.count, 2);
  });

  it('merges the bundle variables into the terminal environment setting, keeping entries already there', async () => {
    const term = vscode.workspace.getConfiguration('terminal.integrated');
    const key = process.platform === 'darwin' ? 'env.osx' : process.platform === 'win32' ? 'env.windows' : 'env.linux';
    await term.update(key, { KEEP_ME: '1', NODE_EXTRA_CA_CERTS: '/old/path.pem' }, vscode.ConfigurationTarget.Workspace);
    try {
      const r = await vscode.commands.executeCommand<Result>('tlsDoctor.createDevCert', {
        hosts: ['localhost'], folder: folder(), caDir: path.join(caRoot, 'ca'), envTargets: ['terminal'],
      });
      const env = vscode.workspace.getConfiguration('terminal.integrated').inspect<Record<string, string>>(key)?.workspaceValue;
      assert.deepStrictEqual(env, { KEEP_ME: '1', NODE_EXTRA_CA_CERTS: r.bundle, REQUESTS_CA_BUNDLE: r.bundle, SSL_CERT_FILE: r.bundle });
    } finally {
      await term.update(key, undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('installCa shows the exact trust-store command (dry run) for the CA', async () => {
    const r = await vscode.commands.executeCommand<{ command: string }>('tlsDoctor.installCa', { caDir: path.join(caRoot, 'ca'), dryRun: true });
    assert.ok(r && r.command.includes(path.join(caRoot, 'ca', 'rootCA.pem')), r?.command);
    const u = await vscode.commands.executeCommand<{ command: string }>('tlsDoctor.uninstallCa', { caDir: path.join(caRoot, 'ca'), dryRun: true });
    assert.match(u.command, process.platform === 'linux' ? /update-ca-(certificates|trust)|trust anchor --remove/ : /delete/);
  });
});
