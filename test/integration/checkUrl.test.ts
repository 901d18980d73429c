// "Check TLS for URL" end to end in a real VS Code: a local HTTPS server with a self-signed certificate generated
// here (openssl CLI), the command run with a URL argument, the report it returns, the webview panel it opens (one,
// reused), "Explain TLS Error…" on Python's wording, and the CodeLens/hover on an https:// literal in a code file.
import * as assert from 'assert';
import { X509Certificate } from 'crypto';
import * as fs from 'fs';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CheckReport } from '../../src/core/tls/types';
import {
  activateExtension,
  clearNotifications,
  screenshot,
  selfSignedCert,
  sleep,
  waitFor,
  workspacePath,
} from './helpers';

/** Matches the panel's view type ("tlsDoctor.check"; VS Code prefixes it in tab inputs). */
const VIEW_TYPE = /tlsDoctor\.check$/;

function panelTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && VIEW_TYPE.test(t.input.viewType));
}

async function closeEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await waitFor(() => panelTabs().length === 0, 5_000, 'all check panels to close');
}

describe('checkUrl command and panel', () => {
  let server: https.Server;
  let url: string;
  let certPem: string;
  let tmp: string;

  before(async () => {
    await activateExtension();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-doctor-checkurl-'));
    const { key, cert } = selfSignedCert(tmp, { cn: 'tls-doctor-selfsigned.test' });
    certPem = cert;
    server = https.createServer({ key, cert }, (_req, res) => res.end('ok\n'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)); // port 0: other runs share the machine
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
  });

  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(tmp, { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('warns about an extra CA file with no readable certificate, and checks without it', async () => {
    const broken = path.join(tmp, 'broken-ca.pem');
    fs.writeFileSync(broken, '-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n');
    const config = vscode.workspace.getConfiguration('tlsDoctor');
    await config.update('check.extraCaFiles', [broken], vscode.ConfigurationTarget.Workspace);
    try {
      const report = await vscode.commands.executeCommand<CheckReport>('tlsDoctor.checkUrl', url);
      assert.strictEqual(report.verdict, 'fail', 'the broken file trusts nothing');
      assert.ok(
        report.causes.some((c) => c.code === 'self-signed'),
        report.causes.map((c) => c.code).join(','),
      );
      await vscode.commands.executeCommand('tlsDoctor.showLog');
      const log = await waitFor(
        () =>
          vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'output' && d.uri.path.endsWith('TLS Doctor')),
        15_000,
        'the log document',
      );
      await waitFor(
        () => log.getText().includes(`${broken} (tlsDoctor.check.extraCaFiles) holds no readable certificate`),
        10_000,
        'the warning in the log',
      );
    } finally {
      await config.update('check.extraCaFiles', undefined, vscode.ConfigurationTarget.Workspace);
      await closeEditors();
    }
  });

  it('returns a failing report naming the self-signed leaf, and shows it in the panel', async () => {
    await closeEditors();
    const report = await vscode.commands.executeCommand<CheckReport | undefined>('tlsDoctor.checkUrl', url);
    assert.ok(report, 'the command returns the CheckReport');
    assert.strictEqual(report.verdict, 'fail');
    assert.deepStrictEqual([report.host, report.port], ['127.0.0.1', (server.address() as AddressInfo).port]);
    assert.ok(
      report.causes.some((c) => c.code === 'self-signed'),
      `causes: ${report.causes.map((c) => c.code).join(', ')}`,
    );
    assert.strictEqual(report.chain.length, 1);
    assert.strictEqual(report.chain[0].sha256, new X509Certificate(certPem).fingerprint256);
    assert.strictEqual(report.chain[0].selfSigned, true);
    assert.strictEqual(report.trust.node?.trusted, false, "Node's bundled roots do not trust it");
    const tab = await waitFor(() => panelTabs()[0], 10_000, 'the TLS check webview tab');
    assert.strictEqual(tab.label, 'TLS: 127.0.0.1');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await clearNotifications();
    await sleep(1500); // let the webview paint before the picture
    const png = await screenshot('check-url-panel');
    if (png) console.log(`screenshot: ${png}`);
    // The same panel in a High Contrast theme: chips and badges keep a visible border and text (media/check.css).
    const workbench = vscode.workspace.getConfiguration('workbench');
    await workbench.update('colorTheme', 'Default High Contrast', vscode.ConfigurationTarget.Global);
    try {
      await waitFor(
        () => vscode.window.activeColorTheme.kind === vscode.ColorThemeKind.HighContrast,
        10_000,
        'the High Contrast theme',
      );
      await sleep(1500);
      await screenshot('check-url-panel-high-contrast');
    } finally {
      await workbench.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('reuses the one panel on a second check', async () => {
    const again = await vscode.commands.executeCommand<CheckReport | undefined>('tlsDoctor.checkUrl', url);
    assert.strictEqual(again?.verdict, 'fail');
    await sleep(300);
    assert.strictEqual(panelTabs().length, 1, 'one check panel, reused');
  });

  it('rejects a malformed URL argument without connecting', async () => {
    const none = await vscode.commands.executeCommand<CheckReport | undefined>(
      'tlsDoctor.checkUrl',
      'http://127.0.0.1:1/',
    );
    assert.strictEqual(none, undefined, 'plain http has no TLS to check');
  });

  it('rejects a mistyped scheme with a suggestion, and never connects', async () => {
    let connections = 0;
    const count = () => {
      connections++;
    };
    server.on('connection', count);
    try {
      const port = (server.address() as AddressInfo).port;
      for (const typo of [`htps//127.0.0.1:${port}/health`, `https:/127.0.0.1:${port}/health`]) {
        const none = await vscode.commands.executeCommand<CheckReport | undefined>('tlsDoctor.checkUrl', typo);
        assert.strictEqual(none, undefined, typo);
      }
      await sleep(300);
      assert.strictEqual(connections, 0, 'a mistyped URL is never looked up or probed');
      const ok = await vscode.commands.executeCommand<CheckReport | undefined>('tlsDoctor.checkUrl', url);
      assert.ok(ok && connections > 0, 'the same server is reachable with the scheme spelled right');
    } finally {
      server.off('connection', count);
    }
  });

  it("explains Python's CERTIFICATE_VERIFY_FAILED wording and finds the URL in it", async () => {
    const message =
      "requests.exceptions.SSLError: HTTPSConnectionPool(host='pypi.internal.test', port=8443): Max retries exceeded with url: /simple/ " +
      "(Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate in certificate chain (_ssl.c:1006)')))";
    const result = await vscode.commands.executeCommand<{ causes: { code: string }[]; url?: string } | undefined>(
      'tlsDoctor.explainError',
      message,
    );
    assert.ok(result, 'the command returns the explanation');
    assert.strictEqual(
      result.causes[0]?.code,
      'untrusted-root',
      `causes: ${result.causes.map((c) => c.code).join(', ')}`,
    );
    assert.strictEqual(result.url, 'https://pypi.internal.test:8443/');
    await waitFor(
      () => panelTabs().find((t) => t.label === 'TLS Error Explained'),
      10_000,
      'the panel in explanation mode',
    );
    assert.strictEqual(panelTabs().length, 1, 'the same panel, in explanation mode');
  });

  it('offers a "Check TLS" CodeLens and hover on an https:// literal in code, not in Markdown', async () => {
    const file = workspacePath('checkurl/client.py');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      file,
      `import requests\n\n# docs: https://docs.python-requests.org/\nr = requests.get("${url}", timeout=5)\n`,
    );
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    const lenses = await waitFor(
      async () => {
        const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
        const ours = all.filter((l) => l.command?.command === 'tlsDoctor.checkUrl');
        return ours.length > 0 ? ours : undefined;
      },
      10_000,
      'the Check TLS CodeLens',
    );
    assert.strictEqual(lenses.length, 1, 'one lens: the comment link is not an endpoint');
    assert.strictEqual(lenses[0].range.start.line, 3);
    assert.strictEqual(lenses[0].command?.title, 'Check TLS');
    assert.deepStrictEqual(lenses[0].command?.arguments, [url]);
    const col = doc.lineAt(3).text.indexOf('https://') + 5;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      new vscode.Position(3, col),
    );
    const md = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(md, /command:tlsDoctor\.checkUrl\?/);
    const mdFile = workspacePath('checkurl/notes.md');
    fs.writeFileSync(mdFile, `Call "${url}" for health.\n`);
    const mdDoc = await vscode.workspace.openTextDocument(mdFile);
    const mdLenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      mdDoc.uri,
    );
    assert.strictEqual(
      mdLenses.filter((l) => l.command?.command === 'tlsDoctor.checkUrl').length,
      0,
      'no lens in Markdown',
    );
  });

  it('hides the lenses when tlsDoctor.check.codeLens is off', async () => {
    const doc = await vscode.workspace.openTextDocument(workspacePath('checkurl/client.py'));
    const config = vscode.workspace.getConfiguration('tlsDoctor', doc.uri);
    await config.update('check.codeLens', false, vscode.ConfigurationTarget.Workspace);
    try {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      assert.strictEqual(lenses.filter((l) => l.command?.command === 'tlsDoctor.checkUrl').length, 0);
    } finally {
      await config.update('check.codeLens', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
