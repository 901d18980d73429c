// The settings read on every typing pause, kept (issue 17: a pause re-read tlsDoctor.* through getConfiguration
// several times — the diagnostics' size limit and severities, each code lens provider's switch — about 1.5 ms of the
// extension host's main thread per pause). One snapshot per scope, read on first use and dropped when a
// `tlsDoctor.*` setting or the set of workspace folders changes; owned on Services (createServices), so its listener
// runs before any feature's. Resource-scoped settings differ per workspace folder (multi-root), so a value is kept
// per folder, not per file: every file of a folder reads the same folder settings (none of ours is
// language-overridable). No runtime `vscode` import here: the host is passed in (settings.ts wires the real one).
import type * as vscode from 'vscode';

/** What the snapshot needs of VS Code. */
export interface SettingsHost {
  /**
   * The scope a resource's settings are decided at: its workspace folder's Uri string, else one key for files outside
   * every folder (`undefined` scope, the workspace itself, has its own).
   */
  scopeKey(uri: vscode.Uri | undefined): string;
  /** Calls `listener` after any configuration change with whether it touched `section` (affectsConfiguration). */
  onDidChange(listener: (affects: (section: string) => boolean) => void): vscode.Disposable;
  /** Calls `listener` when workspace folders are added or removed (files move to another folder's settings). */
  onDidChangeFolders(listener: () => void): vscode.Disposable;
}

/** One setting group: how to read it for a resource. */
export type SettingsReader<T> = (uri: vscode.Uri | undefined) => T;

/** Per-scope values of settings readers, kept until the next change of the section. */
export class SettingsSnapshot implements vscode.Disposable {
  private readonly values = new Map<SettingsReader<unknown>, Map<string, unknown>>();
  private readonly subs: vscode.Disposable[];
  /** Counts the changes seen (tests, and callers that key their own caches by it). */
  generation = 0;

  constructor(
    private readonly host: SettingsHost,
    /** The configuration section whose changes drop the snapshot (`tlsDoctor`; `files.exclude` is not read here). */
    private readonly section = 'tlsDoctor',
  ) {
    this.subs = [
      host.onDidChange((affects) => {
        if (affects(this.section)) this.clear();
      }),
      host.onDidChangeFolders(() => this.clear()),
    ];
  }

  /** `read(uri)` as of the last change: read once per scope (see SettingsHost.scopeKey). */
  get<T>(read: SettingsReader<T>, uri?: vscode.Uri): T {
    let byScope = this.values.get(read);
    if (!byScope) this.values.set(read, (byScope = new Map()));
    const key = this.host.scopeKey(uri);
    if (byScope.has(key)) return byScope.get(key) as T;
    const value = read(uri);
    byScope.set(key, value);
    return value;
  }

  /** Drops every kept value; the next get() reads again. */
  clear(): void {
    this.values.clear();
    this.generation++;
  }

  dispose(): void {
    this.values.clear();
    while (this.subs.length) this.subs.pop()?.dispose();
  }
}
