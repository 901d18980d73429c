// Every `tlsDoctor.*` setting, read through small `from(raw)` functions with the manifest's defaults and bounds
// (src/core/settings/defaults.ts, shared with the CLI and checked against package.json by a unit test), so
// a hand-edited settings.json with a wrong type never breaks a feature. One reader per section; callers re-read on
// `onSettingsChanged` (getConfiguration builds the section anew: a fraction of a millisecond each, so what a typing
// pause reads goes through Services.settings, a SettingsSnapshot kept per folder until a change). Paths in settings
// are resolved here too (against the resource's workspace folder), so no feature reads or resolves a setting on its
// own.
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { SeveritySetting } from '../core/rules/types';
import { PROBE_MODES, SETTING_BOUNDS, SETTING_DEFAULTS as D, SEVERITY_SETTINGS } from '../core/settings/defaults';
import { SettingsSnapshot } from './settingsSnapshot';

export { SettingsSnapshot } from './settingsSnapshot';

/** Anything `getConfiguration` accepts as a scope: a document, a Uri, a workspace folder, or nothing (workspace). */
export type Scope = vscode.ConfigurationScope | undefined | null;

type Raw = { get(key: string): unknown };

function section(scope: Scope): Raw {
  return vscode.workspace.getConfiguration('tlsDoctor', scope ?? undefined);
}

function bool(v: unknown, fallback: boolean): boolean {
  return typeof v === 'boolean' ? v : fallback;
}

function num(v: unknown, fallback: number, min: number, max: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
}

function str(v: unknown, fallback: string): string {
  return typeof v === 'string' ? v : fallback;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : [];
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], fallback: T): T {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
}

const SEVERITIES = SEVERITY_SETTINGS;
const B = SETTING_BOUNDS;

/** tlsDoctor.scan.*, tlsDoctor.rules.severity and tlsDoctor.testFiles.severity. */
export interface ScanSettings {
  readonly onActivation: boolean;
  readonly exclude: readonly string[];
  readonly maxFileSizeKB: number;
  /** Per-rule overrides; unknown severity strings are dropped. */
  readonly severities: Readonly<Record<string, SeveritySetting>>;
  readonly testFileSeverity: SeveritySetting | 'default';
}

/** Parses the scan settings from raw values (exported for tests). */
export function scanSettingsFrom(raw: Raw): ScanSettings {
  const map = raw.get('rules.severity');
  const severities: Record<string, SeveritySetting> = {};
  if (map && typeof map === 'object') {
    for (const [id, sev] of Object.entries(map)) {
      if ((SEVERITIES as readonly unknown[]).includes(sev)) severities[id] = sev as SeveritySetting;
    }
  }
  return {
    onActivation: bool(raw.get('scan.onActivation'), D['scan.onActivation']),
    exclude: strings(raw.get('scan.exclude')),
    maxFileSizeKB: num(
      raw.get('scan.maxFileSizeKB'),
      D['scan.maxFileSizeKB'],
      B['scan.maxFileSizeKB'].min,
      B['scan.maxFileSizeKB'].max,
    ),
    severities,
    testFileSeverity: oneOf(
      raw.get('testFiles.severity'),
      [...SEVERITIES, 'default'] as const,
      D['testFiles.severity'],
    ),
  };
}

/** Scan settings for a document or folder. */
export function scanSettings(scope?: Scope): ScanSettings {
  return scanSettingsFrom(section(scope));
}

/** tlsDoctor.check.codeLens alone (the URL lenses ask on every request; checkSettings resolves paths and Python). */
export function codeLensEnabled(scope?: Scope): boolean {
  return bool(section(scope).get('check.codeLens'), D['check.codeLens']);
}

/**
 * The settings snapshot of this window (settingsSnapshot.ts) on VS Code's events: a resource's scope is its workspace
 * folder (getConfiguration resolves a resource-scoped setting there), files outside every folder share one.
 */
export function createSettingsSnapshot(): SettingsSnapshot {
  // An open document's Uri is one object: its folder is looked up once (getWorkspaceFolder searches the folders on
  // every call, and each lens provider asks on every pause), until the folders change.
  let scopes = new WeakMap<vscode.Uri, string>();
  const scopeOf = (uri: vscode.Uri) => {
    let key = scopes.get(uri);
    if (key === undefined) {
      key = vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() ?? '(no folder)';
      scopes.set(uri, key);
    }
    return key;
  };
  return new SettingsSnapshot({
    scopeKey: (uri) => (uri ? scopeOf(uri) : ''),
    onDidChange: (listener) =>
      vscode.workspace.onDidChangeConfiguration((e) => listener((s) => e.affectsConfiguration(s))),
    onDidChangeFolders: (listener) =>
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        scopes = new WeakMap();
        listener();
      }),
  });
}

/** The workspace folder that `uri` belongs to, else the first one (settings' relative paths resolve against it). */
export function folderFor(uri?: vscode.Uri): vscode.WorkspaceFolder | undefined {
  return (uri && vscode.workspace.getWorkspaceFolder(uri)) || vscode.workspace.workspaceFolders?.[0];
}

/** Expands `~` and `${workspaceFolder}`, and makes relative paths relative to the workspace folder. */
export function resolvePath(p: string, folder?: vscode.WorkspaceFolder): string {
  let out = p.trim().replace(/\$\{workspaceFolder\}/g, folder?.uri.fsPath ?? '');
  if (out === '~' || out.startsWith('~/')) out = path.join(os.homedir(), out.slice(1));
  return path.isAbsolute(out) || !folder ? out : path.join(folder.uri.fsPath, out);
}

/** Options for one TLS check (the core's CheckOptions subset that settings decide), paths resolved. */
export interface CheckOptionsFromSettings {
  readonly timeoutMs: number;
  readonly repeat: number;
  readonly extraCaFiles: string[];
  /** tlsDoctor.check.aia: fetch a missing intermediate from its AIA URL. */
  readonly aia: boolean;
  /** tlsDoctor.check.osStorePaths, resolved; undefined: the system's own store. */
  readonly osStorePaths?: string[];
  /** Undefined: the core's default (`python3` on PATH). */
  readonly pythonPath?: string;
  /** The workspace folder (its package.json / .yarnrc.yml pick Yarn's CA key in the fixes). */
  readonly workspace?: string;
}

/** tlsDoctor.check.* and tlsDoctor.pythonPath for a resource, with paths resolved against its workspace folder. */
export interface CheckSettings extends CheckOptionsFromSettings {
  readonly codeLens: boolean;
}

/** Check settings for `uri` (or the workspace). */
export function checkSettings(uri?: vscode.Uri): CheckSettings {
  const raw = section(uri);
  const folder = folderFor(uri);
  const python = pythonFor(str(raw.get('pythonPath'), D.pythonPath), uri);
  return {
    codeLens: bool(raw.get('check.codeLens'), D['check.codeLens']),
    timeoutMs: num(
      raw.get('check.timeoutMs'),
      D['check.timeoutMs'],
      B['check.timeoutMs'].min,
      B['check.timeoutMs'].max,
    ),
    repeat: Math.round(num(raw.get('check.repeat'), D['check.repeat'], B['check.repeat'].min, B['check.repeat'].max)),
    extraCaFiles: strings(raw.get('check.extraCaFiles')).map((f) => resolvePath(f, folder)),
    aia: bool(raw.get('check.aia'), D['check.aia']),
    ...osStoreOf(strings(raw.get('check.osStorePaths')).map((f) => resolvePath(f, folder))),
    ...(python ? { pythonPath: python } : {}),
  };
}

/** Just the probe options of checkSettings(uri), to pass to the core's checkUrl. */
export function checkOptions(uri?: vscode.Uri): CheckOptionsFromSettings {
  const s = checkSettings(uri);
  return {
    timeoutMs: s.timeoutMs,
    repeat: s.repeat,
    extraCaFiles: s.extraCaFiles,
    aia: s.aia,
    ...osStoreOf(s.osStorePaths ?? []),
    ...(s.pythonPath ? { pythonPath: s.pythonPath } : {}),
    ...(folderFor(uri) ? { workspace: folderFor(uri)?.uri.fsPath } : {}),
  };
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

/** tlsDoctor.probe.* and tlsDoctor.endpoints.*. */
export interface ProbeSettings {
  readonly referencedEndpoints: 'off' | 'onDemand' | 'auto';
  readonly expiryWarningDays: number;
}

/** Probe settings for a resource. */
export function probeSettings(scope?: Scope): ProbeSettings {
  const raw = section(scope);
  return {
    referencedEndpoints: oneOf(raw.get('probe.referencedEndpoints'), PROBE_MODES, D['probe.referencedEndpoints']),
    expiryWarningDays: num(
      raw.get('endpoints.expiryWarningDays'),
      D['endpoints.expiryWarningDays'],
      B['endpoints.expiryWarningDays'].min,
      B['endpoints.expiryWarningDays'].max,
    ),
  };
}

/** tlsDoctor.statusBar.enabled: the status bar item is shown (window scope: one value for the whole window). */
export function statusBarEnabled(): boolean {
  return bool(section(undefined).get('statusBar.enabled'), D['statusBar.enabled']);
}

/** tlsDoctor.devcert.*. */
export interface DevcertSettings {
  /** Empty: the default CA folder ($TLS_DOCTOR_CAROOT, else the per-user data folder). */
  readonly caDir: string;
  readonly outDir: string;
  readonly validityDays: number;
  readonly nameConstrained: boolean;
}

/** Dev-certificate settings for a resource. */
export function devcertSettings(scope?: Scope): DevcertSettings {
  const raw = section(scope);
  return {
    caDir: str(raw.get('devcert.caDir'), D['devcert.caDir']).trim(),
    outDir: str(raw.get('devcert.outDir'), D['devcert.outDir']).trim() || D['devcert.outDir'],
    validityDays: Math.round(
      num(
        raw.get('devcert.validityDays'),
        D['devcert.validityDays'],
        B['devcert.validityDays'].min,
        B['devcert.validityDays'].max,
      ),
    ),
    nameConstrained: bool(raw.get('devcert.nameConstrained'), D['devcert.nameConstrained']),
  };
}

/**
 * tlsDoctor.devcert.outDir inside `folder`: the setting is documented as workspace-relative; an absolute value is
 * honoured as the user's explicit choice.
 */
export function outDirIn(folder: vscode.WorkspaceFolder): vscode.Uri {
  const rel = devcertSettings(folder.uri).outDir;
  return path.isAbsolute(rel) ? vscode.Uri.file(rel) : vscode.Uri.joinPath(folder.uri, rel);
}

/** The out dir of the workspace folder `uri` belongs to (else the first folder); undefined without a folder. */
export function devcertOutDir(uri?: vscode.Uri): vscode.Uri | undefined {
  const folder = folderFor(uri);
  return folder && outDirIn(folder);
}

/** Calls `listener` when any of `keys` (relative to `tlsDoctor.`, e.g. `rules.severity`) changes for any scope. */
export function onSettingsChanged(
  keys: readonly string[],
  listener: (e: vscode.ConfigurationChangeEvent) => void,
): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (keys.some((k) => e.affectsConfiguration(k.startsWith('files.') ? k : `tlsDoctor.${k}`))) listener(e);
  });
}

/** `osStorePaths` only when some are set: an empty list would mean "an empty OS store" to the core. */
function osStoreOf(paths: string[]): { osStorePaths?: string[] } {
  return paths.length ? { osStorePaths: paths } : {};
}
