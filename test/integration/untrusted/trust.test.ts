// Runs in a workspace that is NOT trusted (the runner leaves workspace trust on and never grants it). The manifest
// declares untrustedWorkspaces "limited", so the extension must still activate there, in restricted mode.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID } from '../helpers';

describe('untrusted workspace', () => {
  it('is really untrusted', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
  });

  it('still activates the extension (untrustedWorkspaces: limited)', async () => {
    const ext = await activateExtension();
    assert.strictEqual(ext.id, EXTENSION_ID);
    assert.strictEqual(ext.isActive, true);
    assert.strictEqual(ext.packageJSON.capabilities.untrustedWorkspaces.supported, 'limited');
  });

  it('keeps the log command available', async () => {
    await activateExtension();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('tlsDoctor.showLog'), 'tlsDoctor.showLog is registered');
    await vscode.commands.executeCommand('tlsDoctor.showLog');
  });
});
