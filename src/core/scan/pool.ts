// Spreads file scanning over worker threads when it pays off (many files, more than one core, running from the
// bundle). Workers re-load the same bundle file; `serveIfWorker` below turns such a load into a scan server.
import * as os from 'os';
import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import { FileOutcome, scanOne, ScanTarget, scanTargets } from './files';
import { ScanOptions } from './index';

const WORKER_FLAG = 'tlsDoctorScanWorker';
/** Below this many files, thread start-up costs more than it saves (measured on 2 cores: this repository's 550
 * files take 0.16 s on one thread, 0.21 s on two; the 24,781-file bench tree 1.21 s vs 1.05 s). */
const MIN_FILES_FOR_WORKERS = 2000;
const CHUNK = 128;

interface Job {
  readonly id: number;
  readonly targets: readonly ScanTarget[];
}

/**
 * Starts the worker threads of a coming `scanInParallel` now, so that they load the bundle while the caller is still
 * listing files (a worker needs ~50 ms to start: on 2 cores that is otherwise time the second core waits). Call it
 * once the listing has reached `MIN_FILES_FOR_WORKERS` files; returns no workers when the scan would not use them.
 */
export function startWorkers(opts: ScanOptions = {}, threads = defaultThreads()): Worker[] {
  const bundle = __filename;
  if (threads < 2 || !bundle.endsWith('.js')) return [];
  return Array.from({ length: threads - 1 }, () => {
    const w = new Worker(`require(${JSON.stringify(bundle)})`, {
      eval: true,
      workerData: { [WORKER_FLAG]: true, opts },
    });
    // Until scanInParallel listens (a worker it does not need is ended unheard), a failed start must not throw.
    w.on('error', () => undefined);
    return w;
  });
}

/** True when a scan of `files` files is worth worker threads (see MIN_FILES_FOR_WORKERS). */
export function workersPayOff(files: number): boolean {
  return files >= MIN_FILES_FOR_WORKERS;
}

/**
 * Scans targets, in parallel when worthwhile; the outcome order matches `targets`. `started` are workers from
 * `startWorkers` (with the same `opts`): they are used, and ended, whatever the scan decides.
 */
export async function scanInParallel(
  targets: readonly ScanTarget[],
  opts: ScanOptions = {},
  threads = defaultThreads(),
  started: readonly Worker[] = [],
): Promise<FileOutcome[]> {
  const bundle = __filename;
  if (threads < 2 || !workersPayOff(targets.length) || !bundle.endsWith('.js')) {
    for (const w of started) void w.terminate();
    return scanTargets(targets, opts);
  }
  const chunks: Job[] = [];
  for (let i = 0; i < targets.length; i += CHUNK) {
    chunks.push({ id: chunks.length, targets: targets.slice(i, i + CHUNK) });
  }
  const wanted = Math.min(threads - 1, chunks.length);
  const workers = started.slice(0, wanted);
  for (const w of started.slice(wanted)) void w.terminate();
  if (workers.length < wanted) workers.push(...startWorkers(opts, wanted - workers.length + 1));
  const results: FileOutcome[][] = new Array(chunks.length);
  let next = 0;
  const runWorker = (w: Worker) =>
    new Promise<void>((resolve, reject) => {
      const feed = () =>
        next < chunks.length ? w.postMessage(chunks[next++]) : void w.terminate().then(() => resolve());
      w.on('message', (m: { id: number; outcomes: FileOutcome[] }) => {
        results[m.id] = m.outcomes;
        feed();
      });
      w.on('error', reject);
      feed();
    });
  // The main thread scans too (workers need ~50 ms to load the bundle), yielding between chunks so replies flow.
  const runMain = async () => {
    while (next < chunks.length) {
      const job = chunks[next++];
      results[job.id] = job.targets.map((t) => scanOne(t, opts));
      await new Promise((r) => setImmediate(r));
    }
  };
  await Promise.all([runMain(), ...workers.map(runWorker)]);
  return results.flat();
}

function defaultThreads(): number {
  const env = Number(process.env.TLS_DOCTOR_SCAN_THREADS);
  if (Number.isInteger(env) && env > 0) return env;
  // Measured on 2 cores (bench/scan.bench.mjs, 280 MB tree, quiet machine): 1 thread 1.21 s, 2 threads 1.05 s (the
  // prefilters are CPU now that files are read as latin1 views; a worker loads the bundle in ~80 ms, which is why
  // fewer than MIN_FILES_FOR_WORKERS files stay on one thread). Up to 4 threads; TLS_DOCTOR_SCAN_THREADS overrides.
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(4, cores));
}

/** In a worker started by `scanInParallel`: answer each job with its outcomes. */
function serveIfWorker(): void {
  if (isMainThread || !parentPort || !(workerData as Record<string, unknown> | undefined)?.[WORKER_FLAG]) return;
  const opts = (workerData as { opts: ScanOptions }).opts;
  const port = parentPort;
  port.on('message', (job: Job) =>
    port.postMessage({ id: job.id, outcomes: job.targets.map((t) => scanOne(t, opts)) }),
  );
}

serveIfWorker();
