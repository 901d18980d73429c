// Wires the certificate viewer: a read-only custom editor for certificate files, the "Open Certificate Viewer"
// command (editor title and explorer), and the hover on PEM blocks and kubeconfig-style base64 certificate data.
//
// Priorities: binary formats (.der, .p7b/.p7c, .p12/.pfx) open in the viewer by default, since the text editor can
// only say "binary file". PEM-ish text (.pem, .crt, .cer, .csr) keeps opening as text, which people edit and paste
// from (bundles, kubeconfig snippets), with the viewer one click away in the editor title; the viewer's "Open as text"
// is one click back.
import * as path from 'path';
import * as vscode from 'vscode';
import { COMMANDS } from '../commands';
import { Services } from '../services';
import { registerCertificateHover, certificateTextAt } from './hover';
import { HygieneDiagnostics } from './hygiene';
import { CertificateView } from './view';

/** The view types of package.json's contributes.customEditors. */
import { VIEW_TYPES } from '../slots';

export { VIEW_TYPES } from '../slots';

const BINARY = /\.(der|p7b|p7c|p12|pfx)$/i;

class CertificateEditorProvider implements vscode.CustomReadonlyEditorProvider {
  /** Passwords handed to the next editor of a file (see the openCertificateViewer command). */
  readonly pending = new Map<string, string>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private readonly views: Set<CertificateView>,
  ) {}

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    const view = new CertificateView(
      panel,
      this.extensionUri,
      { uri: document.uri, title: path.basename(document.uri.path) },
      this.log,
    );
    this.views.add(view);
    panel.onDidDispose(() => this.views.delete(view));
    const password = this.pending.get(document.uri.toString());
    this.pending.delete(document.uri.toString());
    await (password !== undefined ? view.usePassword(password) : view.load());
  }
}

export function registerInspect(context: vscode.ExtensionContext, services: Services): void {
  const { log } = services;
  const views = new Set<CertificateView>();
  const provider = new CertificateEditorProvider(context.extensionUri, log, views);
  context.subscriptions.push(
    services.slots.fill('certificateViewer', provider),
    services.slots.fill('certificateViewerText', provider),
    // `options.password`: for callers that already have a PKCS#12 password (tests; the page asks with an input box).
    services.commands.register(
      COMMANDS.openCertificateViewer,
      async (arg?: unknown, options?: { password?: string }) => {
        const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
        if (!uri) throw new Error(vscode.l10n.t('open a certificate file first'));
        const password = typeof options?.password === 'string' ? options.password : undefined;
        if (password !== undefined) provider.pending.set(uri.toString(), password);
        await vscode.commands.executeCommand(
          'vscode.openWith',
          uri,
          BINARY.test(uri.path) ? VIEW_TYPES.binary : VIEW_TYPES.text,
        );
        // The view of this file that just resolved (for tests and callers that want the report).
        const wanted = uri.toString();
        for (let i = 0; i < 100; i++) {
          const found = [...views].find((v) => v.sourceUri === wanted && v.report);
          // An editor that was already open keeps its view: give it the password now.
          if (found && password !== undefined && provider.pending.delete(wanted)) return found.usePassword(password);
          if (found) return found.report;
          await new Promise((r) => setTimeout(r, 50));
        }
        return undefined;
      },
    ),
    services.commands.register(COMMANDS.inspectText, async (uriText?: unknown, line?: unknown) => {
      if (typeof uriText !== 'string' || typeof line !== 'number') return undefined;
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uriText));
      const found = certificateTextAt(document, line);
      if (!found) return undefined;
      const title = `${path.basename(document.uri.path)}:${line + 1}`;
      const panel = vscode.window.createWebviewPanel('tlsDoctor.certificateBlock', title, vscode.ViewColumn.Beside, {
        enableScripts: true,
        enableFindWidget: true,
        localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')],
      });
      const view = new CertificateView(panel, context.extensionUri, { bytes: found.bytes, title }, log);
      context.subscriptions.push(view);
      return view.load();
    }),
    registerCertificateHover(services.slots),
  );
  // Hygiene: its own collection, started a moment after activation so it never competes with the first scan.
  const hygiene = new HygieneDiagnostics(log);
  context.subscriptions.push(hygiene);
  hygiene.schedule(3000);
  context.subscriptions.push(
    services.commands.register(COMMANDS.inspectHygiene, () => hygiene.run().then(() => hygiene.collection)),
  );
}
