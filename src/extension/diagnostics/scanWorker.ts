// Entry of dist/scanWorker.js (esbuild.js): a worker thread that runs one folder's workspace scan (folderScan.ts)
// off the extension host's main thread and posts its batches. The host ends a cancelled scan by terminating the
// thread, which frees everything the scan held.
import { parentPort, workerData } from 'worker_threads';
import { FolderScanRequest, FolderScanTotals, ScanBatch, scanFolder } from './folderScan';

/** Messages the worker posts. */
export type WorkerMessage =
  | { readonly kind: 'batch'; readonly batch: ScanBatch }
  | { readonly kind: 'done'; readonly totals: FolderScanTotals }
  | { readonly kind: 'error'; readonly message: string };

function serve(): void {
  const port = parentPort;
  if (!port) return;
  try {
    const totals = scanFolder(workerData as FolderScanRequest, (batch) =>
      port.postMessage({ kind: 'batch', batch } satisfies WorkerMessage),
    );
    port.postMessage({ kind: 'done', totals } satisfies WorkerMessage);
  } catch (e) {
    port.postMessage({ kind: 'error', message: (e as Error)?.message ?? String(e) } satisfies WorkerMessage);
  }
}

serve();
