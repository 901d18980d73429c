// "Create Development Certificate…" end to end in a real VS Code: the command with arguments (no prompts) writes the
// certificate into the workspace, lists the folder in .gitignore, keeps the CA key out of the workspace, and merges
// the bundle variables into .env and launch.json without losing their other content. The CA goes to a temp folder.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, waitFor, workspacePath } from './helpers';

interface Result {
  cert: string;
  key: string;
  ca: string;
  bundle: string;
  caDir: string;
  caCreated: boolean;
  gitignoreUpdated: boolean;
  env: Record<string, string>;
  envWritten: { target: string; where: string; count?: number }[];
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
      hosts: ['localhost', '127.0.0.1', '::1'],
      folder: folder(),
      caDir: path.join(caRoot, 'ca'),
    });
    assert.ok(r, 'the command returned no result');
    const out = path.join(folder(), '.certs');
    assert.deepStrictEqual(
      [r.cert, r.key, r.ca, r.bundle],
      ['cert.pem', 'key.pem', 'ca.pem', 'bundle.pem'].map((f) => path.join(out, f)),
    );
    for (const f of [r.cert, r.key, r.ca, r.bundle]) assert.ok(fs.existsSync(f), `${f} missing`);
    assert.strictEqual(fs.statSync(r.key).mode & 0o777, 0o600);
    assert.strictEqual(r.caCreated, true);
    assert.strictEqual(
      fs.readFileSync(path.join(folder(), '.gitignore'), 'utf8'),
      'node_modules/\n*.log\n\n# TLS Doctor development certificates and private keys\n/.certs/\n',
    );
    assert.strictEqual(r.gitignoreUpdated, true);
  });

  it('keeps the CA key out of the workspace and reuses the CA', async () => {
    const r = await vscode.commands.executeCommand<Result>('tlsDoctor.createDevCert', {
      hosts: ['localhost'],
      folder: folder(),
      caDir: path.join(caRoot, 'ca'),
    });
    assert.strictEqual(r.caCreated, false);
    assert.strictEqual(r.gitignoreUpdated, false, '.gitignore already lists the folder');
    const caKey = fs.readFileSync(path.join(caRoot, 'ca', 'rootCA-key.pem'), 'utf8').split('\n')[1];
    const all = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? all(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    for (const f of all(workspacePath())) {
      assert.ok(!fs.readFileSync(f, 'latin1').includes(caKey), `${f} holds the CA key`);
    }
  });

  it('merges the bundle variables into .env and every launch.json configuration, keeping the rest', async () => {
    const r = await vscode.commands.executeCommand<Result>('tlsDoctor.createDevCert', {
      hosts: ['localhost'],
      folder: folder(),
      caDir: path.join(caRoot, 'ca'),
      envTargets: ['dotenv', 'launch'],
    });
    const b = r.bundle;
    assert.strictEqual(
      fs.readFileSync(path.join(folder(), '.env'), 'utf8'),
      [
        '# Local settings for the devcert integration test',
        'export DEBUG=1',
        `REQUESTS_CA_BUNDLE=${b} # stale, replaced by the test`,
        'API_URL=https://localhost:8443',
        `SSL_CERT_FILE=${b}`,
        `NODE_EXTRA_CA_CERTS=${b}`,
        '',
      ].join('\n'),
    );
    const launch = fs.readFileSync(path.join(folder(), '.vscode', 'launch.json'), 'utf8');
    assert.match(launch, /\/\/ Debug configurations: the devcert test adds/);
    assert.match(launch, /"PORT": "8443",[\s\S]*"NODE_EXTRA_CA_CERTS"[\s\S]*\/\/ keep me/);
    assert.strictEqual(
      launch.split(`"REQUESTS_CA_BUNDLE": "${b}"`).length - 1,
      2,
      'both configurations get the variable',
    );
    assert.strictEqual(r.envWritten.find((w) => w.target === 'launch')?.count, 2);
  });

  it('merges the bundle variables into the terminal environment setting, keeping entries already there', async () => {
    const term = vscode.workspace.getConfiguration('terminal.integrated');
    const key = process.platform === 'darwin' ? 'env.osx' : process.platform === 'win32' ? 'env.windows' : 'env.linux';
    await term.update(
      key,
      { KEEP_ME: '1', NODE_EXTRA_CA_CERTS: '/old/path.pem' },
      vscode.ConfigurationTarget.Workspace,
    );
    try {
      const r = await vscode.commands.executeCommand<Result>('tlsDoctor.createDevCert', {
        hosts: ['localhost'],
        folder: folder(),
        caDir: path.join(caRoot, 'ca'),
        envTargets: ['terminal'],
      });
      const env = vscode.workspace
        .getConfiguration('terminal.integrated')
        .inspect<Record<string, string>>(key)?.workspaceValue;
      assert.deepStrictEqual(env, {
        KEEP_ME: '1',
        NODE_EXTRA_CA_CERTS: r.bundle,
        REQUESTS_CA_BUNDLE: r.bundle,
        SSL_CERT_FILE: r.bundle,
      });
    } finally {
      await term.update(key, undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('remembers the hosts in hosts.json: a rerun adds to them, replaces only when told, and says which', async () => {
    const caDir = path.join(caRoot, 'ca');
    const manifest = () =>
      JSON.parse(fs.readFileSync(path.join(folder(), '.certs', 'hosts.json'), 'utf8')) as { hosts: string[] };
    const added = await vscode.commands.executeCommand<
      Result & { previousHosts: string[]; message: string; hosts: string[] }
    >('tlsDoctor.createDevCert', { hosts: ['api.test'], folder: folder(), caDir });
    assert.ok(added.previousHosts.includes('localhost'), JSON.stringify(added.previousHosts));
    assert.deepStrictEqual(
      added.hosts,
      [...added.previousHosts.filter((h) => h !== 'api.test'), 'api.test'],
      'old hosts kept, the new one added',
    );
    assert.deepStrictEqual(manifest().hosts, added.hosts);
    assert.match(
      added.message,
      /^TLS Doctor: development certificate for .*api\.test written to devcert\/\.certs \(cert\.pem and key\.pem; clients trust bundle\.pem\); kept .*, added api\.test\.$/,
      added.message,
    );
    const replaced = await vscode.commands.executeCommand<Result & { message: string; hosts: string[] }>(
      'tlsDoctor.createDevCert',
      { hosts: ['localhost', '127.0.0.1'], folder: folder(), caDir, mode: 'replace' },
    );
    assert.deepStrictEqual(replaced.hosts, ['localhost', '127.0.0.1']);
    assert.deepStrictEqual(manifest().hosts, ['localhost', '127.0.0.1']);
    assert.match(replaced.message, /; replaced the certificate for .*api\.test\.$/, replaced.message);
    const last = await vscode.commands.executeCommand<{ cert: string; hosts: string[] }>('tlsDoctor.showLastDevCert');
    assert.deepStrictEqual(
      [last.cert, last.hosts],
      [replaced.cert, replaced.hosts],
      'the last certificate stays reachable from a command',
    );
  });

  it('opens the server snippets as a read-only virtual document with the client trust lines and the hosts', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('tlsDoctor.devcert.showSnippets');
    const doc = editor.document;
    assert.strictEqual(doc.uri.scheme, 'tls-doctor-snippets');
    assert.strictEqual(doc.isUntitled, false, 'not an Untitled buffer');
    assert.strictEqual(doc.isDirty, false, 'nothing to save');
    assert.strictEqual(doc.languageId, 'markdown');
    const text = doc.getText();
    for (const s of [
      '.certs/cert.pem',
      '.certs/key.pem',
      'verify=str(BUNDLE)',
      'NODE_EXTRA_CA_CERTS',
      'curl --cacert .certs/bundle.pem',
      '`localhost`, `127.0.0.1`',
    ]) {
      assert.ok(text.includes(s), `${s} missing:\n${text}`);
    }
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('the dev-certificate quick fix says what it wrote and points the flagged code at the new bundle', async () => {
    const rel = 'devcert/client.py';
    fs.writeFileSync(workspacePath(rel), 'import requests\n\nrequests.get("https://localhost:8443/", verify=False)\n');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(workspacePath(rel)));
    await vscode.window.showTextDocument(doc);
    const d = await waitFor(
      () =>
        vscode.languages
          .getDiagnostics(doc.uri)
          .find((x) => String(typeof x.code === 'object' ? x.code.value : x.code) === 'python.requests-verify-false'),
      15_000,
      'the finding',
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      d.range,
    );
    const action = actions.find((a) => a.title === 'Create a development certificate for localhost');
    assert.ok(action?.command, actions.map((a) => a.title).join(' | '));
    const r = await vscode.commands.executeCommand<{
      created: boolean;
      message: string;
      trusted?: { applied: boolean; message: string };
    }>(action.command.command, { ...action.command.arguments?.[0], trust: true });
    assert.strictEqual(r.created, true);
    assert.match(
      r.message,
      /development certificate for localhost, .* written to \.certs .*; devcert\/client\.py can trust \.certs\/bundle\.pem instead of verify=False\.$/,
      r.message,
    );
    assert.strictEqual(r.trusted?.applied, true, JSON.stringify(r.trusted));
    // The quick fix writes into the workspace folder's out dir (.certs), as the setting says.
    assert.ok(doc.getText().includes('.certs/bundle.pem'), doc.getText());
    assert.match(
      r.trusted.message,
      /^TLS Doctor: trusted devcert\/\.\.\/\.certs\/bundle\.pem for python\.requests-verify-false: .*Changes: devcert\/client\.py:2,4\.$/,
      r.trusted.message,
    );
    await vscode.commands.executeCommand('tlsDoctor.fix.undoLast');
    assert.ok(doc.getText().includes('verify=False'), 'Undo restores the code');
    fs.rmSync(workspacePath('.certs'), { recursive: true, force: true }); // later suites expect no bundle there
  });

  it('installCa shows the exact trust-store command (dry run) for the CA', async () => {
    const r = await vscode.commands.executeCommand<{ command: string }>('tlsDoctor.installCa', {
      caDir: path.join(caRoot, 'ca'),
      dryRun: true,
    });
    assert.ok(r && r.command.includes(path.join(caRoot, 'ca', 'rootCA.pem')), r?.command);
    const u = await vscode.commands.executeCommand<{ command: string }>('tlsDoctor.uninstallCa', {
      caDir: path.join(caRoot, 'ca'),
      dryRun: true,
    });
    assert.match(
      u.command,
      process.platform === 'linux' ? /update-ca-(certificates|trust)|trust anchor --remove/ : /delete/,
    );
  });
});
