// The Check panel's verdict heading in the real workbench (issue 10, item 8): a self-signed local server is headed
// "Not trusted", one whose certificate expires in 10 days (trusted through tlsDoctor.check.extraCaFiles) "Trusted, with
// warnings" with the expiring-soon notice. The runner looks the heading up in the webview's own DOM (the axe hook
// finds the frame whose document matches a selector) and takes a screenshot of each panel for people to look at.
import * as assert from 'assert';
import * as fs from 'fs';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CheckReport } from '../../src/core/tls/types';
import { countingServer, privatePki, tempDir } from './endpoints.fixture';
import {
  activateExtension,
  canScreenshot,
  screenshot,
  selfSignedCert,
  sleep,
  tlsDiagnostics,
  waitFor,
  workspacePath,
} from './helpers';
import { axeScan } from './native';

async function serve(
  dir: string,
  cn: string,
  days: number,
): Promise<{ url: string; certFile: string; server: https.Server }> {
  fs.mkdirSync(dir, { recursive: true });
  const { key, cert, certFile } = selfSignedCert(dir, { cn, days });
  const server = https.createServer({ key, cert }, (_req, res) => res.end('ok\n'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/`, certFile, server };
}

/** Asserts the panel's webview document has an element matching `selector` (undefined: no runner can look). */
async function panelHas(selector: string): Promise<void> {
  const r = await axeScan(selector);
  if (!r) return console.log(`panel DOM check of ${selector} skipped: this runner cannot reach the page`);
  assert.ok(!('error' in r), `the panel shows ${selector}: ${'error' in r ? r.error : ''}`);
}

describe('checkUrl panel heading (real workbench)', function () {
  this.timeout(120_000);
  let tmp: string;
  const servers: https.Server[] = [];

  before(async () => {
    await activateExtension();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-doctor-heading-'));
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration('tlsDoctor')
      .update('check.extraCaFiles', undefined, vscode.ConfigurationTarget.Workspace);
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    fs.rmSync(tmp, { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a self-signed server: "Not trusted — Self-signed certificate"', async () => {
    const s = await serve(path.join(tmp, 'self'), 'tls-doctor-heading-selfsigned.test', 365);
    servers.push(s.server);
    const report = await vscode.commands.executeCommand<CheckReport>('tlsDoctor.checkUrl', s.url);
    assert.strictEqual(report.verdict, 'fail');
    assert.deepStrictEqual(
      report.causes.map((c) => c.code),
      ['self-signed'],
    );
    // The picture first: the DOM check walks the page with Tab, which scrolls it.
    await sleep(1500);
    const png = await screenshot('check-url-heading-not-trusted');
    if (png) console.log(`screenshot: ${png}`);
    await panelHas('header.summary.fail[data-verdict="not-trusted"][data-heading="Not trusted"]');
  });

  it('a trusted certificate with 10 days left: "Trusted, with warnings" and the expiring-soon notice', async () => {
    const s = await serve(path.join(tmp, 'soon'), 'tls-doctor-heading-soon.test', 10);
    servers.push(s.server);
    await vscode.workspace
      .getConfiguration('tlsDoctor')
      .update('check.extraCaFiles', [s.certFile], vscode.ConfigurationTarget.Workspace);
    // A fresh panel, so its picture starts at the top (the reused one keeps the Tab walk's scroll position).
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const report = await vscode.commands.executeCommand<CheckReport>('tlsDoctor.checkUrl', s.url);
    assert.strictEqual(report.verdict, 'ok', report.causes.map((c) => c.code).join());
    const w = report.warnings?.find((x) => x.code === 'expiring-soon');
    assert.ok(w && w.daysLeft !== undefined && w.daysLeft >= 9 && w.daysLeft <= 10, JSON.stringify(report.warnings));
    if (canScreenshot()) {
      await sleep(1500);
      console.log(`screenshot: ${await screenshot('check-url-heading-warnings')}`);
    }
    await panelHas('header.summary.warn[data-verdict="warnings"][data-heading="Trusted, with warnings"]');
    await panelHas('header[data-heading="Trusted, with warnings"] ~ main li.warning code.code');
    // The first server's heading is gone (and the DOM check can fail).
    const stale = await axeScan('header[data-heading="Not trusted"]');
    if (stale) assert.ok('error' in stale, 'the "Not trusted" heading of the previous check is still shown');
    await vscode.workspace
      .getConfiguration('tlsDoctor')
      .update('check.extraCaFiles', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('after the fix points verify= at a bundle and its handshake verified: "verified with <bundle>" in the lens and the panel', async () => {
    const pki = privatePki(tempDir(), 30);
    const server = await countingServer(pki.key, pki.chain);
    const savedHosts = process.env.TLS_DOCTOR_PROBE_HOSTS;
    process.env.TLS_DOCTOR_PROBE_HOSTS = '127.0.0.1';
    const rel = 'app/heading_client.py';
    const file = workspacePath(rel);
    fs.writeFileSync(file, `import requests\n\nURL = "${server.url}/"\nrequests.get(URL, verify=False)\n`);
    try {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      const editor = await vscode.window.showTextDocument(doc, { preview: false });
      const lensTitles = async () =>
        (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 10)).map(
          (l) => l.command?.title ?? '',
        );
      assert.ok((await lensTitles()).includes('Check TLS'), 'the plain lens before any fix');
      const [diagnostic] = await waitFor(
        () => {
          const d = tlsDiagnostics(doc.uri, 'python.requests-verify-false');
          return d.length ? d : undefined;
        },
        15_000,
        'the verify=False finding',
      );
      const r = await vscode.commands.executeCommand<{ applied: boolean; bundle: string; proof?: { ok: boolean } }>(
        'tlsDoctor.fix.trustBundle',
        {
          uri: doc.uri.toString(),
          ruleId: 'python.requests-verify-false',
          range: diagnostic.range,
          source: 'endpoint',
        },
      );
      assert.strictEqual(r.applied, true, JSON.stringify(r));
      // The fix anchors the path to the source file (app/ → ../), so the client verifies from any working directory.
      assert.ok(
        editor.document
          .getText()
          .includes(`verify=str(Path(__file__).resolve().parent / "../.certs/127.0.0.1-bundle.pem")`),
        `${JSON.stringify(r)}\n${editor.document.getText()}`,
      );
      const title = await waitFor(
        async () => (await lensTitles()).find((t) => t.startsWith('Check TLS · ')),
        10_000,
        'the Check TLS lens with the proof',
      );
      assert.strictEqual(r.bundle, 'app/../.certs/127.0.0.1-bundle.pem', 'the bundle named as the code sees it');
      assert.strictEqual(title, 'Check TLS · ✓ verified with .certs/127.0.0.1-bundle.pem');
      await sleep(1500);
      await screenshot('check-url-lens-verified-with');
      const report = await vscode.commands.executeCommand<CheckReport>('tlsDoctor.checkUrl', `${server.url}/`);
      assert.strictEqual(report.verdict, 'fail', 'without the bundle the private root is not trusted');
      await sleep(1500);
      await screenshot('check-url-panel-verified-with');
      await panelHas('header[data-heading="Not trusted"] p.bundle-check.ok code');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      fs.rmSync(file, { force: true });
      await server.close();
      if (savedHosts === undefined) delete process.env.TLS_DOCTOR_PROBE_HOSTS;
      else process.env.TLS_DOCTOR_PROBE_HOSTS = savedHosts;
    }
  });
});
