// Read-only documents of the trust checklist: a tool's diff or the whole plan, served from memory under the
// `tls-doctor-trust:` scheme (never a file on disk: nothing is written before the user accepts the plan).
import * as vscode from 'vscode';

import { TRUST_SCHEME } from '../slots';
import type { Slots } from '../slots';

export { TRUST_SCHEME } from '../slots';

export class TrustDocs implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration: vscode.Disposable;

  constructor(slots: Slots) {
    this.registration = slots.fill('trustDocs', this);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.path) ?? '';
  }

  /** Opens (or refreshes) the document `name` beside the checklist without taking the focus from it. */
  async show(name: string, text: string): Promise<vscode.TextEditor> {
    const uri = vscode.Uri.from({ scheme: TRUST_SCHEME, path: `/${name}` });
    this.texts.set(uri.path, text);
    this.changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(doc, {
      preview: true,
      preserveFocus: true,
      viewColumn: vscode.ViewColumn.Active,
    });
  }

  /** The text last shown as `name` (tests read what the user saw). */
  textOf(name: string): string | undefined {
    return this.texts.get(`/${name}`);
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
