// The settings the check commands read. src/extension/settings.ts (diagnostics dev) did not exist when this was
// written, so they are read here, once per check, with the manifest's defaults and clamped to its bounds.
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';

/** Options for one check, resolved for the resource the user is working in. */
export interface CheckSettings {
  readonly timeoutMs: number;
  readonly repeat: number;
  readonly extraCaFiles: string[];
  readonly pythonPath?: string;
}

function num(value: unknown, fallback: number, min: number, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;
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
  if (configured.trim()) return resolvePath(configured, folderFor(uri));
  type PyApi = { environments?: { getActiveEnvironmentPath?(r?: vscode.Uri): { path?: string } } };
  const py = vscode.extensions.getExtension<PyApi>('ms-python.python');
  if (!py?.isActive) return undefined;
  try {
    return py.exports?.environments?.getActiveEnvironmentPath?.(uri)?.path || undefined;
  } catch {
    return undefined;
  }
}

/** Reads tlsDoctor.check.* and tlsDoctor.pythonPath for `uri` (or the workspace). */
export function checkSettings(uri?: vscode.Uri): CheckSettings {
  const c = vscode.workspace.getConfiguration('tlsDoctor', uri);
  const folder = folderFor(uri);
  const files = c.get<unknown>('check.extraCaFiles');
  return {
    timeoutMs: num(c.get('check.timeoutMs'), 5000, 100, 120_000),
    repeat: num(c.get('check.repeat'), 3, 1, 50),
    extraCaFiles: Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string' && f.trim() !== '').map((f) => resolvePath(f, folder)) : [],
    pythonPath: pythonFor(String(c.get('pythonPath') ?? ''), uri),
  };
}

/** tlsDoctor.check.codeLens for a document. */
export function codeLensEnabled(uri: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration('tlsDoctor', uri).get<boolean>('check.codeLens', true) !== false;
}

/** The folder certificates and bundles are written to: tlsDoctor.devcert.outDir inside the workspace folder. */
export function outDirUri(folder: vscode.WorkspaceFolder): vscode.Uri {
  const raw = vscode.workspace.getConfiguration('tlsDoctor', folder.uri).get<string>('devcert.outDir', '.certs') || '.certs';
  // The setting is documented as workspace-relative; an absolute value is honoured as the user's explicit choice.
  return path.isAbsolute(raw) ? vscode.Uri.file(raw) : vscode.Uri.joinPath(folder.uri, raw);
}
