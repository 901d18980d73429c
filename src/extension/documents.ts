// Reading files the way the user sees them: an open editor's text (unsaved edits included) wins over the disk.
import * as vscode from 'vscode';

const utf8 = new TextDecoder();

/** The open document for `uri`, if an editor (or the workspace) has it loaded. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

/** The open document's text, else the file on disk; undefined when the file does not exist (other errors throw). */
export async function currentText(uri: vscode.Uri): Promise<string | undefined> {
  const open = openDocument(uri);
  if (open) return open.getText();
  try {
    return utf8.decode(await vscode.workspace.fs.readFile(uri));
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
    throw e;
  }
}
