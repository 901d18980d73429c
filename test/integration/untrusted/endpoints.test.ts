// Untrusted workspace: the endpoints feature must never connect. A local TLS server counts accepted sockets while a
// finding points at it, with the setting on `auto`, the probe command and "Check all" invoked: the count stays 0.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { CountingServer, countingServer, openRewritten, privatePki, tempDir } from '../endpoints.fixture';
import { activateExtension, sleep, waitFor } from '../helpers';

describe('endpoints in an untrusted workspace', function () {
  this.timeout(60_000);
  let server: CountingServer;
  let tmp: string;

  before(async () => {
    await activateExtension();
    tmp = tempDir();
    const pki = privatePki(tmp, 90);
    server = await countingServer(pki.key, pki.chain);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await server?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('never probes: no CodeLens, commands refuse, auto does nothing, no socket reaches the server', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    await vscode.workspace
      .getConfiguration('tlsDoctor')
      .update('probe.referencedEndpoints', 'auto', vscode.ConfigurationTarget.Workspace)
      .then(undefined, () => undefined);
    const doc = await openRewritten('status.js', 'status_untrusted.js', { __STATUS_URL__: server.url });
    await waitFor(
      () => vscode.languages.getDiagnostics(doc.uri).some((d) => d.source === 'TLS Doctor'),
      15_000,
      'the finding (scanning still works)',
    );
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    assert.deepStrictEqual(
      lenses.filter((l) => l.command?.command === 'tlsDoctor.probeEndpoint'),
      [],
    );
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('rejectUnauthorized'));
    const probe = await vscode.commands.executeCommand<{ refused?: string }>('tlsDoctor.probeEndpoint', {
      uri: doc.uri.toString(),
      line,
    });
    assert.strictEqual(probe?.refused, 'untrusted');
    const all = await vscode.commands.executeCommand<{ refused?: string }>('tlsDoctor.endpoints.checkAll');
    assert.strictEqual(all?.refused, 'untrusted');
    await sleep(2000); // room for any background probe to (wrongly) reach the server
    assert.strictEqual(server.accepted(), 0, 'no connection may reach the server from an untrusted workspace');
    const d = vscode.languages.getDiagnostics(doc.uri).find((x) => x.source === 'TLS Doctor');
    assert.ok(d && !d.message.includes(' — endpoint '), 'no verdict appended');
  });
});
