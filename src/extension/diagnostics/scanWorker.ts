// Entry of dist/scanWorker.js (esbuild.js): runs one folder's workspace scan (folderScan.ts) off the extension host
// and posts its batches. It runs as a child process (forked by workspaceScan.ts, request as the first IPC message),
// so whatever the scan allocates is returned to the system when it exits and the extension host's memory stays where
// it was; or as a worker thread (request in workerData) where a process can't be started. A cancelled scan is ended
// by killing the process (terminating the thread). A process may be started ahead of its request (spare.ts): it
// then waits, loaded, and exits on its own after IDLE_FLAG ms without one. In the child, a first scan (or a re-scan with many files to read)
// gets a second thread (this same file, loaded with CHUNK_FLAG in its workerData) that reads and scans chunks of
// files, as the CLI's scan uses two threads; the two share the chunks through claims (folderScan.ts, ChunkClaims).
import * as os from 'os';
import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import {
  Chunk,
  ChunkClaims,
  ChunkHelper,
  ChunkReply,
  FolderScanRequest,
  ScanBatch,
  ScannedTotals,
  scanFolder,
  scanFolderParallel,
  takeChunk,
} from './folderScan';

/**
 * Messages the worker posts. `processCpuMs`: the child process's CPU from its start (absent in a thread);
 * `startUpMs`: from the process's start until it was ready (Node's start-up and this bundle's load); `waitedMs`:
 * from then to the request (a process started ahead, see spare.ts; about 0 otherwise); `helper`: the helper thread's
 * busy and idle time (idle: waiting for chunks), when there was one.
 */
export type WorkerMessage =
  | { readonly kind: 'batch'; readonly batch: ScanBatch }
  | {
      readonly kind: 'done';
      readonly totals: ScannedTotals;
      readonly processCpuMs?: number;
      readonly startUpMs?: number;
      readonly waitedMs?: number;
      readonly helper?: { readonly busyMs: number; readonly idleMs: number };
    }
  | { readonly kind: 'error'; readonly message: string };

/** Set in the child's environment by the extension, so loading this file anywhere else does nothing. */
export const CHILD_FLAG = 'TLS_DOCTOR_SCAN_CHILD';
/**
 * In the child's environment: how long (ms) it waits for its request before it exits on its own (a process started
 * ahead that no scan took, see spare.ts). Absent: it waits as long as its parent keeps the channel open.
 */
export const IDLE_FLAG = 'TLS_DOCTOR_SCAN_IDLE_MS';
/**
 * The scan process's environment: the extension host's, with CHILD_FLAG, less NODE_EXTRA_CA_CERTS. Node parses that
 * bundle as it starts (measured: 70-100 ms of a child's start-up for a 144-certificate, 220 KB bundle, about twice
 * the rest of it), and the scan opens no connection. Users behind a corporate CA, who are the ones with it set, paid
 * it on every scan.
 */
export function scanProcessEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { NODE_EXTRA_CA_CERTS: _, ...rest } = env;
  // Electron (the desktop editor) runs the child as plain Node.
  return { ...rest, ELECTRON_RUN_AS_NODE: '1', [CHILD_FLAG]: '1' };
}

/** In workerData of the child's helper thread. */
const CHUNK_FLAG = 'tlsDoctorScanChunks';

/**
 * Scans and posts. 'done' goes out as soon as the last batch has, before the results are written to the persisted
 * file (tens of ms on a big tree): the extension host waits for this worker to end before it scans the folder again.
 */
async function run(
  req: FolderScanRequest,
  post: (m: WorkerMessage) => void,
  inProcess: boolean,
  readyMs = 0,
): Promise<void> {
  let done = false;
  try {
    const startUpMs = Math.round(readyMs);
    const waitedMs = Math.max(0, Math.round(process.uptime() * 1000 - readyMs));
    const onBatch = (batch: ScanBatch) => post({ kind: 'batch', batch });
    let helper: ReturnType<typeof chunkThread> | undefined;
    const onScanned = (totals: ScannedTotals) => {
      // The extension host's process.cpuUsage() does not count a child's CPU: it is reported here (start-up and the
      // helper thread included: cpuUsage is the whole process's).
      const cpu = process.cpuUsage();
      const figures = inProcess
        ? {
            processCpuMs: Math.round((cpu.user + cpu.system) / 1000),
            startUpMs,
            waitedMs,
            ...(helper ? { helper: helper.use() } : {}),
          }
        : {};
      done = true;
      post({ kind: 'done', totals, ...figures });
    };
    if (inProcess && helperThreads()) {
      await scanFolderParallel(
        req,
        onBatch,
        (claims) => (helper = chunkThread(req.maxFileSize, claims)),
        Date.now,
        onScanned,
      );
    } else scanFolder(req, onBatch, Date.now, onScanned);
  } catch (e) {
    // After 'done', a failure can only be the save's, which ScanCache.save turns into false: nothing to report.
    if (!done) post({ kind: 'error', message: (e as Error)?.message ?? String(e) });
  }
}

/**
 * A second thread pays on more than one core, from the bundle (a thread re-loads this file).
 * TLS_DOCTOR_SCAN_THREADS=1 turns it off, as it does for the CLI.
 */
function helperThreads(): boolean {
  if (!__filename.endsWith('.js') || process.env.TLS_DOCTOR_SCAN_THREADS === '1') return false;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return cores > 1;
}

/**
 * Starts the helper thread; each `run` posts one chunk and resolves with its results (undefined: this thread claimed
 * it first), or rejects if the thread died (at once for chunks handed out after that).
 */
function chunkThread(
  maxFileSize: number,
  claims: ChunkClaims,
): ChunkHelper & { use(): { busyMs: number; idleMs: number } } {
  const worker = new Worker(__filename, { workerData: { [CHUNK_FLAG]: true, maxFileSize, claims: claims.buffer } });
  const waiting = new Map<number, { resolve: (r: ChunkReply | undefined) => void; reject: (e: Error) => void }>();
  let dead: Error | undefined;
  let use = { busyMs: 0, idleMs: 0 };
  let ready = false;
  const fail = (e: Error) => {
    dead ??= e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  worker.on('message', (m: { id: number; results: ChunkReply | null } | { ready: true }) => {
    if ('ready' in m) {
      ready = true;
      return;
    }
    waiting.get(m.id)?.resolve(m.results ?? undefined);
    waiting.delete(m.id);
  });
  worker.on('error', fail);
  worker.on('exit', () => fail(new Error('the scan thread ended')));
  return {
    run: (chunk) =>
      new Promise((resolve, reject) => {
        if (dead) return reject(dead);
        waiting.set(chunk.id, { resolve, reject });
        worker.postMessage(chunk);
      }),
    close: () => {
      // Its event loop's use until now (it reads 0 once the thread has ended).
      const elu = worker.performance.eventLoopUtilization();
      use = { busyMs: Math.round(elu.active), idleMs: Math.round(elu.idle) };
      void worker.terminate();
    },
    use: () => use,
    ready: () => ready && !dead,
  };
}

function serve(): void {
  const port = parentPort;
  if (port && !isMainThread && (workerData as Record<string, unknown> | undefined)?.[CHUNK_FLAG]) {
    const { maxFileSize, claims } = workerData as { maxFileSize: number; claims: SharedArrayBuffer };
    const shared = new ChunkClaims(claims);
    // Loaded: chunks may come (until now the other thread read every file itself).
    port.postMessage({ ready: true });
    port.on('message', (chunk: Chunk) => {
      const results = takeChunk(shared, chunk, maxFileSize);
      port.postMessage(
        { id: chunk.id, results: results ?? null },
        results ? [results.stats.buffer as ArrayBuffer] : [],
      );
    });
    return;
  }
  if (port) {
    void run(workerData as FolderScanRequest, (m) => port.postMessage(m), false);
    return;
  }
  const send = process.send?.bind(process);
  if (!send || process.env[CHILD_FLAG] !== '1') return;
  const readyMs = process.uptime() * 1000;
  // A process started ahead leaves when no scan takes it (disconnecting ends it: nothing else keeps it alive).
  const idleMs = Number(process.env[IDLE_FLAG]);
  const idle = idleMs > 0 ? setTimeout(() => process.disconnect(), idleMs) : undefined;
  process.once('message', (req: FolderScanRequest) => {
    clearTimeout(idle);
    let written: Promise<void> = Promise.resolve();
    const post = (m: WorkerMessage) => {
      written = new Promise((resolve) => send(m, undefined, {}, () => resolve()));
    };
    // Once the results are saved and the last message is written, the process disconnects: it then exits and frees
    // everything.
    void run(req, post, true, readyMs)
      .then(() => written)
      .then(() => process.disconnect());
  });
}

serve();
