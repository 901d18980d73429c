// Untrusted workspace: "Check TLS for URL" must not connect, and the URL CodeLens/hover stay hidden. A plain TCP
// listener counts sockets: any connection attempt, TLS or not, would show up.
import * as assert from 'assert';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, sleep, workspacePath } from '../helpers';

describe('checkUrl in an untrusted workspace', () => {
  let server: net.Server;
  let accepted = 0;
  let url: string;

  before(async () => {
    await activateExtension();
    server = net.createServer((socket) => {
      accepted++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as net.AddressInfo).port}/`;
  });

  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('refuses to check, returns nothing, opens no socket and shows no CodeLens or hover', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    const report = await vscode.commands.executeCommand('tlsDoctor.checkUrl', url);
    assert.strictEqual(report, undefined);
    const file = workspacePath('checkurl-untrusted/client.py');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `import requests\nrequests.get("${url}")\n`);
    const doc = await vscode.workspace.openTextDocument(file);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    assert.deepStrictEqual(
      lenses.filter((l) => l.command?.command === 'tlsDoctor.checkUrl'),
      [],
    );
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      new vscode.Position(1, 20),
    );
    const md = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.doesNotMatch(md, /tlsDoctor\.checkUrl/);
    await sleep(500);
    assert.strictEqual(accepted, 0, 'no connection may reach the server from an untrusted workspace');
  });

  it('still explains a pasted error (no network needed)', async () => {
    const result = await vscode.commands.executeCommand<{ causes: { code: string }[] }>(
      'tlsDoctor.explainError',
      'Error: unable to verify the first certificate (UNABLE_TO_VERIFY_LEAF_SIGNATURE)',
    );
    assert.strictEqual(result?.causes[0]?.code, 'incomplete-chain');
  });
});
