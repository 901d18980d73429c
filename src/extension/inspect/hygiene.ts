// Workspace hygiene diagnostics for certificate files (src/core/inspect/hygiene.ts): their own collection and source
// ("TLS Doctor hygiene"), lower severity than the detection rules' findings, off with tlsDoctor.hygiene.enabled.
// Light by construction: only files with certificate/key extensions are read (none over 1 MB, at most 2000 files),
// once after activation and again, debounced, when such a file changes.
import * as vscode from 'vscode';
import { HYGIENE_GLOB } from '../../core/inspect/files';
import { SETTING_DEFAULTS } from '../../core/settings/defaults';
import { loadInspect } from '../lazy';

const MAX_FILES = 2000;
const MAX_BYTES = 1024 * 1024;
const EXCLUDE = '{**/node_modules/**,**/.git/**}';

function enabled(): boolean {
  return vscode.workspace
    .getConfiguration('tlsDoctor')
    .get<boolean>('hygiene.enabled', SETTING_DEFAULTS['hygiene.enabled']);
}

function warnDays(): number {
  return vscode.workspace
    .getConfiguration('tlsDoctor')
    .get<number>('endpoints.expiryWarningDays', SETTING_DEFAULTS['endpoints.expiryWarningDays']);
}

export class HygieneDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('tlsDoctor.hygiene');
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(HYGIENE_GLOB);
    const later = () => this.schedule(500);
    this.disposables.push(
      watcher,
      watcher.onDidChange(later),
      watcher.onDidCreate(later),
      watcher.onDidDelete(later),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('tlsDoctor.hygiene') || e.affectsConfiguration('tlsDoctor.endpoints')) later();
      }),
    );
  }

  /** Runs the check after `ms` (again if one runs already), e.g. after a burst of file events. */
  schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.running.then(() => this.run());
    }, ms);
  }

  /** Checks the workspace now; resolves when the diagnostics are set (tests await it). */
  async run(): Promise<void> {
    if (!enabled()) {
      this.collection.clear();
      return;
    }
    const core = loadInspect();
    const uris = await vscode.workspace.findFiles(HYGIENE_GLOB, EXCLUDE, MAX_FILES);
    const files = new Map<string, Buffer>();
    const byPath = new Map<string, vscode.Uri>();
    for (const uri of uris) {
      try {
        const st = await vscode.workspace.fs.stat(uri);
        if (st.size > MAX_BYTES) continue;
        files.set(uri.fsPath, Buffer.from(await vscode.workspace.fs.readFile(uri)));
        byPath.set(uri.fsPath, uri);
      } catch {
        // gone since findFiles, or unreadable: nothing to say about it
      }
    }
    const issues = core.hygieneIssues(files, { warnDays: warnDays() });
    const grouped = new Map<string, vscode.Diagnostic[]>();
    for (const i of issues) {
      const d = new vscode.Diagnostic(
        new vscode.Range(i.line, 0, i.line, 1000),
        i.message,
        i.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information,
      );
      d.source = 'TLS Doctor hygiene';
      d.code = `hygiene/${i.code}`;
      grouped.set(i.file, [...(grouped.get(i.file) ?? []), d]);
    }
    this.collection.clear();
    for (const [file, list] of grouped) {
      const uri = byPath.get(file);
      if (uri) this.collection.set(uri, list);
    }
    this.log.info(`hygiene: ${files.size} certificate/key file(s) read, ${issues.length} issue(s)`);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.collection.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}
