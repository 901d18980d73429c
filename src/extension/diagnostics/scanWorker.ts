// Entry of dist/scanWorker.js (esbuild.js): runs one folder's workspace scan (folderScan.ts) off the extension host
// and posts its batches. It runs as a child process (forked by workspaceScan.ts, request as the first IPC message),
// so whatever the scan allocates is returned to the system when it exits and the extension host's memory stays where
// it was; or as a worker thread (request in workerData) where a process can't be started. A cancelled scan is ended
// by killing the process (terminating the thread).
import { parentPort, workerData } from 'worker_threads';
import { FolderScanRequest, FolderScanTotals, ScanBatch, scanFolder } from './folderScan';

/** Messages the worker posts. `processCpuMs`: the child process's CPU from its start (absent in a thread). */
export type WorkerMessage =
  | { readonly kind: 'batch'; readonly batch: ScanBatch }
  | { readonly kind: 'done'; readonly totals: FolderScanTotals; readonly processCpuMs?: number }
  | { readonly kind: 'error'; readonly message: string };

/** Set in the child's environment by the extension, so loading this file anywhere else does nothing. */
export const CHILD_FLAG = 'TLS_DOCTOR_SCAN_CHILD';

function run(req: FolderScanRequest, post: (m: WorkerMessage) => void, inProcess: boolean): void {
  try {
    const totals = scanFolder(req, (batch) => post({ kind: 'batch', batch }));
    // The extension host's process.cpuUsage() does not count a child's CPU: it is reported here (start-up included).
    const cpu = process.cpuUsage();
    post({ kind: 'done', totals, ...(inProcess ? { processCpuMs: Math.round((cpu.user + cpu.system) / 1000) } : {}) });
  } catch (e) {
    post({ kind: 'error', message: (e as Error)?.message ?? String(e) });
  }
}

function serve(): void {
  const port = parentPort;
  if (port) {
    run(workerData as FolderScanRequest, (m) => port.postMessage(m), false);
    return;
  }
  const send = process.send?.bind(process);
  if (!send || process.env[CHILD_FLAG] !== '1') return;
  process.once('message', (req: FolderScanRequest) =>
    run(
      req,
      (m) =>
        // The last message (done or error) disconnects once written: the process then exits and frees everything.
        m.kind === 'batch' ? send(m) : send(m, undefined, {}, () => process.disconnect()),
      true,
    ),
  );
}

serve();
