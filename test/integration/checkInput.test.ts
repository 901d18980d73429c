// The input of "Check TLS for URL…" (issue 19 item 5): prefilled from the URL under the cursor; with no URL there,
// a pick list of the workspace's endpoints (the TLS Endpoints view's inventory) with "Enter a URL…". Driven through
// the workbench's quick input as a person would (accept, next item), with a local self-signed server to check. The
// view lists the endpoints of flagged code, so the client here turns verification off.
import * as assert from 'assert';
import * as fs from 'fs';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as vscode from 'vscode';
import type { CheckReport } from '../../src/core/tls/types';
import { tempDir } from './endpoints.fixture';
import { activateExtension, screenshot, selfSignedCert, sleep, waitFor, workspacePath } from './helpers';

const REL = 'checkinput/client.py';

interface Listed {
  readonly key: string;
  readonly url: string;
  readonly uses: number;
}

describe('Check TLS input: the URL under the cursor, or the workspace endpoints', function () {
  this.timeout(60_000);
  let server: https.Server;
  let url: string;

  before(async () => {
    await activateExtension();
    const { key, cert } = selfSignedCert(tempDir(), { cn: '127.0.0.1' });
    server = https.createServer({ key, cert }, (_req, res) => res.end('ok'));
    server.on('tlsClientError', () => undefined);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
    fs.mkdirSync(workspacePath('checkinput'), { recursive: true });
    fs.writeFileSync(workspacePath(REL), `import requests\n\nURL = "${url}"\nrequests.get(URL, verify=False)\n`);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    fs.rmSync(workspacePath('checkinput'), { recursive: true, force: true });
  });

  it('prefills the URL under the cursor; accepting it checks that URL', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(workspacePath(REL)));
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const at = doc.getText().indexOf('127.0.0.1');
    editor.selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at));
    const running = vscode.commands.executeCommand<CheckReport | undefined>('tlsDoctor.checkUrl');
    await sleep(1000); // the input box opens
    await screenshot('check-input-prefilled');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const report = await running;
    assert.ok(report, 'a report');
    assert.strictEqual(report.url, url);
  });

  it('without a URL under the cursor: picks from the workspace endpoints ("Enter a URL…" first)', async () => {
    const key = new URL(url).host;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const listed = await waitFor(
      async () => {
        const l = await vscode.commands.executeCommand<Listed[]>('tlsDoctor.endpoints.list');
        return l.some((e) => e.key === key) && l;
      },
      20_000,
      'the inventory to list the endpoint',
    );
    // The pick list's order: most uses first, then by key; "Enter a URL…" above them.
    const order = [...listed].sort((a, b) => b.uses - a.uses || a.key.localeCompare(b.key));
    const index = order.findIndex((e) => e.key === key) + 1;
    const running = vscode.commands.executeCommand<CheckReport | undefined>('tlsDoctor.checkUrl');
    await sleep(1000);
    for (let i = 0; i < index; i++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await sleep(300);
    await screenshot('check-input-endpoints');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const report = await running;
    assert.ok(report, 'a report');
    assert.strictEqual(report.url, `https://${key}/`, 'the endpoint picked (the view names endpoints by host:port)');
  });
});
