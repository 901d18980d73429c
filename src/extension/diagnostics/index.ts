// Wires live diagnostics: editor events (open, type, save, close), file-system events (create, change, delete,
// rename), setting changes, the "Scan Workspace" command and the background scan on activation.
import * as vscode from 'vscode';
import { openDocument } from '../documents';
import { COMMANDS } from '../commands';
import { Services } from '../services';
import { onSettingsChanged, scanSettings } from '../settings';
import { DiagnosticsManager } from './manager';
import type { ScanActivity } from '../status/scanActivity';
import {
  rescanFromDisk,
  scanWorkspace,
  ScanStorage,
  ScanSummary,
  stopScanProcess,
  warmScanProcess,
} from './workspaceScan';

export type { ScanSummary } from './workspaceScan';
export { DiagnosticsManager } from './manager';

/** Runs one workspace scan at a time: a new request cancels the one in flight. */
class ScanRunner {
  private current?: vscode.CancellationTokenSource;

  constructor(
    private readonly manager: DiagnosticsManager,
    private readonly log: vscode.LogOutputChannel,
    private readonly storage: ScanStorage,
    private readonly activity?: ScanActivity,
  ) {
    warmScanProcess(); // the first scan starts with a loaded process
  }

  run(location: vscode.ProgressLocation): Thenable<ScanSummary> {
    this.current?.cancel();
    const cts = new vscode.CancellationTokenSource();
    this.current = cts;
    const title = vscode.l10n.t('TLS Doctor: scanning workspace');
    const ended = this.activity?.begin();
    return vscode.window
      .withProgress(
        { location, title, cancellable: location === vscode.ProgressLocation.Notification },
        (progress, token) => {
          token.onCancellationRequested(() => cts.cancel());
          return scanWorkspace(this.manager, this.log, cts.token, progress, this.storage);
        },
      )
      .then(
        (summary) => {
          if (this.current === cts) this.current = undefined;
          cts.dispose();
          ended?.();
          return summary;
        },
        (e: unknown) => {
          ended?.();
          throw e;
        },
      );
  }

  dispose(): void {
    this.current?.cancel();
    stopScanProcess();
  }
}

/** True when a file event concerns a file the workspace results should cover. */
function tracked(manager: DiagnosticsManager, uri: vscode.Uri): boolean {
  if (!manager.workspaceMode || vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) {
    return false;
  }
  return manager.excludes.isIncluded(uri);
}

function registerEditorEvents(manager: DiagnosticsManager, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (manager.isLiveScheme(doc.uri)) manager.scanDocument(doc);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      manager.edited(e); // before anything reads the document: the live scanner's copy follows every edit
      if (e.contentChanges.length && manager.isLiveScheme(e.document.uri)) manager.schedule(e.document);
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => manager.saved(doc)),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      manager.closed(doc);
      // A closed file keeps workspace results (re-read from disk: unsaved edits are gone); anything else is cleared.
      if (doc.uri.scheme === 'file' && tracked(manager, doc.uri)) void rescanFromDisk(manager, doc.uri, log);
      else manager.delete(doc.uri);
    }),
  ];
}

function registerFileEvents(manager: DiagnosticsManager, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const watcher = vscode.workspace.createFileSystemWatcher('**/*');
  const rescan = (uri: vscode.Uri) => {
    if (tracked(manager, uri)) void rescanFromDisk(manager, uri, log);
  };
  return [
    watcher,
    watcher.onDidCreate(rescan),
    watcher.onDidChange(rescan),
    watcher.onDidDelete((uri) => manager.deleteUnder(uri)),
    vscode.workspace.onDidRenameFiles((e) => {
      for (const f of e.files) {
        manager.deleteUnder(f.oldUri);
        void rescanRenamed(manager, f.newUri, log);
      }
    }),
  ];
}

/** A renamed file is rescanned; a renamed folder has every file under it rescanned. */
async function rescanRenamed(
  manager: DiagnosticsManager,
  uri: vscode.Uri,
  log: vscode.LogOutputChannel,
): Promise<void> {
  const open = openDocument(uri);
  if (open) {
    manager.scanDocument(open);
    return;
  }
  if (!manager.workspaceMode) return;
  const stat = await vscode.workspace.fs.stat(uri).then(
    (s) => s,
    () => undefined,
  );
  if (stat?.type === vscode.FileType.Directory) {
    for (const f of await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*'))) {
      if (tracked(manager, f)) await rescanFromDisk(manager, f, log);
    }
  } else if (tracked(manager, uri)) {
    await rescanFromDisk(manager, uri, log);
  }
}

function registerSettingEvents(manager: DiagnosticsManager, runner: ScanRunner): vscode.Disposable[] {
  return [
    onSettingsChanged(['rules.severity', 'testFiles.severity'], () => manager.renderAll()),
    onSettingsChanged(['scan.exclude', 'scan.maxFileSizeKB', 'files.exclude'], () => {
      manager.excludes.reset();
      for (const doc of vscode.workspace.textDocuments) manager.scanDocument(doc, true);
      if (manager.workspaceMode) void runner.run(vscode.ProgressLocation.Window);
    }),
  ];
}

/** Registers the diagnostic collection, live scanning, tlsDoctor.scanWorkspace and the scan on activation. */
export function registerDiagnostics(context: vscode.ExtensionContext, services: Services): DiagnosticsManager {
  const { log, diagnostics: manager } = services;
  const storage: ScanStorage = {
    dir: context.storageUri,
    version: String((context.extension.packageJSON as { version?: unknown }).version ?? ''),
  };
  const runner = new ScanRunner(manager, log, storage, services.scans);
  context.subscriptions.push(
    runner,
    ...registerEditorEvents(manager, log),
    ...registerFileEvents(manager, log),
    ...registerSettingEvents(manager, runner),
    services.commands.register(COMMANDS.scanWorkspace, async () => {
      const summary = await runner.run(vscode.ProgressLocation.Notification);
      const message = summary.cancelled
        ? vscode.l10n.t('TLS Doctor: {0} findings in {1} files (cancelled)', summary.findings, summary.files)
        : vscode.l10n.t('TLS Doctor: {0} findings in {1} files', summary.findings, summary.files);
      vscode.window.setStatusBarMessage(message, 8000);
      return summary;
    }),
  );
  // Not in activate() itself: activation returns at once (its cost is what every window open pays), the documents
  // already open are scanned on the next turn and the workspace scan runs in the background (status-bar progress).
  const scanOnActivation = Boolean(vscode.workspace.workspaceFolders?.length) && scanSettings().onActivation;
  setTimeout(() => {
    for (const doc of vscode.workspace.textDocuments) manager.scanDocument(doc);
    if (scanOnActivation) void runner.run(vscode.ProgressLocation.Window);
  }, 0);
  return manager;
}
