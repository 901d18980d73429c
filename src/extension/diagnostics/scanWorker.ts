// Entry of dist/scanWorker.js (esbuild.js): runs one folder's workspace scan (folderScan.ts) off the extension host
// and posts its batches. It runs as a child process (forked by workspaceScan.ts, request as the first IPC message),
// so whatever the scan allocates is returned to the system when it exits and the extension host's memory stays where
// it was; or as a worker thread (request in workerData) where a process can't be started. A cancelled scan is ended
// by killing the process (terminating the thread).
import { parentPort, workerData } from 'worker_threads';
import { FolderScanRequest, FolderScanTotals, ScanBatch, scanFolder } from './folderScan';

/** Messages the worker posts. */
export type WorkerMessage =
  | { readonly kind: 'batch'; readonly batch: ScanBatch }
  | { readonly kind: 'done'; readonly totals: FolderScanTotals }
  | { readonly kind: 'error'; readonly message: string };

/** Set in the child's environment by the extension, so loading this file anywhere else does nothing. */
export const CHILD_FLAG = 'TLS_DOCTOR_SCAN_CHILD';

function run(req: FolderScanRequest, post: (m: WorkerMessage) => void): void {
  try {
    const totals = scanFolder(req, (batch) => post({ kind: 'batch', batch }));
    post({ kind: 'done', totals });
  } catch (e) {
    post({ kind: 'error', message: (e as Error)?.message ?? String(e) });
  }
}

function serve(): void {
  const port = parentPort;
  if (port) {
    run(workerData as FolderScanRequest, (m) => port.postMessage(m));
    return;
  }
  const send = process.send?.bind(process);
  if (!send || process.env[CHILD_FLAG] !== '1') return;
  process.once('message', (req: FolderScanRequest) =>
    run(req, (m) =>
      // The last message (done or error) disconnects once written: the process then exits and frees everything.
      m.kind === 'batch' ? send(m) : send(m, undefined, {}, () => process.disconnect()),
    ),
  );
}

serve();
