// The certificate viewer in the real workbench: each kind of file (.pem chain, .der, .p12 with its password, .csr)
// opens in the custom editor and shows what it is and who trusts it; binary files open there by default; the PEM
// hover names the certificate; axe-core finds no serious violation; light and High Contrast screenshots are kept.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { InspectReport } from '../../src/core/inspect/types';
import { activateExtension, canScreenshot, sleep, waitFor, workspacePath } from './helpers';
import { AxeResult, axeScan, reviewShot } from './native';

const PASSWORD = 'viewer pass';
const VIEWER = 'main[data-view="certificate"]';

function makeFiles(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const o = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  o(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'root.key',
    '-out',
    'root.pem',
    '-subj',
    '/CN=Viewer Test Root/O=Acme IT',
    '-days',
    '3650',
  );
  o(
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
    '-subj',
    '/CN=api.example.test',
    '-addext',
    'subjectAltName=DNS:api.example.test',
  );
  fs.writeFileSync(path.join(dir, 'ext.cnf'), 'subjectAltName=DNS:api.example.test\nextendedKeyUsage=serverAuth\n');
  o(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'root.pem',
    '-CAkey',
    'root.key',
    '-CAcreateserial',
    '-out',
    'server.crt',
    '-days',
    '30',
    '-extfile',
    'ext.cnf',
  );
  fs.writeFileSync(
    path.join(dir, 'chain.pem'),
    fs.readFileSync(path.join(dir, 'server.crt'), 'utf8') + fs.readFileSync(path.join(dir, 'root.pem'), 'utf8'),
  );
  o('x509', '-in', 'server.crt', '-outform', 'der', '-out', 'server.der');
  o(
    'pkcs12',
    '-export',
    '-in',
    'server.crt',
    '-inkey',
    'server.key',
    '-certfile',
    'root.pem',
    '-passout',
    `pass:${PASSWORD}`,
    '-out',
    'server.p12',
  );
  const indented = fs
    .readFileSync(path.join(dir, 'server.crt'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
  fs.writeFileSync(path.join(dir, 'secret.yaml'), `kind: Secret\nstringData:\n  tls.crt: |\n${indented}\n  other: x\n`);
  fs.mkdirSync(path.join(dir, 'other'));
  fs.copyFileSync(path.join(dir, 'root.key'), path.join(dir, 'other', 'app.key'));
  fs.copyFileSync(path.join(dir, 'server.crt'), path.join(dir, 'other', 'app.crt'));
  fs.rmSync(path.join(dir, 'root.key'));
  fs.writeFileSync(
    path.join(dir, 'kubeconfig.yaml'),
    `clusters:\n- cluster:\n    certificate-authority-data: ${fs.readFileSync(path.join(dir, 'root.pem')).toString('base64')}\n    server: https://api.example.test\n  name: dev\n`,
  );
}

function viewerTab(file: string): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .find((t) => t.input instanceof vscode.TabInputCustom && t.input.uri.fsPath === file);
}

function serious(result: AxeResult | undefined): string[] {
  if (!result || !('violations' in result)) return [];
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.join(' | ')})`);
}

/** Waits until the viewer's page is in a webview frame (the first webview of a session can take many seconds to
 * appear on this route), returning the axe result of that page. */
async function viewerShown(): Promise<AxeResult | undefined> {
  let last: AxeResult | undefined;
  for (let i = 0; i < 4; i++) {
    last = await axeScan(VIEWER);
    if (!last || !('error' in last)) return last;
  }
  return last;
}

describe('certificate viewer: every kind of file in the real workbench', function () {
  this.timeout(180_000);
  let dir: string;
  const open = (name: string, options?: { password: string }) =>
    vscode.commands.executeCommand<InspectReport | undefined>(
      'tlsDoctor.openCertificateViewer',
      vscode.Uri.file(path.join(dir, name)),
      options,
    );

  /** The axe walk scrolls the page: reopen the file so the screenshot shows the top of the viewer. */
  async function freshShot(name: string, shot: string): Promise<void> {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await open(name);
    await sleep(2500);
    await reviewShot(shot);
  }

  before(async () => {
    await activateExtension();
    dir = workspacePath('certs-viewer');
    makeFiles(dir);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration('workbench')
      .update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('.der opens in the viewer by default (vscode.open), with the certificate and the stores’ verdicts', async () => {
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(path.join(dir, 'server.der')));
    const tab = await waitFor(() => viewerTab(path.join(dir, 'server.der')), 15_000, 'the viewer tab of server.der');
    assert.strictEqual((tab.input as vscode.TabInputCustom).viewType, 'tlsDoctor.certificateViewer');
    const r = await open('server.der');
    assert.strictEqual(r?.kind, 'der');
    assert.strictEqual(r.certificates[0].subject, 'CN=api.example.test');
    const node = r.verdicts[0].stores.find((s) => s.store === 'node');
    assert.strictEqual(node?.trusted, false, 'Node does not know the test root');
  });

  it('.pem chain: two certificates linked leaf → root; screenshot (light theme) and axe scan', async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace
      .getConfiguration('workbench')
      .update('colorTheme', 'Default Light Modern', vscode.ConfigurationTarget.Global);
    const r = await open('chain.pem');
    assert.strictEqual(r?.kind, 'pem');
    assert.deepStrictEqual(r.chainOrder, [0, 1]);
    assert.strictEqual(r.certificates[0].issuedBy, 1);
    assert.strictEqual(viewerTab(path.join(dir, 'chain.pem'))?.input instanceof vscode.TabInputCustom, true);
    if (!canScreenshot()) return;
    const axe = await viewerShown();
    await freshShot('chain.pem', 'certificate-viewer-light');
    if (axe && 'skipped' in axe) this.skip();
    assert.ok(axe && !('error' in axe), `axe ran (${axe && 'error' in axe ? axe.error : ''})`);
    assert.deepStrictEqual(serious(axe), []);
    if ('tabOrder' in axe) {
      console.log(`viewer Tab order (${axe.tabOrder.length}): ${axe.tabOrder.join(' → ')}`);
      assert.ok(
        axe.tabOrder.some((t) => t.startsWith('button[openText]')),
        '"Open as text" is reached by Tab',
      );
      assert.ok(axe.tabOrder.length >= axe.focusable, `all ${axe.focusable} controls reached`);
    }
  });

  it('High Contrast: no serious violation; screenshot kept', async function () {
    if (!canScreenshot()) this.skip();
    await vscode.workspace
      .getConfiguration('workbench')
      .update('colorTheme', 'Default High Contrast', vscode.ConfigurationTarget.Global);
    await sleep(1500);
    await freshShot('chain.pem', 'certificate-viewer-high-contrast');
    assert.deepStrictEqual(serious(await viewerShown()), []);
  });

  it('.p12: asks for the password, then shows both certificates and the key paired with the leaf', async () => {
    await vscode.workspace
      .getConfiguration('workbench')
      .update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    const locked = await open('server.p12');
    assert.deepStrictEqual(
      locked?.problems.map((p) => p.code),
      ['password-required'],
    );
    const r = await open('server.p12', { password: PASSWORD });
    assert.strictEqual(r?.kind, 'pkcs12');
    assert.strictEqual(r.certificates.length, 2);
    assert.strictEqual(r.keys[0]?.matches, r.certificates[0].sha256);
    if (canScreenshot()) {
      await sleep(2000);
      await reviewShot('certificate-viewer-p12');
    }
  });

  it('.csr: the request, its names and a verified signature', async () => {
    const r = await open('server.csr');
    assert.strictEqual(r?.kind, 'csr');
    assert.deepStrictEqual(r.requests[0].sans, ['DNS:api.example.test']);
    assert.strictEqual(r.requests[0].signatureValid, true);
  });

  it('hover on kubeconfig certificate-authority-data names the CA and links to the viewer', async () => {
    const doc = await vscode.workspace.openTextDocument(path.join(dir, 'kubeconfig.yaml'));
    await vscode.window.showTextDocument(doc);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      new vscode.Position(2, 40),
    );
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
      .join('\n')
      .replace(/&nbsp;/g, ' ')
      .replace(/\\([-().])/g, '$1');
    assert.match(text, /CN=Viewer Test Root, O=Acme IT/);
    assert.match(text, /command:tlsDoctor\.inspect\.text/);
    const r = await vscode.commands.executeCommand<InspectReport>('tlsDoctor.inspect.text', doc.uri.toString(), 2);
    assert.strictEqual(r?.certificates[0]?.subject, 'CN=Viewer Test Root, O=Acme IT');
  });

  it('hover inside an indented PEM block of a YAML Secret names the certificate; a plain line has no hover', async () => {
    const doc = await vscode.workspace.openTextDocument(path.join(dir, 'secret.yaml'));
    const hoverText = async (line: number) =>
      (
        await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          doc.uri,
          new vscode.Position(line, 8),
        )
      )
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
        .join('\n')
        .replace(/&nbsp;/g, ' ');
    assert.match(await hoverText(5), /CN=api\\?\.example\\?\.test/);
    assert.doesNotMatch(await hoverText(0), /Certificate/);
  });

  it('hygiene: the committed key and the key that does not match its certificate are "TLS Doctor hygiene" problems', async () => {
    await vscode.commands.executeCommand('tlsDoctor.inspect.hygiene');
    const hygiene = (file: string) =>
      vscode.languages
        .getDiagnostics(vscode.Uri.file(path.join(dir, file)))
        .filter((d) => d.source === 'TLS Doctor hygiene')
        .map((d) => `${String(d.code)} ${d.severity}`);
    assert.deepStrictEqual(hygiene('server.key'), [`hygiene/private-key ${vscode.DiagnosticSeverity.Warning}`]);
    assert.deepStrictEqual(hygiene('other/app.key').sort(), [
      `hygiene/key-mismatch ${vscode.DiagnosticSeverity.Warning}`,
      `hygiene/private-key ${vscode.DiagnosticSeverity.Warning}`,
    ]);
    assert.deepStrictEqual(hygiene('server.crt'), [`hygiene/expiring ${vscode.DiagnosticSeverity.Information}`]);
    await vscode.workspace
      .getConfiguration('tlsDoctor')
      .update('hygiene.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      await vscode.commands.executeCommand('tlsDoctor.inspect.hygiene');
      assert.deepStrictEqual(hygiene('server.key'), [], 'the setting turns them off');
    } finally {
      await vscode.workspace
        .getConfiguration('tlsDoctor')
        .update('hygiene.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
