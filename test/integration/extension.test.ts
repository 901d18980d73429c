// Foundation: the extension loads in a real VS Code extension host, registers what its manifest declares, and
// has its "TLS Doctor" log channel.
import * as assert from 'assert';
import * as vscode from 'vscode';
import * as path from 'path';
import { activateExtension, EXTENSION_ID, modulesLoadedAtActivation, waitFor } from './helpers';

interface ManifestCommand {
  command: string;
}

describe('extension', () => {
  before(() => {
    console.log(
      `VS Code ${vscode.version} (${vscode.env.appName}, ui: ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'}, remote: ${vscode.env.remoteName ?? 'none'})`,
    );
  });

  it('is installed under its id and activates', async () => {
    const ext = await activateExtension();
    assert.strictEqual(ext.id, EXTENSION_ID);
    assert.strictEqual(ext.isActive, true);
    assert.strictEqual(ext.packageJSON.displayName, 'TLS Doctor');
  });

  it('does not load the certificate or probe bundles when it activates', async () => {
    const ext = await activateExtension();
    const dist = path.join(ext.extensionPath, 'dist');
    const loaded = modulesLoadedAtActivation().filter((m) => m.startsWith(dist + path.sep));
    assert.ok(
      loaded.includes(path.join(dist, 'extension.js')),
      `the list is real: it holds dist/extension.js (${loaded.join(', ')})`,
    );
    assert.deepStrictEqual(
      loaded.filter((m) => /[\\/](certs|tls)\.js$/.test(m)),
      [],
      'lazy bundles stay unloaded',
    );
  });

  it('activates with the small entry; the features load from dist/main.js with every provider and command wired', async () => {
    const ext = await activateExtension();
    const dist = path.join(ext.extensionPath, 'dist');
    const state = await vscode.commands.executeCommand<{
      activateMs: number;
      loadedAfterMs: number;
      loadMs: number;
      reason: string;
      emptySlots: string[];
      commandsWithoutHandler: string[];
    }>('tlsDoctor.entry.state');
    assert.ok(require.cache[path.join(dist, 'main.js')], 'dist/main.js is loaded');
    assert.ok(
      state.loadedAfterMs >= state.activateMs,
      `the features load after activate() returned: ${JSON.stringify(state)}`,
    );
    // This workspace has a folder and scans on activation: the features load for that, right after activation.
    assert.strictEqual(state.reason, 'the workspace scan on activation');
    assert.deepStrictEqual(state.emptySlots, [], 'every provider proxy has its implementation');
    assert.deepStrictEqual(state.commandsWithoutHandler, [], 'every command id has its handler');
  });

  it('registers every command declared in package.json', async () => {
    const ext = await activateExtension();
    const declared = (ext.packageJSON.contributes.commands as ManifestCommand[]).map((c) => c.command);
    assert.ok(declared.length > 0, 'the manifest declares commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((c) => !registered.has(c));
    assert.deepStrictEqual(missing, [], `declared but not registered: ${missing.join(', ')}`);
  });

  it('shows its "TLS Doctor" log channel with the activation line', async () => {
    await activateExtension();
    await vscode.commands.executeCommand('tlsDoctor.showLog');
    // Showing an output channel opens its document in the Output view; the extension host sees it with the
    // `output` scheme and a path naming the extension and the channel (here `output:tls-doctor.tls-doctor.TLS%20Doctor`).
    const doc = await waitFor(
      () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'output' && d.uri.path.endsWith('TLS Doctor')),
      15_000,
      'the "TLS Doctor" output channel document',
    );
    assert.ok(doc.uri.path.includes(EXTENSION_ID), `channel belongs to the extension: ${doc.uri.toString()}`);
    await waitFor(
      () => /\[info\] TLS Doctor \d+\.\d+\.\d+ activated/.test(doc.getText()),
      10_000,
      'the activation line in the log',
    );
  });
});
