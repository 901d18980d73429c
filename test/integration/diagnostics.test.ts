// Diagnostics in a real VS Code: findings from several languages appear on open with exact ranges, rule codes and
// docs links; go away when the text is fixed or suppressed; the workspace scan covers unopened files and skips
// excluded and minified ones; severity settings and file events take effect.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, screenshot, sleep, tlsDiagnostics, waitFor } from './helpers';

type Hit = [ruleId: string, line: number, char: number, endLine: number, endChar: number];

/** Exact expectations for the fixture workspace (0-based, half-open ranges). */
const EXPECTED: Record<string, Hit[]> = {
  'scripts/deploy.sh': [
    ['shell.curl-insecure', 3, 5, 3, 10],
    ['shell.git-ssl-verify-false', 4, 7, 4, 27],
  ],
  Dockerfile: [
    ['env.node-tls-reject-unauthorized', 1, 4, 1, 34],
    ['shell.wget-no-check-certificate', 3, 12, 3, 34],
    ['shell.npm-strict-ssl-false', 4, 22, 4, 38],
  ],
  '.github/workflows/ci.yml': [
    ['env.pythonhttpsverify-off', 3, 2, 3, 24],
    ['shell.curl-insecure', 10, 18, 10, 28],
    ['shell.pip-trusted-host', 13, 22, 13, 58],
  ],
  'app/client.py': [['python.requests-verify-false', 7, 36, 7, 48]],
  'app/server.js': [['javascript.reject-unauthorized-false', 4, 47, 4, 72]],
  'app/main.go': [['go.insecure-skip-verify', 8, 52, 8, 76]],
  '.npmrc': [['config.npmrc-strict-ssl', 2, 0, 2, 16]],
  '.env': [['env.node-tls-reject-unauthorized', 2, 0, 2, 30]],
  'package.json': [
    ['env.node-tls-reject-unauthorized', 4, 23, 4, 53],
    ['shell.curl-insecure', 5, 28, 5, 30],
  ],
};

function uriOf(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, rel);
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function hits(uri: vscode.Uri): Hit[] {
  return tlsDiagnostics(uri)
    .map((d): Hit => [codeOf(d), d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character])
    .sort((a, b) => a[1] - b[1] || a[2] - b[2]);
}

async function open(rel: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uriOf(rel));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Waits until the diagnostics of `uri` are exactly `want` (they arrive asynchronously). */
async function expectHits(uri: vscode.Uri, want: Hit[], what: string, timeoutMs = 10_000): Promise<void> {
  await waitFor(() => JSON.stringify(hits(uri)) === JSON.stringify(want), timeoutMs, what).catch(() => undefined);
  assert.deepStrictEqual(hits(uri), want, what);
}

/** Saves an edited fixture (so closing editors later never prompts) and waits until it is clean. */
async function save(doc: vscode.TextDocument): Promise<void> {
  const ok = await doc.save();
  if (!ok) console.log(`save of ${doc.uri.path} returned false (dirty: ${doc.isDirty}); retrying through the editor`);
  if (!ok) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.save');
  }
  await waitFor(() => !doc.isDirty, 10_000, `${doc.uri.path} saved`);
}

async function setSeverities(value: Record<string, string> | undefined): Promise<void> {
  await vscode.workspace
    .getConfiguration('tlsDoctor')
    .update('rules.severity', value, vscode.ConfigurationTarget.Workspace);
}

describe('diagnostics', function () {
  this.timeout(60_000);
  before(async () => {
    await activateExtension();
  });
  after(async () => {
    await setSeverities(undefined);
    await vscode.workspace
      .getConfiguration('tlsDoctor')
      .update('scan.exclude', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('shows exact findings with rule codes, docs links and source in open files of several languages', async () => {
    for (const [rel, want] of Object.entries(EXPECTED)) {
      await open(rel);
      await expectHits(uriOf(rel), want, `diagnostics of ${rel}`);
      for (const d of tlsDiagnostics(uriOf(rel))) {
        const code = d.code as { value: string; target: vscode.Uri };
        assert.match(
          code.target.toString(),
          new RegExp(`/docs/rules/${code.value.replace(/\./g, '\\.')}\\.md$`),
          'code links to the rule page',
        );
        const page = await vscode.workspace.fs.readFile(code.target); // the page ships with the extension
        assert.match(Buffer.from(page).toString('utf8'), /^# /m, `${code.target} is a readable docs page`);
        assert.ok(d.message.length > 10, 'has a message');
      }
    }
  });

  it('drops a finding when the text is fixed and keeps the others', async () => {
    const doc = await open('scripts/deploy.sh');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(3, 5, 3, 10), '-sSL --cacert /etc/ssl/corp-ca.pem');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await expectHits(doc.uri, [['shell.git-ssl-verify-false', 4, 7, 4, 27]], 'curl finding gone after the edit');
    await save(doc);
    const dockerfile = await open('Dockerfile');
    const fix = new vscode.WorkspaceEdit();
    fix.replace(dockerfile.uri, new vscode.Range(1, 4, 1, 34), 'NODE_EXTRA_CA_CERTS=/certs/ca.pem');
    assert.ok(await vscode.workspace.applyEdit(fix));
    await expectHits(dockerfile.uri, EXPECTED.Dockerfile.slice(1), 'ENV finding gone after the edit');
    await save(dockerfile);
  });

  it('honours an inline suppression comment added while editing', async () => {
    const doc = await open('.npmrc');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(
      doc.uri,
      new vscode.Position(2, 0),
      '# tls-doctor: ignore config.npmrc-strict-ssl (internal mirror, see ticket 42)\n',
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    await expectHits(doc.uri, [], 'suppressed .npmrc finding');
    await save(doc);
    // The pre-existing suppression in client.py hides the second requests call (line 11) but not the first.
    assert.deepStrictEqual(hits(uriOf('app/client.py')), EXPECTED['app/client.py']);
  });

  it('scans the workspace: unopened files get findings, excluded and minified files do not', async () => {
    const summary = await vscode.commands.executeCommand<{
      files: number;
      findings: number;
      skipped: number;
      skippedFiles: { path: string; reason: string }[];
      cancelled: boolean;
    }>('tlsDoctor.scanWorkspace');
    assert.ok(summary, 'the command returns a summary');
    assert.strictEqual(summary.cancelled, false);
    assert.ok(summary.files >= 12, `scanned ${summary.files} files`);
    assert.deepStrictEqual(
      summary.skippedFiles.filter((s) => s.path === 'web/app.min.js'),
      [{ path: 'web/app.min.js', reason: 'minified' }],
    );
    assert.ok(summary.findings >= 15, `found ${summary.findings}`);
    const unopened = vscode.workspace.textDocuments.map((d) => d.uri.toString());
    assert.ok(!unopened.includes(uriOf('infra/main.tf').toString()), 'main.tf is not open');
    assert.deepStrictEqual(hits(uriOf('infra/main.tf')), [['config.terraform-insecure', 2, 2, 2, 17]]);
    assert.deepStrictEqual(hits(uriOf('deploy/kubeconfig.yaml')), [
      ['config.kubeconfig-insecure-skip-tls-verify', 6, 6, 6, 36],
    ]);
    assert.deepStrictEqual(hits(uriOf('bower_components/insecure-lib/index.js')), [], 'built-in excludes');
    assert.deepStrictEqual(hits(uriOf('web/app.min.js')), [], 'minified file skipped');
    const testFile = tlsDiagnostics(uriOf('tests/test_client.py'));
    assert.deepStrictEqual(
      testFile.map((d) => d.severity),
      [vscode.DiagnosticSeverity.Information],
      'test files default to info',
    );
  });

  it('persists the scan results: a second scan reads only the file that changed and shows the same findings', async () => {
    type Summary = {
      files: number;
      read: number;
      findings: number;
      cancelled: boolean;
      ranIn: string[];
      processCpuMs: number;
    };
    const first = await vscode.commands.executeCommand<Summary>('tlsDoctor.scanWorkspace');
    assert.deepStrictEqual(first.ranIn, ['process'], 'the local folder is scanned in a child process');
    assert.ok(first.processCpuMs > 0, `the scan process reports its CPU (${first.processCpuMs} ms)`);
    const before = hits(uriOf('infra/main.tf'));
    const again = await vscode.commands.executeCommand<Summary>('tlsDoctor.scanWorkspace');
    assert.strictEqual(again.read, 0, `nothing changed, ${again.read} files read`);
    assert.strictEqual(again.files, first.files);
    assert.strictEqual(again.findings, first.findings);
    assert.deepStrictEqual(hits(uriOf('infra/main.tf')), before, 'findings of an unopened file from the saved results');
    const uri = uriOf('scripts/persisted.sh');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('#!/bin/sh\ncurl -k https://x.example/\n'));
    const third = await vscode.commands.executeCommand<Summary>('tlsDoctor.scanWorkspace');
    assert.strictEqual(third.read, 1, 'only the new file is read');
    assert.deepStrictEqual(
      hits(uri).map(([id]) => id),
      ['shell.curl-insecure'],
    );
    await vscode.workspace.fs.delete(uri);
    await expectHits(uri, [], 'findings of the deleted file');
  });

  it('cancels a scan in flight when a new one starts, and the new one completes', async () => {
    type Summary = { cancelled: boolean; findings: number };
    const first = vscode.commands.executeCommand<Summary>('tlsDoctor.scanWorkspace');
    const second = vscode.commands.executeCommand<Summary>('tlsDoctor.scanWorkspace');
    const [a, b] = await Promise.all([first, second]);
    assert.strictEqual(b.cancelled, false);
    assert.ok(b.findings >= 15, `found ${b.findings}`);
    assert.strictEqual(a.cancelled, true, 'the second request cancelled the first');
    assert.deepStrictEqual(hits(uriOf('infra/main.tf')), [['config.terraform-insecure', 2, 2, 2, 17]]);
  });

  it('applies severity settings at once (error, then ignore)', async () => {
    const tf = uriOf('infra/main.tf');
    await setSeverities({ 'config.terraform-insecure': 'error' });
    await waitFor(() => tlsDiagnostics(tf)[0]?.severity === vscode.DiagnosticSeverity.Error, 10_000, 'severity error');
    await setSeverities({ 'config.terraform-insecure': 'ignore' });
    await expectHits(tf, [], 'rule ignored');
    await setSeverities(undefined);
    await expectHits(tf, [['config.terraform-insecure', 2, 2, 2, 17]], 'back to default');
    assert.strictEqual(tlsDiagnostics(tf)[0].severity, vscode.DiagnosticSeverity.Warning);
  });

  it('a workspace scan shows newly found files with the severity settings (read once per folder)', async () => {
    const uri = uriOf('scripts/severity.sh');
    await setSeverities({ 'shell.curl-insecure': 'error' });
    try {
      await vscode.workspace.fs.writeFile(uri, Buffer.from('#!/bin/sh\ncurl -k https://x.example/\n'));
      await vscode.commands.executeCommand('tlsDoctor.scanWorkspace');
      await waitFor(() => tlsDiagnostics(uri).length === 1, 10_000, 'the new file scanned');
      assert.deepStrictEqual(
        tlsDiagnostics(uri).map((d) => [codeOf(d), d.severity]),
        [['shell.curl-insecure', vscode.DiagnosticSeverity.Error]],
      );
      const test = tlsDiagnostics(uriOf('tests/test_client.py'));
      assert.ok(test.length > 0 && test.every((d) => d.severity === vscode.DiagnosticSeverity.Information));
    } finally {
      await setSeverities(undefined);
      await vscode.workspace.fs.delete(uri);
    }
    await expectHits(uri, [], 'findings of the deleted file');
  });

  it('leaves out files matched by tlsDoctor.scan.exclude, and brings them back when the setting is cleared', async () => {
    const tf = uriOf('infra/main.tf');
    const config = vscode.workspace.getConfiguration('tlsDoctor');
    await config.update('scan.exclude', ['infra/**'], vscode.ConfigurationTarget.Workspace);
    await expectHits(tf, [], 'findings of an excluded folder', 20_000);
    assert.deepStrictEqual(hits(uriOf('deploy/kubeconfig.yaml')).length, 1, 'other folders keep theirs');
    await config.update('scan.exclude', undefined, vscode.ConfigurationTarget.Workspace);
    await expectHits(
      tf,
      [['config.terraform-insecure', 2, 2, 2, 17]],
      'findings back after clearing the exclude',
      20_000,
    );
  });

  it('follows files created and deleted outside the editor', async () => {
    const uri = uriOf('scripts/fetch-tool.sh');
    await vscode.workspace.fs.writeFile(
      uri,
      Buffer.from('#!/bin/sh\nwget --no-check-certificate https://tools.internal.example/t\n'),
    );
    await expectHits(uri, [['shell.wget-no-check-certificate', 1, 5, 1, 27]], 'findings of a created file');
    await vscode.workspace.fs.delete(uri);
    await expectHits(uri, [], 'findings of a deleted file');
  });

  it('moves findings with a renamed file', async () => {
    const from = uriOf('deploy/kubeconfig.yaml');
    const to = uriOf('deploy/dev-kubeconfig.yaml');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(from, to);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await expectHits(to, [['config.kubeconfig-insecure-skip-tls-verify', 6, 6, 6, 36]], 'findings at the new name');
    await expectHits(from, [], 'no findings left at the old name');
  });

  it('on close without saving, a workspace file falls back to its on-disk findings', async () => {
    const doc = await open('infra/main.tf');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(3, 0), '  skip_tls_verify = true\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await expectHits(
      doc.uri,
      [
        ['config.terraform-insecure', 2, 2, 2, 17],
        ['config.terraform-insecure', 3, 2, 3, 24],
      ],
      'live findings of the unsaved edit',
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await expectHits(doc.uri, [['config.terraform-insecure', 2, 2, 2, 17]], 'findings of the file on disk after close');
  });

  it('shows findings from several languages in the Problems panel (screenshot)', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await open('app/client.py');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    // A taller panel shows more languages at once; the editor above keeps the squiggle visible.
    await vscode.commands.executeCommand('workbench.action.focusPanel');
    for (let i = 0; i < 4; i++) await vscode.commands.executeCommand('workbench.action.increaseViewSize');
    await sleep(1500);
    const files = vscode.languages.getDiagnostics().filter(([, ds]) => ds.some((d) => d.source === 'TLS Doctor'));
    assert.ok(files.length >= 10, `${files.length} files with findings`);
    await screenshot('problems-panel');
  });
});
