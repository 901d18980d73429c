// Issue 19 item 1, in the real workbench: the quick fixes write paths that work from ANY working directory. A Python
// client (requests, verify=False) and Node clients (CommonJS and ESM, rejectUnauthorized: false) in subfolders call a
// self-signed HTTPS server on 127.0.0.1; the preferred fix is applied the way a person applies it (cursor on the
// finding, the workbench's Auto Fix, i.e. the lightbulb's preferred action), the notification says what changed and
// what the re-check found, and then the REAL client runs from its own folder, from another folder and from `/`, with
// a clean environment (these machines preset REQUESTS_CA_BUNDLE, SSL_CERT_FILE, NODE_EXTRA_CA_CERTS…), and succeeds.
// Plus the env-variable route into launch.json and the terminal settings: `${workspaceFolder}`, and one Undo for all.
import * as assert from 'assert';
import * as fs from 'fs';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as path from 'path';
import * as vscode from 'vscode';
import { tempDir } from './endpoints.fixture';
import {
  activateExtension,
  RESOLVE_ALL,
  screenshot,
  selfSignedCert,
  sleep,
  tlsDiagnostics,
  waitFor,
  workspacePath,
  runClient,
} from './helpers';

const OUT_DIR = 'anywhere/.certs';
const BUNDLE = `${OUT_DIR}/127.0.0.1-bundle.pem`;
interface Message {
  readonly text: string;
  readonly proof?: { ok: boolean };
}

/** Opens `rel` with `text` and waits for `ruleId`; the cursor goes on the finding, as a person's would. */
async function openAt(rel: string, text: string, ruleId: string): Promise<vscode.TextEditor> {
  fs.mkdirSync(path.dirname(workspacePath(rel)), { recursive: true });
  fs.writeFileSync(workspacePath(rel), text);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(workspacePath(rel)));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const d = await waitFor(() => tlsDiagnostics(doc.uri, ruleId)[0], 15_000, `${ruleId} in ${rel}`);
  editor.selection = new vscode.Selection(d.range.start, d.range.start);
  return editor;
}

/** Probes the line's endpoint (what the Check TLS lens does), so the preferred fix is "trust the CA it presents". */
async function probeAndWaitForPreferred(editor: vscode.TextEditor, ruleId: string, port: number): Promise<void> {
  const doc = editor.document;
  const d = tlsDiagnostics(doc.uri, ruleId)[0];
  await vscode.commands.executeCommand('tlsDoctor.probeEndpoint', {
    uri: doc.uri.toString(),
    line: d.range.start.line,
  });
  await waitFor(
    async () => {
      const actions =
        (await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          doc.uri,
          d.range,
          undefined,
          RESOLVE_ALL,
        )) ?? [];
      const preferred = actions.filter((a) => a.isPreferred);
      return preferred.length === 1 && preferred[0].title.startsWith(`Trust the CA that 127.0.0.1:${port} presents`);
    },
    15_000,
    'the preferred fix to be "Trust the CA that 127.0.0.1 presents"',
  );
}

/** Applies the preferred quick fix through the workbench (Auto Fix: the lightbulb's preferred action) and waits. */
async function applyPreferred(editor: vscode.TextEditor, changed: (text: string) => boolean): Promise<Message> {
  await vscode.window.showTextDocument(editor.document);
  const before = await vscode.commands.executeCommand<Message | undefined>('tlsDoctor.fix.lastMessage');
  await vscode.commands.executeCommand('editor.action.autoFix');
  await waitFor(() => changed(editor.document.getText()), 20_000, 'the fix to change the code');
  const message = await waitFor(
    async () => {
      const m = await vscode.commands.executeCommand<Message | undefined>('tlsDoctor.fix.lastMessage');
      return m && m !== before && m.text !== before?.text ? m : undefined;
    },
    20_000,
    'the fix to be announced',
  );
  // The code edit is the user's to save (the fix never saves code): save it, and make sure the disk has it.
  const doc = editor.document;
  await waitFor(
    async () => (!doc.isDirty || (await doc.save())) && fs.readFileSync(doc.uri.fsPath, 'utf8') === doc.getText(),
    10_000,
    'the fixed file saved',
  );
  return message;
}

describe('quick fixes work from any working directory (real clients, self-signed 127.0.0.1)', function () {
  this.timeout(150_000);
  let server: https.Server;
  let port: number;
  const savedAllow = process.env.TLS_DOCTOR_PROBE_HOSTS;
  const elsewhere = tempDir();

  before(async () => {
    await activateExtension();
    process.env.TLS_DOCTOR_PROBE_HOSTS = '127.0.0.1';
    const cert = selfSignedCert(tempDir(), { cn: '127.0.0.1' });
    server = https.createServer({ key: cert.key, cert: cert.cert }, (_req, res) => res.end('ok'));
    server.on('tlsClientError', () => undefined); // probes hang up after the handshake
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
    await vscode.workspace
      .getConfiguration('tlsDoctor')
      .update('devcert.outDir', OUT_DIR, vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace
      .getConfiguration('tlsDoctor')
      .update('devcert.outDir', undefined, vscode.ConfigurationTarget.Workspace);
    if (savedAllow === undefined) delete process.env.TLS_DOCTOR_PROBE_HOSTS;
    else process.env.TLS_DOCTOR_PROBE_HOSTS = savedAllow;
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    fs.rmSync(workspacePath('anywhere'), { recursive: true, force: true }); // later suites inventory endpoints
  });

  // Each client gets its own 127.0.0.1-bundle.pem (Python's with certifi's roots): start from none, no overwrite modal.
  beforeEach(() => fs.rmSync(workspacePath(BUNDLE), { force: true }));

  /** The client from its own folder, from the workspace root, from an unrelated folder and from `/`. */
  async function runEverywhere(cmd: string, rel: string): Promise<void> {
    const file = workspacePath(rel);
    for (const cwd of [path.dirname(file), workspacePath(), elsewhere, '/']) {
      const r = await runClient(cmd, file, cwd);
      assert.strictEqual(r.status, 0, `${cmd} ${rel} from ${cwd}: ${r.out}`);
      assert.match(r.out, /^status 200$/m, `${cmd} ${rel} from ${cwd}`);
    }
  }

  it('Python requests: the lightbulb fix anchors to __file__; python3 verifies from the subfolder, elsewhere and /', async () => {
    const rel = 'anywhere/app/client.py';
    const code = `import requests\n\nr = requests.get("https://127.0.0.1:${port}/health", verify=False)\nprint("status", r.status_code)\n`;
    // The control: verification on without the fix fails (so the runs below pass because of the bundle).
    fs.writeFileSync(path.join(elsewhere, 'strict.py'), code.replace('verify=False', 'verify=True'));
    const strict = await runClient('/usr/bin/python3', path.join(elsewhere, 'strict.py'), elsewhere);
    assert.notStrictEqual(strict.status, 0, strict.out);
    assert.match(strict.out, /CERTIFICATE_VERIFY_FAILED/);
    const editor = await openAt(rel, code, 'python.requests-verify-false');
    await probeAndWaitForPreferred(editor, 'python.requests-verify-false', port);
    const message = await applyPreferred(editor, (t) => t.includes('Path(__file__)'));
    assert.strictEqual(
      editor.document.getText(),
      `import requests\nfrom pathlib import Path\n\nr = requests.get("https://127.0.0.1:${port}/health", verify=str(Path(__file__).resolve().parent / "../.certs/127.0.0.1-bundle.pem"))\nprint("status", r.status_code)\n`,
    );
    assert.strictEqual(message.proof?.ok, true, message.text);
    assert.ok(
      message.text.startsWith(
        `TLS Doctor: trusted anywhere/app/../.certs/127.0.0.1-bundle.pem for python.requests-verify-false: python requests now verifies 127.0.0.1:${port} with anywhere/app/../.certs/127.0.0.1-bundle.pem. Changes: `,
      ),
      message.text,
    );
    assert.ok(message.text.includes(`${rel}:2,4`) && message.text.includes(`created ${BUNDLE}`), message.text);
    await waitFor(
      () => tlsDiagnostics(editor.document.uri, 'python.requests-verify-false').length === 0,
      10_000,
      'finding gone',
    );
    const lens = await waitFor(
      async () =>
        (
          await vscode.commands.executeCommand<vscode.CodeLens[]>(
            'vscode.executeCodeLensProvider',
            editor.document.uri,
            10,
          )
        ).find((l) => l.command?.title.includes(`127.0.0.1:${port} verifies with`)),
      10_000,
      'the lens to show the re-check',
    );
    assert.ok(lens.command?.title.startsWith('$(pass)'), lens.command?.title);
    assert.strictEqual(lens.range.start.line, 3, 'the proof lens sits on the fixed call (below the new import)');
    // The toast itself, for a person to read (re-shown: the harness clears toasts before each screenshot).
    void vscode.window.showInformationMessage(message.text, 'Undo');
    await sleep(800);
    await screenshot('fix-python-anywhere-notification', 30_000, { keepNotifications: true });
    await runEverywhere('/usr/bin/python3', rel);
  });

  it('Node CommonJS: path.join(__dirname, …); node verifies from the subfolder, elsewhere and /', async () => {
    const rel = 'anywhere/web/client.js';
    const code = `const https = require('https');\n\nconst agent = new https.Agent({ rejectUnauthorized: false });\nhttps.get('https://127.0.0.1:${port}/health', { agent }, (res) => {\n  console.log('status', res.statusCode);\n  res.resume();\n}).on('error', (e) => { console.error(e.message); process.exit(1); });\n`;
    fs.writeFileSync(
      path.join(elsewhere, 'strict.js'),
      code.replace('rejectUnauthorized: false', 'rejectUnauthorized: true'),
    );
    const strict = await runClient('node', path.join(elsewhere, 'strict.js'), elsewhere);
    assert.strictEqual(strict.status, 1, strict.out);
    assert.match(strict.out, /self[- ]signed certificate/);
    const editor = await openAt(rel, code, 'javascript.reject-unauthorized-false');
    await probeAndWaitForPreferred(editor, 'javascript.reject-unauthorized-false', port);
    const message = await applyPreferred(editor, (t) => t.includes('__dirname'));
    assert.ok(
      editor.document
        .getText()
        .includes(`new https.Agent({ ca: fs.readFileSync(path.join(__dirname, '../.certs/127.0.0.1-bundle.pem')) })`),
      editor.document.getText(),
    );
    assert.strictEqual(message.proof?.ok, true, message.text);
    assert.match(
      message.text,
      new RegExp(`node now verifies 127\\.0\\.0\\.1:${port} with anywhere/web/\\.\\./\\.certs/`),
    );
    await runEverywhere('node', rel);
  });

  it('Node ES module: new URL(…, import.meta.url); node verifies from the subfolder, elsewhere and /', async () => {
    const rel = 'anywhere/esm/client.mjs';
    const code = `import https from 'https';\n\nhttps.get('https://127.0.0.1:${port}/health', { rejectUnauthorized: false }, (res) => {\n  console.log('status', res.statusCode);\n  res.resume();\n}).on('error', (e) => { console.error(e.message); process.exit(1); });\n`;
    const editor = await openAt(rel, code, 'javascript.reject-unauthorized-false');
    await probeAndWaitForPreferred(editor, 'javascript.reject-unauthorized-false', port);
    const message = await applyPreferred(editor, (t) => t.includes('import.meta.url'));
    assert.ok(
      editor.document
        .getText()
        .includes(`ca: fs.readFileSync(new URL('../.certs/127.0.0.1-bundle.pem', import.meta.url))`),
      editor.document.getText(),
    );
    assert.strictEqual(message.proof?.ok, true, message.text);
    await runEverywhere('node', rel);
  });
});

describe('the env-variable route: ${workspaceFolder} in launch.json and terminal settings, one Undo', function () {
  this.timeout(60_000);
  const launch = workspacePath('.vscode/launch.json');
  let launchBefore: string | undefined;

  before(async () => {
    await activateExtension();
    launchBefore = fs.existsSync(launch) ? fs.readFileSync(launch, 'utf8') : undefined;
    fs.mkdirSync(path.dirname(launch), { recursive: true });
    fs.writeFileSync(
      launch,
      '{\n  // debug\n  "version": "0.2.0",\n  "configurations": [\n    { "name": "app", "type": "debugpy", "request": "launch", "program": "${file}", "cwd": "${workspaceFolder}/app" }\n  ]\n}\n',
    );
    fs.mkdirSync(workspacePath('fixes/certs'), { recursive: true });
    fs.writeFileSync(workspacePath('fixes/certs/bundle.pem'), '');
  });

  after(() => {
    if (launchBefore === undefined) fs.rmSync(launch, { force: true });
    else fs.writeFileSync(launch, launchBefore);
  });

  it('writes ${workspaceFolder}/fixes/certs/bundle.pem, never an absolute path; Undo takes back code, launch.json and the setting', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(workspacePath('fixes/session_verify.py')));
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const d = await waitFor(() => tlsDiagnostics(doc.uri, 'python.session-verify-false')[0], 15_000, 'finding');
    const codeBefore = doc.getText();
    const launchText = fs.readFileSync(launch, 'utf8');
    const key = `env.${process.platform === 'darwin' ? 'osx' : process.platform === 'win32' ? 'windows' : 'linux'}`;
    const settingBefore = vscode.workspace.getConfiguration('terminal.integrated').inspect(key)?.workspaceValue;
    const r = await vscode.commands.executeCommand<{ applied: boolean; message: string }>('tlsDoctor.fix.useEnv', {
      uri: doc.uri.toString(),
      ruleId: 'python.session-verify-false',
      range: d.range,
      bundlePath: 'fixes/certs/bundle.pem',
      targets: ['launch', 'terminal'],
    });
    assert.ok(r.applied, JSON.stringify(r));
    const value = '${workspaceFolder}/fixes/certs/bundle.pem';
    const written = fs.readFileSync(launch, 'utf8');
    assert.ok(written.includes(`"REQUESTS_CA_BUNDLE": "${value}"`), written);
    assert.ok(written.includes('// debug'), 'comments kept');
    assert.ok(!written.includes(workspacePath()), 'no machine path in launch.json');
    const setting = vscode.workspace.getConfiguration('terminal.integrated').inspect<Record<string, string>>(key);
    assert.deepStrictEqual(
      { a: setting?.workspaceValue?.REQUESTS_CA_BUNDLE, b: setting?.workspaceValue?.SSL_CERT_FILE },
      { a: value, b: value },
    );
    assert.match(
      r.message,
      /Changes: .*fixes\/session_verify\.py:\d.*\.vscode\/launch\.json:\d.*\.vscode\/settings\.json/,
      r.message,
    );
    const undone = await vscode.commands.executeCommand<{ undone: boolean }>('tlsDoctor.fix.undoLast');
    assert.strictEqual(undone.undone, true);
    assert.strictEqual(editor.document.getText(), codeBefore, 'code back');
    assert.strictEqual(fs.readFileSync(launch, 'utf8'), launchText, 'launch.json back');
    assert.deepStrictEqual(
      vscode.workspace.getConfiguration('terminal.integrated').inspect(key)?.workspaceValue,
      settingBefore,
      'the terminal setting back',
    );
  });
});
