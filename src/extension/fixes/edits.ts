// A fix's pieces on the one workspace writer (../workspaceFiles.ts): the core FixResult as text edits, and a new
// bundle file with the out dir in .gitignore, so the whole fix is a single undo step.
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { FixResult } from '../../core/fixes/index';
import { toRange } from '../convert';
import { folderFor, outDirIn } from '../settings';
import type { WorkspaceWrite } from '../workspaceFiles';
import type { BundleChoice } from './bundles';

/** Adds the core edits of `fix` to a batch (which records the lines for the message and undo) or a bare edit. */
export function addFix(target: WorkspaceWrite | vscode.WorkspaceEdit, uri: vscode.Uri, fix: FixResult): void {
  if ('changes' in target) {
    for (const e of fix.edits) target.replace(uri, toRange(e.range), e.newText, fix.label);
    return;
  }
  const meta: vscode.WorkspaceEditEntryMetadata = { label: `TLS Doctor: ${fix.label}`, needsConfirmation: false };
  for (const e of fix.edits) target.replace(uri, toRange(e.range), e.newText, meta);
}

/**
 * The 0-based line the finding's line `line` is on after `fix` (an import added above it moves it down), so the proof
 * lens lands on the fixed line, not on the line that took its place.
 */
export function lineAfterFix(fix: Pick<FixResult, 'edits'>, line: number): number {
  let shift = 0;
  for (const e of fix.edits) {
    const { start, end } = e.range;
    const above =
      end.line < line || (start.line === line && start.character === 0 && end.line === line && end.character === 0);
    if (above) shift += e.newText.split('\n').length - 1 - (end.line - start.line);
  }
  return line + shift;
}

/** True for certifi's own bundle: upgrades overwrite it, so TLS Doctor never writes there. */
export function isCertifiBundle(file: vscode.Uri): boolean {
  return /[\\/]certifi[\\/]cacert\.pem$/i.test(file.fsPath);
}

/** Adds the creation of a new bundle file (and the out dir to .gitignore, as the devcert command does) to `write`. */
export async function addBundleFile(write: WorkspaceWrite, doc: vscode.Uri, choice: BundleChoice): Promise<void> {
  if (choice.contents === undefined) return;
  if (isCertifiBundle(choice.file)) {
    throw new Error(
      vscode.l10n.t("refusing to write certifi's own bundle ({0}): package upgrades overwrite it", choice.file.fsPath),
    );
  }
  // Overwriting a different bundle is worth a look first (the writer asks); a new or identical file is not.
  if (
    !write.createFile(
      choice.file,
      choice.contents,
      vscode.l10n.t('CA bundle from {0}', choice.origin),
      readIfExists(choice.file),
    )
  ) {
    return;
  }
  const folder = folderFor(doc);
  if (folder) await write.ignoreDir(folder.uri, outDirIn(folder));
}

function readIfExists(file: vscode.Uri): string | undefined {
  try {
    return fs.readFileSync(file.fsPath, 'utf8');
  } catch {
    return undefined;
  }
}
