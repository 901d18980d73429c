// "Feels native": the status bar item (counts, spinner, warning colour only for errors, the setting that hides it),
// the Getting Started walkthrough and the screenshots of the real UI that become its images
// (TLS_DOCTOR_UPDATE_SCREENSHOTS=1 writes media/walkthrough/*.png), and the manifest loading with package.nls.json.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, clearNotifications, sleep, tlsDiagnostics, waitFor, workspacePath } from './helpers';
import { reviewShot, selfSignedServer, walkthroughShot } from './native';

interface StatusState {
  visible: boolean;
  scanning: boolean;
  total: number;
  errors: number;
  text: string;
  tooltip: string;
  accessibleLabel: string;
  warning: boolean;
}

const state = async (): Promise<StatusState> =>
  (await vscode.commands.executeCommand<StatusState>('tlsDoctor.status.state'))!;

/** Every TLS Doctor diagnostic in the workspace (what the Problems view shows). */
function allDiagnostics(): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics().flatMap(([uri]) => tlsDiagnostics(uri));
}

function ruleIds(): string[] {
  return [
    ...new Set(
      allDiagnostics()
        .map((d) => (typeof d.code === 'object' ? String(d.code.value) : ''))
        .filter(Boolean),
    ),
  ];
}

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('tlsDoctor').update(key, value, vscode.ConfigurationTarget.Workspace);
}

describe('feels native: status bar item', () => {
  before(async () => {
    await activateExtension();
    await vscode.commands.executeCommand('tlsDoctor.scanWorkspace');
  });

  after(async () => {
    for (const key of ['rules.severity', 'testFiles.severity', 'statusBar.enabled']) await setSetting(key, undefined);
  });

  it('shows the number of findings in the workspace, with an accessible label', async () => {
    const s = await waitFor(
      async () => {
        const v = await state();
        return !v.scanning && v.total > 0 && v;
      },
      20_000,
      'a settled count',
    );
    assert.strictEqual(s.visible, true);
    assert.strictEqual(s.total, allDiagnostics().length, 'the count is what the Problems view lists for TLS Doctor');
    assert.strictEqual(s.text, `$(shield) ${s.total}`);
    assert.match(s.accessibleLabel, new RegExp(`^TLS Doctor: ${s.total} insecure TLS settings`));
    assert.match(s.tooltip, /Problems view/);
  });

  it('spins while a workspace scan runs and stops when it ends', async () => {
    const scan = vscode.commands.executeCommand('tlsDoctor.scanWorkspace');
    const during = await state();
    assert.strictEqual(during.scanning, true, 'scanning right after the scan started');
    assert.match(during.text, /^\$\(sync~spin\) \d+$/);
    await scan;
    const after = await waitFor(
      async () => {
        const v = await state();
        return !v.scanning && v;
      },
      10_000,
      'the scan to end',
    );
    assert.match(after.text, /^\$\(shield\) \d+$/);
  });

  it('uses the warning colour only when some finding is an error', async () => {
    const ids = ruleIds();
    assert.ok(ids.length > 0, 'the fixture workspace has findings');
    await setSetting('testFiles.severity', 'info');
    await setSetting('rules.severity', Object.fromEntries(ids.map((id) => [id, 'info'])));
    const quiet = await waitFor(
      async () => {
        const v = await state();
        return v.errors === 0 && v.total > 0 && v;
      },
      10_000,
      'no errors',
    );
    assert.strictEqual(quiet.warning, false);
    await setSetting('testFiles.severity', 'default');
    await setSetting('rules.severity', Object.fromEntries(ids.map((id) => [id, 'error'])));
    const loud = await waitFor(
      async () => {
        const v = await state();
        return v.errors > 0 && v;
      },
      10_000,
      'errors',
    );
    assert.strictEqual(loud.warning, true);
    assert.strictEqual(
      loud.errors,
      allDiagnostics().filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length,
    );
    assert.match(loud.accessibleLabel, /of them errors/);
    await setSetting('rules.severity', undefined);
    await setSetting('testFiles.severity', undefined);
  });

  it('tlsDoctor.statusBar.enabled: false hides it, true shows it again', async () => {
    await setSetting('statusBar.enabled', false);
    await waitFor(async () => !(await state()).visible, 10_000, 'the item to hide');
    await setSetting('statusBar.enabled', undefined);
    await waitFor(async () => (await state()).visible, 10_000, 'the item to show again');
  });

  it('opens the Problems view when clicked (its command exists in this VS Code)', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('workbench.actions.view.problems'));
  });
});

describe('feels native: walkthrough and its images', function () {
  this.timeout(120_000);

  before(async () => {
    await activateExtension();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  it('loads the manifest through package.nls.json: titles are English text, not %keys%', async () => {
    const ext = await activateExtension();
    const pkg = ext.packageJSON as {
      contributes: { commands: { title: string }[]; walkthroughs: { title: string }[] };
    };
    for (const c of pkg.contributes.commands) assert.doesNotMatch(c.title, /^%.*%$/, c.title);
    assert.strictEqual(pkg.contributes.walkthroughs[0].title, 'Get started with TLS Doctor');
  });

  it('step "scan": the Problems view with the workspace findings', async () => {
    await vscode.commands.executeCommand('tlsDoctor.scanWorkspace');
    await vscode.window
      .showTextDocument(vscode.Uri.file(workspacePath('app/client.py')), { preview: false })
      .then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await sleep(800);
    await walkthroughShot('scan');
  });

  it('step "checkUrl": the Check panel for a self-signed endpoint', async () => {
    const server = await selfSignedServer();
    try {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('workbench.action.closePanel');
      const report = await vscode.commands.executeCommand<{ verdict: string }>('tlsDoctor.checkUrl', server.url);
      assert.strictEqual(report?.verdict, 'fail');
      await sleep(1500);
      await walkthroughShot('check-url');
    } finally {
      await server.close();
    }
  });

  it('step "devcert": the host-name prompt of Create Development Certificate', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await clearNotifications();
    const run = vscode.commands.executeCommand('tlsDoctor.createDevCert');
    await sleep(2500); // the prompt waits up to 1.5 s for the endpoints inventory's host names
    await walkthroughShot('devcert');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.strictEqual(await run, undefined, 'cancelled: nothing written');
  });

  it('step "endpoints": the TLS Endpoints view', async () => {
    const endpoints = await waitFor(
      async () => (await vscode.commands.executeCommand<unknown[]>('tlsDoctor.endpoints.list'))?.length,
      20_000,
      'the endpoints inventory',
    );
    assert.ok(endpoints > 0);
    await vscode.commands.executeCommand('workbench.files.action.collapseExplorerFolders'); // room for the view
    await vscode.commands.executeCommand('tlsDoctor.endpoints.focus');
    await sleep(2500); // the tree renders its rows after the inventory is read
    await walkthroughShot('endpoints');
  });

  it('opens the walkthrough (the page a new user sees)', async () => {
    await vscode.commands.executeCommand(
      'workbench.action.openWalkthrough',
      'tls-doctor.tls-doctor#tlsDoctor.gettingStarted',
      false,
    );
    await sleep(2000);
    await reviewShot('walkthrough-page');
  });
});
