// Every command goes through the one CommandRunner: a handler that throws gives the same failure shape whatever the
// command ({ failed: true, applied: false, reason }), and the log names the command and the reason.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, clearNotifications, waitFor } from './helpers';

type Failure = { failed?: boolean; applied?: boolean; reason?: string };

describe('command runner: one error path', () => {
  before(async () => {
    await activateExtension();
  });
  after(async () => {
    await clearNotifications();
  });

  it('returns one failure shape and logs "<id> failed: <reason>" for commands of different features', async () => {
    const fix = await vscode.commands.executeCommand<Failure>('tlsDoctor.fix.applyBundle', {});
    assert.deepStrictEqual(fix, {
      failed: true,
      applied: false,
      reason: 'tlsDoctor.fix.applyBundle needs { uri, ruleId, range, bundlePath }',
    });
    const stale = await vscode.commands.executeCommand<Failure>('tlsDoctor.fix.removeFlag', {
      uri: 'file:///nowhere/missing.py',
      ruleId: 'python.requests-verify-false',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    });
    assert.strictEqual(stale?.failed, true, JSON.stringify(stale));
    assert.strictEqual(stale?.applied, false);
    assert.ok(stale?.reason, 'with the reason');
    await vscode.commands.executeCommand('tlsDoctor.showLog');
    const log = await waitFor(
      () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'output' && d.uri.path.endsWith('TLS Doctor')),
      15_000,
      'the log document',
    );
    await waitFor(
      () => log.getText().includes('tlsDoctor.fix.applyBundle failed: tlsDoctor.fix.applyBundle needs'),
      10_000,
      'the failure in the log',
    );
    await waitFor(
      () => log.getText().includes('tlsDoctor.fix.removeFlag failed: '),
      10_000,
      'the second failure in the log',
    );
  });
});
