// Restricted Mode: the status bar item still counts what the read-only scan found (no network is involved), and the
// Explorer shows the TLS Endpoints view (screenshot for review: test-results/screenshots/untrusted-explorer.png).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, sleep, tlsDiagnostics, waitFor } from '../helpers';
import { reviewShot } from '../native';

describe('feels native in Restricted Mode', () => {
  before(async () => {
    await activateExtension();
  });

  it('runs untrusted, and the status bar item counts the findings of the read-only scan', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    await vscode.commands.executeCommand('tlsDoctor.scanWorkspace');
    const s = await waitFor(
      async () => {
        const v = await vscode.commands.executeCommand<{ visible: boolean; scanning: boolean; total: number }>(
          'tlsDoctor.status.state',
        );
        return v && !v.scanning && v.total > 0 && v;
      },
      20_000,
      'a settled count',
    );
    const shown = vscode.languages.getDiagnostics().flatMap(([uri]) => tlsDiagnostics(uri)).length;
    assert.strictEqual(s.total, shown);
    assert.strictEqual(s.visible, true);
  });

  it('shows the TLS Endpoints view (screenshot for review)', async () => {
    await vscode.commands.executeCommand('tlsDoctor.endpoints.focus');
    await sleep(1500);
    await reviewShot('untrusted-explorer');
  });
});
