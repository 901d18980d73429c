// Core FixResults and new bundle files as one WorkspaceEdit: a single undo step, shown in the refactor preview when
// it would overwrite a file that differs.
import * as fs from 'fs';
import * as vscode from 'vscode';
import { openDocument } from '../documents';
import type { FixResult } from '../../core/fixes/index';
import { toRange } from '../convert';
import { loadCerts } from '../lazy';
import { devcertSettings, folderFor } from '../settings';
import type { BundleChoice } from './bundles';

/** Adds the core edits of `fix` to `edit`. */
export function addFix(edit: vscode.WorkspaceEdit, uri: vscode.Uri, fix: FixResult): void {
  const meta: vscode.WorkspaceEditEntryMetadata = { label: `TLS Doctor: ${fix.label}`, needsConfirmation: false };
  for (const e of fix.edits) edit.replace(uri, toRange(e.range), e.newText, meta);
}

/** True for certifi's own bundle: upgrades overwrite it, so TLS Doctor never writes there. */
export function isCertifiBundle(file: vscode.Uri): boolean {
  return /[\\/]certifi[\\/]cacert\.pem$/i.test(file.fsPath);
}

/** Adds the creation of a new bundle file (and the out dir to .gitignore) to `edit`. */
export function addBundleFile(edit: vscode.WorkspaceEdit, doc: vscode.Uri, choice: BundleChoice): void {
  if (choice.contents === undefined) return;
  if (isCertifiBundle(choice.file)) throw new Error(`refusing to write certifi's own bundle (${choice.file.fsPath}): package upgrades overwrite it`);
  const existing = readIfExists(choice.file);
  if (existing === choice.contents) return;
  const contents = Buffer.from(choice.contents, 'utf8');
  // Overwriting a different bundle is worth a look first; a new file is not.
  edit.createFile(choice.file, { overwrite: true, contents }, { label: `TLS Doctor: CA bundle from ${choice.origin}`, needsConfirmation: existing !== undefined });
  addGitignore(edit, doc);
}

function readIfExists(file: vscode.Uri): string | undefined {
  try {
    return fs.readFileSync(file.fsPath, 'utf8');
  } catch {
    return undefined;
  }
}

/** The .gitignore of the document's workspace folder. */
function gitignoreOf(doc: vscode.Uri): vscode.Uri | undefined {
  const folder = folderFor(doc);
  return folder && vscode.Uri.joinPath(folder.uri, '.gitignore');
}

/** Keeps the certificates folder out of git (its bundles are machine-specific), as the devcert command does. */
function addGitignore(edit: vscode.WorkspaceEdit, doc: vscode.Uri): void {
  const file = gitignoreOf(doc);
  if (!file) return;
  const outDir = devcertSettings(doc).outDir;
  // An open .gitignore (edited by an earlier fix, or by the user) is the text the edit's range must match.
  const text = openDocument(file)?.getText() ?? readIfExists(file);
  let next: string | undefined;
  try {
    next = loadCerts().ensureGitignored(text ?? '', outDir);
  } catch {
    return; // an out dir outside the workspace: nothing to ignore here
  }
  if (next === undefined) return;
  const meta = { label: `TLS Doctor: ignore ${outDir} in git`, needsConfirmation: false };
  if (text === undefined) edit.createFile(file, { contents: Buffer.from(next, 'utf8') }, meta);
  else edit.replace(file, wholeRange(text), next, meta);
}

/**
 * Applies a fix's edit. Text edits to a file that isn't open stay unsaved in VS Code, and an unsaved ignore rule
 * ignores nothing: a .gitignore the edit changed is saved, unless the user already had unsaved changes there.
 */
export async function applyFixEdit(edit: vscode.WorkspaceEdit, doc: vscode.Uri): Promise<boolean> {
  const file = gitignoreOf(doc);
  const touched = file !== undefined && edit.has(file);
  const hadChanges = touched && openDocument(file)?.isDirty === true;
  const applied = await vscode.workspace.applyEdit(edit);
  if (applied && touched && !hadChanges) await openDocument(file)?.save();
  return applied;
}

function wholeRange(text: string): vscode.Range {
  const lines = text.split('\n');
  return new vscode.Range(0, 0, lines.length - 1, lines[lines.length - 1].length);
}
