// The one way the extension writes workspace files: collect new files, text edits and whole-file rewrites in one
// WorkspaceEdit (a single undo step, shown in the refactor preview when it would overwrite a file that differs), keep
// the certificates folder out of git in the same edit, then apply it and save what it changed. Used by the
// quick-fixes (bundles, code edits), the check panel's file actions, the dev-certificate command's .gitignore and the
// environment writers (.env, launch.json).
import * as path from 'path';
import * as vscode from 'vscode';
import { currentText, openDocument } from './documents';
import { loadCerts } from './lazy';

/** One batch of workspace writes, applied as one undoable edit; see the file comment. */
export class WorkspaceWrite {
  readonly edit = new vscode.WorkspaceEdit();
  /** Text files this batch edits, to save after applying (an unsaved .gitignore rule ignores nothing). */
  private readonly saves = new Map<string, vscode.Uri>();

  /**
   * Creates `file` with `contents`, replacing it when it exists. `existing` is its current text (undefined: none):
   * identical content is left alone, and replacing different content asks first.
   */
  createFile(file: vscode.Uri, contents: string, label: string, existing?: string): boolean {
    if (existing === contents) return false;
    const meta = { label: `TLS Doctor: ${label}`, needsConfirmation: existing !== undefined };
    this.edit.createFile(file, { overwrite: true, contents: Buffer.from(contents, 'utf8') }, meta);
    return true;
  }

  /** Replaces `range` of `uri` with `newText` (the code edits of a fix; the document is the user's to save). */
  replace(uri: vscode.Uri, range: vscode.Range, newText: string, label: string): void {
    this.edit.replace(uri, range, newText, { label: `TLS Doctor: ${label}`, needsConfirmation: false });
  }

  /**
   * Sets the text of `file` to `transform(text)`, `text` being what the user sees (open editor, else disk, '' when
   * missing); the file is created when missing and saved after apply. False when nothing changes.
   */
  async rewrite(file: vscode.Uri, transform: (text: string) => string, label: string): Promise<boolean> {
    const before = await currentText(file);
    const after = transform(before ?? '');
    if (after === (before ?? '')) return false;
    this.rewriteText(file, before, after, label);
    return true;
  }

  private rewriteText(file: vscode.Uri, before: string | undefined, after: string, label: string): void {
    const meta = { label: `TLS Doctor: ${label}`, needsConfirmation: false };
    if (before === undefined) this.edit.createFile(file, { contents: Buffer.from(after, 'utf8') }, meta);
    else this.edit.replace(file, wholeRange(before), after, meta);
    this.saves.set(file.toString(), file);
  }

  /**
   * Lists `dir` (inside `folder`) in `<folder>/.gitignore` unless git already ignores it: the certificates folder holds
   * machine-specific bundles and private keys. False when `dir` is outside the folder or already ignored.
   */
  async ignoreDir(folder: vscode.Uri, dir: vscode.Uri): Promise<boolean> {
    const rel = path.relative(folder.fsPath, dir.fsPath);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
    const file = vscode.Uri.joinPath(folder, '.gitignore');
    return this.rewrite(file, (text) => loadCerts().ensureGitignored(text, rel.split(path.sep).join('/')) ?? text, `ignore ${rel} in git`);
  }

  /**
   * Applies the batch as one edit, then saves the files it rewrote, except those the user already had unsaved
   * changes in (their edits are theirs to save). False when VS Code did not apply it (e.g. the preview was cancelled).
   */
  async apply(): Promise<boolean> {
    const dirty = new Set([...this.saves.values()].filter((u) => openDocument(u)?.isDirty === true).map((u) => u.toString()));
    const applied = await vscode.workspace.applyEdit(this.edit);
    if (!applied) return false;
    for (const [key, uri] of this.saves) if (!dirty.has(key)) await openDocument(uri)?.save();
    return true;
  }
}

/** Applies a one-file rewrite (see WorkspaceWrite.rewrite); throws when VS Code refuses it. False when unchanged. */
export async function rewriteFile(file: vscode.Uri, transform: (text: string) => string, label: string): Promise<boolean> {
  const write = new WorkspaceWrite();
  if (!(await write.rewrite(file, transform, label))) return false;
  if (!(await write.apply())) throw new Error(`could not edit ${file.fsPath}`);
  return true;
}

function wholeRange(text: string): vscode.Range {
  const lines = text.split('\n');
  return new vscode.Range(0, 0, lines.length - 1, lines[lines.length - 1].length);
}
