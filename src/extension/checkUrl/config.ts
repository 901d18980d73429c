// The settings the check commands read, through src/extension/settings.ts (defaults and bounds live there); this
// file adds what is specific to checks: paths resolved against the workspace folder and the Python interpreter.
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import * as settings from '../settings';

/** Options for one check, resolved for the resource the user is working in. */
export interface CheckSettings {
  readonly timeoutMs: number;
  readonly repeat: number;
  readonly extraCaFiles: string[];
  readonly pythonPath?: string;
}

/** The workspace folder that `uri` belongs to, else the first one. */
export function folderFor(uri?: vscode.Uri): vscode.WorkspaceFolder | undefined {
  return (uri && vscode.workspace.getWorkspaceFolder(uri)) || vscode.workspace.workspaceFolders?.[0];
}

/** Expands `~` and `${workspaceFolder}`, and makes relative paths relative to the workspace folder. */
export function resolvePath(p: string, folder?: vscode.WorkspaceFolder): string {
  let out = p.trim().replace(/\$\{workspaceFolder\}/g, folder?.uri.fsPath ?? '');
  if (out === '~' || out.startsWith('~/')) out = path.join(os.homedir(), out.slice(1));
  return path.isAbsolute(out) || !folder ? out : path.join(folder.uri.fsPath, out);
}

/**
 * The interpreter whose certifi is checked: tlsDoctor.pythonPath, else the Python extension's active interpreter if
 * that extension is already running (never activated from here: it is slow to start), else undefined (core: python3).
 */
function pythonFor(configured: string, uri?: vscode.Uri): string | undefined {
  const p = configured.trim();
  // A bare command name ("python3") is looked up on PATH; only something path-like is resolved against the folder.
  if (p) return /[\\/]|^~|\$\{/.test(p) ? resolvePath(p, folderFor(uri)) : p;
  type PyApi = { environments?: { getActiveEnvironmentPath?(r?: vscode.Uri): { path?: string } } };
  const py = vscode.extensions.getExtension<PyApi>('ms-python.python');
  if (!py?.isActive) return undefined;
  try {
    return py.exports?.environments?.getActiveEnvironmentPath?.(uri)?.path || undefined;
  } catch {
    return undefined;
  }
}

/** Reads tlsDoctor.check.* and tlsDoctor.pythonPath for `uri` (or the workspace), with paths resolved. */
export function checkSettings(uri?: vscode.Uri): CheckSettings {
  const raw = settings.checkSettings(uri);
  const folder = folderFor(uri);
  return {
    timeoutMs: raw.timeoutMs,
    repeat: raw.repeat,
    extraCaFiles: raw.extraCaFiles.map((f) => resolvePath(f, folder)),
    pythonPath: pythonFor(raw.pythonPath, uri),
  };
}

/** tlsDoctor.check.codeLens for a document. */
export function codeLensEnabled(uri: vscode.Uri): boolean {
  return settings.checkSettings(uri).codeLens;
}

/** The folder certificates and bundles are written to: tlsDoctor.devcert.outDir inside the workspace folder. */
export function outDirUri(folder: vscode.WorkspaceFolder): vscode.Uri {
  const raw = settings.devcertSettings(folder.uri).outDir;
  // The setting is documented as workspace-relative; an absolute value is honoured as the user's explicit choice.
  return path.isAbsolute(raw) ? vscode.Uri.file(raw) : vscode.Uri.joinPath(folder.uri, raw);
}
