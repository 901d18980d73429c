// The CA bundles already in each workspace folder's devcert out dir, known ahead of time so the lightbulb never reads
// the disk: listed when a folder is first seen, and again when a `.pem` file in an out dir is created or deleted,
// when tlsDoctor.devcert.outDir or the workspace folders change, and when a scan finds a finding a bundle could fix
// (one small directory per scan, not per cursor move). Created in activate() and carried on Services.
import * as vscode from 'vscode';
import { folderFor, onSettingsChanged } from '../settings';
import type { FindingStore } from '../findings';
import { workspaceBundles } from './bundles';

/** Lists the bundles for a document's folder from disk (injectable so tests can count the reads). */
export type BundleLister = (uri: vscode.Uri) => vscode.Uri[];

/** Known bundles per workspace folder; see the file comment. */
export class BundleIndex implements vscode.Disposable {
  private readonly byFolder = new Map<string, vscode.Uri[]>();
  private readonly subs: vscode.Disposable[] = [];
  /** Folders to list again at the end of the current task (by folder URI: a file of each). */
  private readonly pending = new Map<string, vscode.Uri>();

  constructor(private readonly list: BundleLister = workspaceBundles) {}

  /** Keeps the index current: file, setting and folder events, and the scans recorded in `findings`. */
  watch(findings: FindingStore): this {
    // Creations and deletions (a changed bundle keeps its name): ignoreCreate false, ignoreChange true, ignoreDelete false.
    const pem = vscode.workspace.createFileSystemWatcher('**/*.pem', false, true, false);
    const changed = (uri: vscode.Uri) => this.refresh(uri);
    this.subs.push(
      pem,
      pem.onDidCreate(changed),
      pem.onDidDelete(changed),
      onSettingsChanged(['devcert.outDir'], () => this.clear()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.clear()),
      findings.onDidChange((uri) => {
        if (findings.in(uri).some((e) => e.trust !== 'none')) this.refreshSoon(uri);
      }),
    );
    return this;
  }

  /** The preferred bundle for `doc` (`bundle.pem` first) as last listed; never reads the disk. */
  first(doc: vscode.Uri): vscode.Uri | undefined {
    const folder = folderFor(doc);
    return folder && this.byFolder.get(folder.uri.toString())?.[0];
  }

  /** Lists the bundles of the folder that holds `uri` again (reads the disk) and returns them. */
  refresh(uri: vscode.Uri): vscode.Uri[] {
    const folder = folderFor(uri);
    if (!folder) return [];
    const found = this.list(folder.uri);
    this.byFolder.set(folder.uri.toString(), found);
    return found;
  }

  /**
   * `refresh(uri)` once the current task is done, once per folder: a workspace scan records hundreds of files in one
   * batch, and listing the out dir for each was a fifth of the batch's host CPU (bench:vscode, cold scan).
   */
  private refreshSoon(uri: vscode.Uri): void {
    const folder = folderFor(uri);
    if (!folder) return;
    const first = this.pending.size === 0;
    this.pending.set(folder.uri.toString(), uri);
    if (first) {
      queueMicrotask(() => {
        const uris = [...this.pending.values()];
        this.pending.clear();
        for (const u of uris) this.refresh(u);
      });
    }
  }

  /** Lists every workspace folder again. */
  clear(): void {
    this.byFolder.clear();
    for (const f of vscode.workspace.workspaceFolders ?? []) this.refresh(f.uri);
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
    this.byFolder.clear();
  }
}
