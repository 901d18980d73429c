// "TLS Doctor: Scan Workspace". Local folders are scanned outside the extension host (dist/scanWorker.js running
// folderScan.ts, as a child process, else a worker thread): it lists and scans at the same time, reuses the results
// persisted for files whose size and mtime are unchanged, and posts batches holding only files with findings; the
// extension host shows each batch in one diagnostics update. Other folders (remote file systems, virtual workspaces)
// are listed with findFiles and read through workspace.fs in small batches, yielding to the event loop between them.
// Huge, binary and minified files are skipped with a log line.
import { createHash } from 'crypto';
import * as nodePath from 'path';
import { ChildProcess, fork } from 'child_process';
import { Worker } from 'worker_threads';
import * as vscode from 'vscode';
import { openDocument } from '../documents';
import { isScannable } from '../../core/scan/index';
import { classify, SkipReason } from '../../core/scan/walk';
import { scanSettings } from '../settings';
import { excludePatterns } from './excludes';
import type { FolderScanRequest, ScanBatch, ScannedTotals } from './folderScan';
import { corePath, DiagnosticsManager } from './manager';
import { IDLE_FLAG, scanProcessEnv } from './scanWorker';
import { Spare } from './spare';
import type { WorkerMessage } from './scanWorker';

/** What a workspace scan did; returned by the command so tests and callers can assert it. */
export interface ScanSummary {
  /** Files read and scanned (open documents are scanned from their editor text and count too). */
  readonly files: number;
  /** Where each workspace folder was scanned: a child process, a worker thread, or the main thread (workspace.fs). */
  readonly ranIn: readonly ('process' | 'thread' | 'main')[];
  /** Files actually read from disk (the others were unchanged since the persisted results, or open in an editor). */
  readonly read: number;
  /** Findings shown after the scan, over every file (severity settings applied). */
  readonly findings: number;
  /** Files left out because they are too large, binary, minified or unreadable. */
  readonly skipped: number;
  readonly skippedFiles: readonly { readonly path: string; readonly reason: SkipReason }[];
  readonly cancelled: boolean;
  readonly durationMs: number;
  /** CPU of the scan processes, their start-up included (the host's own CPU figures leave them out); 0: none ran. */
  readonly processCpuMs: number;
}

const BATCH = 24;

/** Yields to the event loop so editor events and other extensions run between batches. */
function yieldNow(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The files to scan in `folder`, excludes applied and only those some rule family reads. */
async function listFiles(
  manager: DiagnosticsManager,
  folder: vscode.WorkspaceFolder,
  token: vscode.CancellationToken,
): Promise<vscode.Uri[]> {
  const out: vscode.Uri[] = [];
  for (const uri of await manager.excludes.includedFiles(folder, undefined, token)) {
    if (isScannable(vscode.workspace.asRelativePath(uri, false))) out.push(uri);
  }
  return out;
}

/**
 * `folder`: the path is a directory (a watcher reports created folders too): nothing to scan, nothing to log. `gone`:
 * the file was deleted between the event (or the listing) and the read: its findings go, and it was not "skipped".
 */
type FileResult =
  { kind: 'scanned' } | { kind: 'folder' } | { kind: 'gone' } | { kind: 'skipped'; reason: SkipReason; detail: string };

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
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') {
      manager.delete(uri);
      return { kind: 'gone' };
    }
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

/** Where results persist between sessions, and what invalidates them besides the rules and settings. */
export interface ScanStorage {
  /** The extension's storage for this workspace (context.storageUri); undefined: nothing persists. */
  readonly dir?: vscode.Uri;
  /** The extension's version: results of another version are never reused. */
  readonly version: string;
}

type Progress = vscode.Progress<{ message?: string; increment?: number }>;

/** What the folders of one scan add up to. */
class Tally {
  scanned = 0;
  read = 0;
  processCpuMs = 0;
  readonly ranIn: ('process' | 'thread' | 'main')[] = [];
  readonly skippedFiles: { path: string; reason: SkipReason }[] = [];

  constructor(
    readonly log: vscode.LogOutputChannel,
    private readonly progress?: Progress,
  ) {}

  skip(uri: vscode.Uri, reason: SkipReason, detail: string): void {
    this.skippedFiles.push({ path: corePath(uri), reason });
    this.log.info(`skipped ${corePath(uri)}: ${reason} (${detail})`);
  }

  report(scannedNow: number): void {
    this.progress?.report({ message: vscode.l10n.t('{0} files', this.scanned + scannedNow) });
  }
}

/** The bundled worker (next to dist/extension.js). */
const WORKER_FILE = nodePath.join(__dirname, 'scanWorker.js');

/** The file a folder's results persist in, inside the extension's workspace storage. */
function cacheFileFor(storage: ScanStorage, folder: vscode.WorkspaceFolder): string | undefined {
  if (!storage.dir || storage.dir.scheme !== 'file') return undefined;
  const id = createHash('sha1').update(folder.uri.toString()).digest('hex').slice(0, 16);
  return nodePath.join(storage.dir.fsPath, 'scan', `${id}.json`);
}

/**
 * Shows one batch from the worker: one diagnostics update for all its files; open documents keep their live text. In
 * a single-folder workspace a file's corePath is its folder-relative path and its settings are the folder's: given to
 * the manager, they spare it a workspace-folder lookup per file (~0.1 ms each: 50 ms of a 200 MB tree's cold scan).
 * With several folders (possibly nested) the manager looks them up as before.
 */
function applyBatch(manager: DiagnosticsManager, folder: vscode.WorkspaceFolder, batch: ScanBatch, tally: Tally): void {
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  const single = vscode.workspace.workspaceFolders?.length === 1;
  for (const f of batch.files) {
    const uri = vscode.Uri.joinPath(folder.uri, f.rel);
    if (open.has(uri.toString()) || manager.originOf(uri) === 'editor') continue;
    manager.stage(uri, f.findings, new Map(f.facts), f.digest, single ? f.rel : undefined);
  }
  for (const s of batch.skipped) {
    const uri = vscode.Uri.joinPath(folder.uri, s.rel);
    if (manager.originOf(uri) === 'disk') manager.delete(uri);
    tally.skip(uri, s.reason, s.detail);
  }
  // Read per batch, as the manager does: a setting changed during the scan applies to the batches after it.
  manager.publishStaged(single ? scanSettings(folder.uri) : undefined);
  tally.report(batch.scanned);
}

/**
 * Scan workers that may still be writing a folder's persisted results (they report the end of the scan first), by
 * results file: the next scan of that folder starts once they have ended, so it reads what they wrote.
 */
const writers = new Map<string, Promise<void>>();

/** Notes that the worker ending with `ended` may write `file` until then. */
function writing(file: string | undefined, ended: Promise<void>): void {
  if (!file) return;
  writers.set(file, ended);
  void ended.then(() => {
    if (writers.get(file) === ended) writers.delete(file);
  });
}

/** Waits (at most SAVE_WAIT_MS) for the last worker that may be writing `file`. */
async function afterWriter(file: string | undefined): Promise<void> {
  const ended = file && writers.get(file);
  if (ended) await Promise.race([ended, new Promise((r) => setTimeout(r, SAVE_WAIT_MS))]);
}

/** A save takes tens of ms on a 200 MB tree; a worker that takes longer than this is not waited for. */
const SAVE_WAIT_MS = 3000;

/** A running scan worker, process or thread: its messages, its end, and how to stop it. */
interface ScanChannel {
  onMessage(cb: (m: WorkerMessage) => void): void;
  /** Called once: when it exits (error: it could not run or crashed). */
  onEnd(cb: (error?: Error) => void): void;
  stop(): void;
}

/** How long a scan process started ahead waits for a scan before it exits on its own (scanWorker.ts IDLE_FLAG). */
const SPARE_IDLE_MS = 30_000;

/** Forks a scan process; it waits for its request (see scanWorker.ts). */
function forkScanProcess(): ChildProcess {
  const child = fork(WORKER_FILE, [], {
    // No inspector or other flags of the extension host (a debug port would clash); Electron runs it as plain Node.
    execArgv: [],
    env: { ...scanProcessEnv(process.env), [IDLE_FLAG]: String(SPARE_IDLE_MS) },
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    serialization: 'advanced',
  });
  // One that could not start emits 'error', maybe before a scan took it and listened: it is then just not usable.
  child.on('error', () => undefined);
  return child;
}

/**
 * The scan process started ahead (spare.ts): when the features load in a window with a local folder, and again when
 * a scan's process has ended, so a scan (the command, a re-scan after a setting change) starts with a loaded process.
 * Not handed out in its last 5 s before its idle exit.
 */
const spare = new Spare(forkScanProcess, SPARE_IDLE_MS - 5000);

/** Starts a scan process ahead when a workspace folder is local (the others are not scanned in one). */
export function warmScanProcess(): void {
  if (vscode.workspace.workspaceFolders?.some((f) => f.uri.scheme === 'file')) spare.warm();
}

/** Ends the scan process started ahead, if any (deactivation). */
export function stopScanProcess(): void {
  spare.stop();
}

/**
 * The scan as a child process: all it allocates goes back to the system when it exits (see scanWorker.ts). The
 * process started ahead when there is one, else a new one: then the request is built while it starts, so Node's
 * start-up in the child overlaps building it here. Once it has ended, another is started ahead for the next scan.
 */
function childChannel(request: () => FolderScanRequest): ScanChannel {
  const { proc: child } = spare.take();
  const req = request();
  child.send(req);
  // A process that could not start emits 'error' and may never emit 'exit'.
  const ended = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  writing(req.cacheFile, ended);
  void ended.then(warmScanProcess);
  return {
    onMessage: (cb) => child.on('message', (m) => cb(m as WorkerMessage)),
    onEnd: (cb) => {
      child.on('error', (e) => cb(e));
      child.on('exit', (code, signal) =>
        cb(code && !signal ? new Error(`the scan process exited with code ${code}`) : undefined),
      );
    },
    stop: () => void child.kill(),
  };
}

/** The scan as a worker thread (where no process can be started). */
function threadChannel(request: () => FolderScanRequest): ScanChannel {
  const req = request();
  const worker = new Worker(WORKER_FILE, { workerData: req });
  writing(req.cacheFile, new Promise((resolve) => worker.once('exit', () => resolve())));
  return {
    onMessage: (cb) => worker.on('message', cb),
    onEnd: (cb) => {
      worker.on('error', (e) => cb(e));
      worker.on('exit', () => cb());
    },
    stop: () => void worker.terminate(),
  };
}

/** A folder's totals with the scan process's own figures (see WorkerMessage). */
type WorkerTotals = ScannedTotals & Omit<Extract<WorkerMessage, { kind: 'done' }>, 'kind' | 'totals'>;

/** The scan process's start-up and helper-thread figures for the log, or nothing. */
function processFigures(t: WorkerTotals): string {
  const start =
    t.startUpMs === undefined
      ? ''
      : (t.waitedMs ?? 0) > 20
        ? `, the process started ahead (${t.startUpMs} ms to start, ${t.waitedMs} ms before the scan)`
        : `, ${t.startUpMs} ms of it to start the process`;
  const helper = t.helper ? `; its helper thread busy ${t.helper.busyMs} ms, idle ${t.helper.idleMs} ms` : '';
  return start + helper;
}

/**
 * Scans a local folder in a worker. Resolves with its totals, or undefined when cancelled (the worker is ended:
 * everything it held is freed); rejects when the worker can't run or fails (the caller falls back).
 */
function scanInWorker(
  manager: DiagnosticsManager,
  folder: vscode.WorkspaceFolder,
  channel: ScanChannel,
  token: vscode.CancellationToken,
  tally: Tally,
): Promise<WorkerTotals | undefined> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const cancel = token.onCancellationRequested(() => channel.stop());
    const end = (result: WorkerTotals | undefined, error?: Error) => {
      if (settled) return;
      settled = true;
      cancel.dispose();
      if (error && !token.isCancellationRequested) reject(error);
      else resolve(result);
    };
    channel.onMessage((m) => {
      // A batch still in flight when the scan was cancelled is dropped: a newer scan owns the results now.
      if (m.kind === 'batch') {
        if (!token.isCancellationRequested) applyBatch(manager, folder, m.batch, tally);
      } else if (m.kind === 'done') {
        const { kind: _, totals, ...figures } = m;
        end({ ...totals, ...figures });
      } else end(undefined, new Error(m.message));
    });
    channel.onEnd((error) =>
      end(
        undefined,
        error ?? (token.isCancellationRequested ? undefined : new Error('the scan worker ended without a result')),
      ),
    );
  });
}

/** The old way, for folders the worker can't read (remote, virtual): findFiles, then workspace.fs in small batches. */
async function scanThroughFs(
  manager: DiagnosticsManager,
  folder: vscode.WorkspaceFolder,
  token: vscode.CancellationToken,
  tally: Tally,
): Promise<void> {
  const files = await listFiles(manager, folder, token);
  for (let i = 0; i < files.length && !token.isCancellationRequested; i += BATCH) {
    const batch = files.slice(i, i + BATCH);
    const results = await Promise.all(batch.map((uri) => scanFile(manager, uri)));
    results.forEach((r, k) => {
      if (r.kind === 'scanned') {
        tally.scanned++;
        tally.read++;
      } else if (r.kind === 'skipped') tally.skip(batch[k], r.reason, r.detail);
    });
    tally.report(0);
    await yieldNow();
  }
}

/** Scans one folder: in the worker when it is local, else through workspace.fs. */
async function scanFolderOf(
  manager: DiagnosticsManager,
  folder: vscode.WorkspaceFolder,
  token: vscode.CancellationToken,
  tally: Tally,
  storage: ScanStorage,
): Promise<void> {
  if (folder.uri.scheme !== 'file') {
    await scanThroughFs(manager, folder, token, tally);
    tally.ranIn.push('main');
    return;
  }
  const cacheFile = cacheFileFor(storage, folder);
  await afterWriter(cacheFile);
  if (token.isCancellationRequested) return;
  let req: FolderScanRequest | undefined;
  const request = (): FolderScanRequest =>
    (req ??= {
      root: folder.uri.fsPath,
      excludes: excludePatterns(folder),
      maxFileSize: scanSettings(folder.uri).maxFileSizeKB * 1024,
      known: manager.diskPathsIn(folder.uri),
      cacheFile,
      cacheKey: storage.version,
    });
  for (const [kind, open] of [
    ['process', childChannel],
    ['thread', threadChannel],
  ] as const) {
    try {
      const t0 = Date.now();
      const totals = await scanInWorker(manager, folder, open(request), token, tally);
      if (totals) {
        tally.scanned += totals.scanned;
        tally.read += totals.read;
        tally.processCpuMs += totals.processCpuMs ?? 0;
        // Where the time went: the worker's own scan, against the whole (start-up, messages and publishing included).
        tally.log.info(
          `workspace scan of ${folder.name}: the scan ${kind} listed ${totals.listed} files and read ${totals.read} in ${totals.durationMs} ms; ${Date.now() - t0} ms from its start to its end${totals.processCpuMs === undefined ? '' : `, ${totals.processCpuMs} ms of CPU`}${processFigures(totals)}`,
        );
      }
      tally.ranIn.push(kind);
      return;
    } catch (e) {
      tally.log.warn(`the scan ${kind} failed for ${folder.name}: ${(e as Error).message}`);
    }
  }
  tally.log.warn(`scanning ${folder.name} through workspace.fs on the main thread instead`);
  await scanThroughFs(manager, folder, token, tally);
  tally.ranIn.push('main');
}

/** Scans the whole workspace, reporting progress; stops early (keeping what it found) when `token` is cancelled. */
export async function scanWorkspace(
  manager: DiagnosticsManager,
  log: vscode.LogOutputChannel,
  token: vscode.CancellationToken,
  progress?: Progress,
  storage: ScanStorage = { version: '' },
): Promise<ScanSummary> {
  const started = Date.now();
  const tally = new Tally(log, progress);
  manager.beginScan();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (token.isCancellationRequested) break;
    await scanFolderOf(manager, folder, token, tally, storage);
  }
  const cancelled = token.isCancellationRequested;
  // Files that were in earlier results but this scan did not confirm (deleted, newly excluded) lose their findings.
  if (!cancelled) manager.pruneUnconfirmed();
  manager.workspaceMode = true;
  const summary: ScanSummary = {
    files: tally.scanned,
    ranIn: tally.ranIn,
    read: tally.read,
    findings: manager.count(),
    skipped: tally.skippedFiles.length,
    skippedFiles: tally.skippedFiles,
    cancelled,
    durationMs: Date.now() - started,
    processCpuMs: tally.processCpuMs,
  };
  log.info(
    `workspace scan ${cancelled ? 'cancelled' : 'done'}: ${summary.files} files (${tally.read} read, the rest unchanged since the saved results), ${summary.findings} findings, ${summary.skipped} skipped, ${summary.durationMs} ms`,
  );
  return summary;
}
