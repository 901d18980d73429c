// "TLS Doctor: Scan Workspace": lists files with findFiles (built-in excludes, files.exclude, tlsDoctor.scan.exclude),
// reads them through workspace.fs in small batches and yields to the event loop between batches, so the extension
// host stays responsive on big workspaces. Huge, binary and minified files are skipped with a log line.
import * as vscode from 'vscode';
import { openDocument } from '../documents';
import { isScannable } from '../../core/scan/index';
import { classify, SkipReason } from '../../core/scan/walk';
import { scanSettings } from '../settings';
import { corePath, DiagnosticsManager } from './manager';

/** What a workspace scan did; returned by the command so tests and callers can assert it. */
export interface ScanSummary {
  /** Files read and scanned (open documents are scanned from their editor text and count too). */
  readonly files: number;
  /** Findings shown after the scan, over every file (severity settings applied). */
  readonly findings: number;
  /** Files left out because they are too large, binary, minified or unreadable. */
  readonly skipped: number;
  readonly skippedFiles: readonly { readonly path: string; readonly reason: SkipReason }[];
  readonly cancelled: boolean;
  readonly durationMs: number;
}

const BATCH = 24;

/** Yields to the event loop so editor events and other extensions run between batches. */
function yieldNow(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The files to scan in every workspace folder, excludes applied and only those some rule family reads. */
async function listFiles(manager: DiagnosticsManager, token: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const out: vscode.Uri[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    for (const uri of await manager.excludes.includedFiles(folder, undefined, token)) {
      if (isScannable(vscode.workspace.asRelativePath(uri, false))) out.push(uri);
    }
  }
  return out;
}

/** `folder`: the path is a directory (a watcher reports created folders too): nothing to scan, nothing to log. */
type FileResult = { kind: 'scanned' } | { kind: 'folder' } | { kind: 'skipped'; reason: SkipReason; detail: string };

/** Reads and scans one file; an open document is scanned from its editor text instead. */
async function scanFile(manager: DiagnosticsManager, uri: vscode.Uri): Promise<FileResult> {
  const open = openDocument(uri);
  if (open) {
    manager.scanDocument(open);
    return { kind: 'scanned' };
  }
  try {
    const limit = scanSettings(uri).maxFileSizeKB * 1024;
    const stat = await vscode.workspace.fs.stat(uri);
    if ((stat.type & vscode.FileType.Directory) !== 0) return { kind: 'folder' };
    if (stat.size > limit) {
      return {
        kind: 'skipped',
        reason: 'too-large',
        detail: `${Math.round(stat.size / 1024)} KB is over tlsDoctor.scan.maxFileSizeKB`,
      };
    }
    const read = classify(Buffer.from(await vscode.workspace.fs.readFile(uri)));
    if ('skip' in read) {
      manager.delete(uri);
      return { kind: 'skipped', reason: read.skip, detail: read.detail };
    }
    // The document may have been opened while we were reading: its live text wins.
    if (manager.originOf(uri) !== 'editor') manager.set(uri, read.text, 'disk');
    return { kind: 'scanned' };
  } catch (e) {
    return { kind: 'skipped', reason: 'unreadable', detail: (e as Error).message };
  }
}

/** Scans one file from disk for file-watcher events (skips excluded and unreadable files quietly). */
export async function rescanFromDisk(
  manager: DiagnosticsManager,
  uri: vscode.Uri,
  log: vscode.LogOutputChannel,
): Promise<void> {
  const r = await scanFile(manager, uri);
  if (r.kind === 'skipped') log.info(`skipped ${corePath(uri)}: ${r.detail}`);
}

/** Scans the whole workspace, reporting progress; stops early (keeping what it found) when `token` is cancelled. */
export async function scanWorkspace(
  manager: DiagnosticsManager,
  log: vscode.LogOutputChannel,
  token: vscode.CancellationToken,
  progress?: vscode.Progress<{ message?: string; increment?: number }>,
): Promise<ScanSummary> {
  const started = Date.now();
  const files = await listFiles(manager, token);
  const seen = new Set(files.map((u) => u.toString()));
  const skippedFiles: { path: string; reason: SkipReason }[] = [];
  let scanned = 0;
  for (let i = 0; i < files.length && !token.isCancellationRequested; i += BATCH) {
    const batch = files.slice(i, i + BATCH);
    const results = await Promise.all(batch.map((uri) => scanFile(manager, uri)));
    results.forEach((r, k) => {
      if (r.kind === 'scanned') {
        scanned++;
        return;
      }
      if (r.kind === 'folder') return;
      skippedFiles.push({ path: corePath(batch[k]), reason: r.reason });
      log.info(`skipped ${corePath(batch[k])}: ${r.reason} (${r.detail})`);
    });
    progress?.report({
      message: `${Math.min(i + BATCH, files.length)}/${files.length} files`,
      increment: (batch.length / Math.max(1, files.length)) * 100,
    });
    await yieldNow();
  }
  const cancelled = token.isCancellationRequested;
  // Files that were in earlier results but are no longer listed (deleted, newly excluded) lose their findings.
  if (!cancelled) for (const uri of manager.diskUris()) if (!seen.has(uri.toString())) manager.delete(uri);
  manager.workspaceMode = true;
  const summary: ScanSummary = {
    files: scanned,
    findings: manager.count(),
    skipped: skippedFiles.length,
    skippedFiles,
    cancelled,
    durationMs: Date.now() - started,
  };
  log.info(
    `workspace scan ${cancelled ? 'cancelled' : 'done'}: ${summary.files} files, ${summary.findings} findings, ${summary.skipped} skipped, ${summary.durationMs} ms`,
  );
  return summary;
}
