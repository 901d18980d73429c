// One certificate view: a webview (a custom editor's or a panel's) showing a file or a PEM block through the inspect
// core, and its actions. The password of a PKCS#12 is asked with an input box and kept by this view only.
import * as path from 'path';
import * as vscode from 'vscode';
import type { InspectReport } from '../../core/inspect/types';
import { pageContext } from '../checkUrl/render';
import { COMMANDS } from '../commands';
import { loadCerts, loadInspect } from '../lazy';
import { checkSettings } from '../settings';
import { parseWebviewMessage } from '../webviewMessage';
import { renderInspection } from './render';

/** What a view shows: a file (custom editor), or bytes with a title (a PEM block from the hover). */
export interface ViewSource {
  readonly uri?: vscode.Uri;
  readonly bytes?: Uint8Array;
  readonly title: string;
}

/** What the page may post (check.js posts { type, index?, url? }); a checked URL is a bare https origin. */
const MESSAGES = {
  plain: ['openText', 'enterPassword', 'useAsExtraCa'] as const,
  indexed: ['copy', 'exportPem', 'exportDer', 'createBundle', 'addToBundle'] as const,
  url: /^https:\/\/[A-Za-z0-9.:[\]-]+$/,
};
type Message = NonNullable<ReturnType<typeof parseMessage>>;

function parseMessage(raw: unknown) {
  return parseWebviewMessage(raw, MESSAGES);
}

function safeStem(subject: string): string {
  const cn = /(?:^|, )CN=([^,]+)/.exec(subject)?.[1] ?? 'certificate';
  return (
    cn
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/^[._]+/, '')
      .slice(0, 60) || 'certificate'
  );
}

export class CertificateView implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private password: string | undefined;
  /** The report on screen (tests read it through the viewer command's result). */
  report: InspectReport | undefined;

  /** The file shown, as a URI string (undefined for a PEM block from the hover). */
  get sourceUri(): string | undefined {
    return this.source.uri?.toString();
  }

  constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly source: ViewSource,
    private readonly log: vscode.LogOutputChannel,
  ) {
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
    panel.webview.onDidReceiveMessage((raw) => this.onMessage(raw), null, this.disposables);
    panel.onDidDispose(() => this.dispose(), null, this.disposables);
  }

  /** Reads and shows the source (again, e.g. after a password). Never throws: problems are in the report. */
  async load(): Promise<InspectReport> {
    const core = loadInspect();
    const uri = this.source.uri;
    const settings = checkSettings(uri);
    // Finding certifi runs a Python interpreter, possibly the workspace's own venv: not in an untrusted workspace.
    const python = vscode.workspace.isTrusted
      ? settings.pythonPath
        ? { pythonPath: settings.pythonPath }
        : {}
      : { certifiPath: null };
    const opts = {
      ...(this.password !== undefined ? { password: this.password } : {}),
      stores: {
        env: process.env,
        extraCaFiles: settings.extraCaFiles,
        ...(settings.osStorePaths ? { osStorePaths: settings.osStorePaths } : {}),
        ...python,
        timeoutMs: settings.timeoutMs,
      },
    };
    let report: InspectReport;
    if (this.source.bytes) report = await core.inspectBuffer(Buffer.from(this.source.bytes), opts);
    else if (uri?.scheme === 'file') report = await core.inspectFile(uri.fsPath, opts);
    else report = await core.inspectBuffer(await this.readOther(uri!, core.MAX_INSPECT_BYTES), opts, uri?.toString());
    this.report = report;
    this.render();
    return report;
  }

  /** A file of another scheme (remote, virtual): stat first, so nothing over the cap is read. */
  private async readOther(uri: vscode.Uri, max: number): Promise<Buffer> {
    const st = await vscode.workspace.fs.stat(uri);
    if (st.size > max) return Buffer.alloc(max + 1); // the core reports too-large
    return Buffer.from(await vscode.workspace.fs.readFile(uri));
  }

  private render(): void {
    if (!this.report) return;
    const webview = this.panel.webview;
    const media = (file: string) =>
      webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', file)).toString();
    const ctx = pageContext(webview.cspSource, media);
    const uri = this.source.uri;
    const pemFile = !!uri && uri.scheme === 'file' && this.report.kind === 'pem';
    const textFile = !!uri && !/\.(der|p7b|p7c|p12|pfx)$/i.test(uri.path) && this.report.kind !== 'der';
    webview.html = renderInspection(this.report, ctx, { title: this.source.title, pemFile, hasFile: !!uri, textFile });
  }

  private async onMessage(raw: unknown): Promise<void> {
    const msg = parseMessage(raw);
    if (!msg) {
      this.log.warn('certificate viewer: ignored an unexpected message from the webview');
      return;
    }
    try {
      await this.dispatch(msg);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      this.log.error(`certificate viewer: "${msg.type}" failed: ${why}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('TLS Doctor: {0}', why));
    }
  }

  private pemOf(index: number): { pem: string; subject: string } | undefined {
    const c = this.report?.certificates[index];
    return c && { pem: c.pem.endsWith('\n') ? c.pem : `${c.pem}\n`, subject: c.subject };
  }

  private async dispatch(msg: Message): Promise<void> {
    switch (msg.type) {
      case 'openText':
        if (this.source.uri) await vscode.commands.executeCommand('vscode.openWith', this.source.uri, 'default');
        return;
      case 'enterPassword':
        return this.askPassword();
      case 'useAsExtraCa':
        return this.useAsExtraCa();
      case 'checkUrl':
        await vscode.commands.executeCommand(COMMANDS.checkUrl, msg.url);
        void this.panel.webview.postMessage({ type: 'idle' });
        return;
      default:
        break;
    }
    const cert = this.pemOf(msg.index);
    if (!cert) return;
    if (msg.type === 'copy') return vscode.env.clipboard.writeText(cert.pem);
    if (msg.type === 'exportPem' || msg.type === 'exportDer') return this.export(cert, msg.type === 'exportDer');
    if (msg.type === 'createBundle') return this.createBundle(cert);
    return this.addToBundle(cert);
  }

  /** Reads the file again with this PKCS#12 password. */
  usePassword(password: string): Promise<InspectReport> {
    this.password = password;
    return this.load();
  }

  private async askPassword(): Promise<void> {
    const value = await vscode.window.showInputBox({
      password: true,
      title: vscode.l10n.t('Password of {0}', this.source.title),
      prompt: vscode.l10n.t('Kept for this editor only; never stored.'),
      ignoreFocusOut: true,
    });
    if (value !== undefined) await this.usePassword(value);
  }

  private defaultUri(name: string): vscode.Uri | undefined {
    const dir = this.source.uri?.scheme === 'file' ? path.dirname(this.source.uri.fsPath) : undefined;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const base = dir ?? folder;
    return base ? vscode.Uri.file(path.join(base, name)) : undefined;
  }

  private async export(cert: { pem: string; subject: string }, der: boolean): Promise<void> {
    const ext = der ? 'der' : 'pem';
    const uri = await vscode.window.showSaveDialog({
      defaultUri: this.defaultUri(`${safeStem(cert.subject)}.${ext}`),
      filters: der ? { 'DER certificate': ['der', 'cer'] } : { 'PEM certificate': ['pem', 'crt'] },
      saveLabel: vscode.l10n.t('Export'),
    });
    if (!uri) return;
    const body = der
      ? Buffer.from(cert.pem.replace(/-----[^-]+-----|\s+/g, ''), 'base64')
      : Buffer.from(cert.pem, 'utf8');
    await vscode.workspace.fs.writeFile(uri, body);
    this.log.info(`certificate viewer: exported ${cert.subject} to ${uri.fsPath}`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported to {0}.', vscode.workspace.asRelativePath(uri)));
  }

  private async createBundle(cert: { pem: string; subject: string }): Promise<void> {
    const bundle = loadCerts().createBundle([cert.pem]);
    const uri = await vscode.window.showSaveDialog({
      defaultUri: this.defaultUri(`${safeStem(cert.subject)}-bundle.pem`),
      filters: { 'PEM bundle': ['pem'] },
      saveLabel: vscode.l10n.t('Save CA Bundle'),
    });
    if (!uri) return;
    await vscode.workspace.fs.writeFile(uri, Buffer.from(bundle, 'utf8'));
    this.log.info(`certificate viewer: wrote a CA bundle with ${cert.subject} to ${uri.fsPath}`);
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Wrote {0}: the public roots plus this CA. Point REQUESTS_CA_BUNDLE, SSL_CERT_FILE or NODE_EXTRA_CA_CERTS at it.',
        vscode.workspace.asRelativePath(uri),
      ),
    );
  }

  private async addToBundle(cert: { pem: string; subject: string }): Promise<void> {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      filters: { 'PEM bundle': ['pem', 'crt', 'cer'] },
      openLabel: vscode.l10n.t('Add to This Bundle'),
    });
    const uri = picked?.[0];
    if (!uri) return;
    const old = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
    const merged = loadCerts().mergeIntoBundle(old, [{ name: this.source.title, pem: cert.pem }]);
    const where = vscode.workspace.asRelativePath(uri);
    if (merged.added.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} already holds this certificate.', where));
      return;
    }
    await vscode.workspace.fs.writeFile(uri, Buffer.from(merged.pem, 'utf8'));
    this.log.info(`certificate viewer: added ${cert.subject} to ${uri.fsPath}`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Added the certificate to {0}.', where));
  }

  private async useAsExtraCa(): Promise<void> {
    const uri = this.source.uri;
    if (!uri || uri.scheme !== 'file') return;
    const config = vscode.workspace.getConfiguration('tlsDoctor', uri);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const rel = folder ? path.relative(folder.uri.fsPath, uri.fsPath) : uri.fsPath;
    const value = folder && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : uri.fsPath;
    const current = config.get<string[]>('check.extraCaFiles') ?? [];
    if (current.includes(value)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} is already an extra CA file for checks.', value));
      return;
    }
    const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global;
    await config.update('check.extraCaFiles', [...current, value], target);
    this.log.info(`certificate viewer: added ${value} to tlsDoctor.check.extraCaFiles`);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Checks now also trust {0} (tlsDoctor.check.extraCaFiles).', value),
    );
    await this.load();
  }

  dispose(): void {
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}
