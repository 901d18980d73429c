// Spreads file scanning over worker threads when it pays off (many files, more than one core, running from the
// bundle). Workers re-load the same bundle file; `serveIfWorker` below turns such a load into a scan server.
// A `ScanPool` takes targets while they are being listed: once there are enough of them it starts the workers, and
// hands them chunks during the (synchronous) walk, so the other cores scan while this thread still lists folders.
import * as os from 'os';
import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import { FileOutcome, scanOne, ScanTarget, scanTargets } from './files';
import { ScanOptions } from './index';

const WORKER_FLAG = 'tlsDoctorScanWorker';
/** Below this many files, thread start-up costs more than it saves (measured on 2 cores: this repository's 550
 * files take 0.16 s on one thread, 0.21 s on two; the 24,781-file bench tree 1.21 s vs 1.05 s). */
const MIN_FILES_FOR_WORKERS = 2000;
const CHUNK = 128;
/** Chunks a worker may have queued during the walk (the walk cannot hear replies: it reads a shared counter), and
 * has in hand after it: this thread hears a reply only between its own chunks, so a worker given one chunk at a time
 * would wait for the next while this thread scans. */
const QUEUED_WHILE_WALKING = 2;

interface Job {
  readonly id: number;
  readonly targets: readonly ScanTarget[];
}

interface Helper {
  readonly worker: Worker;
  /** Jobs this worker has finished, counted by the worker itself (readable while this thread is busy). */
  readonly done: Int32Array;
  posted: number;
  /** Replies received: a worker is ended only when it has answered every job (`done` runs ahead of them). */
  replied: number;
}

/**
 * Scans targets given one by one (`add`), in parallel when worthwhile; `finish` resolves to the outcomes in the order
 * the targets were added. Example: `const pool = new ScanPool(); for (…) pool.add(t); await pool.finish()`.
 */
export class ScanPool {
  private readonly targets: ScanTarget[] = [];
  private readonly chunks: Job[] = [];
  private readonly helpers: Helper[] = [];
  /** Chunks handed out (to a worker or to this thread). */
  private next = 0;
  /** Targets already cut into chunks (chunks cover targets [0, chunked)). */
  private chunked = 0;

  constructor(
    private readonly opts: ScanOptions = {},
    private readonly threads = defaultThreads(),
  ) {}

  /** Adds a target; starts the workers once there are enough, and feeds idle ones between files of the walk. */
  add(target: ScanTarget): void {
    this.targets.push(target);
    const n = this.targets.length;
    if (n === MIN_FILES_FOR_WORKERS) this.start();
    if (this.helpers.length === 0 || n - this.chunked < CHUNK) return;
    this.cut(n - ((n - this.chunked) % CHUNK));
    for (const h of this.helpers) {
      if (this.next < this.chunks.length && h.posted - Atomics.load(h.done, 0) < QUEUED_WHILE_WALKING) this.post(h);
    }
  }

  /** Scans what is left (this thread too, yielding between chunks so replies flow) and ends the workers. */
  async finish(): Promise<FileOutcome[]> {
    if (this.helpers.length === 0) return scanTargets(this.targets, this.opts);
    this.cut(this.targets.length);
    this.taper();
    const results: FileOutcome[][] = new Array(this.chunks.length);
    const serve = (h: Helper) =>
      new Promise<void>((resolve, reject) => {
        const settle = () => {
          while (this.next < this.chunks.length && h.posted - h.replied < QUEUED_WHILE_WALKING) this.post(h);
          if (h.posted === h.replied) void h.worker.terminate().then(() => resolve());
        };
        h.worker.on('message', (m: { id: number; outcomes: FileOutcome[] }) => {
          results[m.id] = m.outcomes;
          h.replied++;
          settle();
        });
        h.worker.on('error', reject);
        settle(); // topped up to QUEUED_WHILE_WALKING chunks; later ones go with the replies
      });
    const runMain = async () => {
      while (this.next < this.chunks.length) {
        const job = this.chunks[this.next++];
        results[job.id] = job.targets.map((t) => scanOne(t, this.opts));
        await new Promise((r) => setImmediate(r));
      }
    };
    await Promise.all([runMain(), ...this.helpers.map(serve)]);
    return results.flat();
  }

  private start(): void {
    const bundle = __filename;
    if (this.threads < 2 || !bundle.endsWith('.js')) return;
    for (let i = 1; i < this.threads; i++) {
      const done = new Int32Array(new SharedArrayBuffer(4));
      const worker = new Worker(`require(${JSON.stringify(bundle)})`, {
        eval: true,
        workerData: { [WORKER_FLAG]: true, opts: this.opts, done },
      });
      // Until finish() listens, a failed start must not throw from an unheard 'error' event; finish() rejects then.
      worker.on('error', () => undefined);
      this.helpers.push({ worker, done, posted: 0, replied: 0 });
    }
  }

  /**
   * Re-cuts the chunks not handed out yet so that the last ones are smaller (a quarter of what is left per thread
   * pair, down to CHUNK / 8): the thread that runs out first then waits for a small chunk of another's, not a whole
   * one. Outcomes keep their order: chunk ids still follow the targets.
   */
  private taper(): void {
    const rest = this.chunks.splice(this.next).flatMap((c) => c.targets);
    const threads = this.helpers.length + 1;
    for (let i = 0; i < rest.length;) {
      const left = rest.length - i;
      const size = left > CHUNK * threads * 2 ? CHUNK : Math.max(CHUNK / 8, Math.ceil(left / (threads * 2)));
      this.chunks.push({ id: this.chunks.length, targets: rest.slice(i, i + size) });
      i += size;
    }
  }

  /** Cuts targets [chunked, end) into chunks of CHUNK (the last one shorter when `end` is the end). */
  private cut(end: number): void {
    for (; this.chunked < end; this.chunked += CHUNK) {
      const to = Math.min(end, this.chunked + CHUNK);
      this.chunks.push({ id: this.chunks.length, targets: this.targets.slice(this.chunked, to) });
    }
  }

  private post(h: Helper): void {
    h.posted++;
    h.worker.postMessage(this.chunks[this.next++]);
  }
}

/** Scans targets, in parallel when worthwhile; the outcome order matches `targets`. */
export async function scanInParallel(
  targets: readonly ScanTarget[],
  opts: ScanOptions = {},
  threads = defaultThreads(),
): Promise<FileOutcome[]> {
  const pool = new ScanPool(opts, threads);
  for (const t of targets) pool.add(t);
  return pool.finish();
}

function defaultThreads(): number {
  const env = Number(process.env.TLS_DOCTOR_SCAN_THREADS);
  if (Number.isInteger(env) && env > 0) return env;
  // Measured on 2 cores (bench/scan.bench.mjs, 280 MB tree, quiet machine): 1 thread 1.21 s, 2 threads 1.05 s (the
  // prefilters are CPU now that files are read as latin1 views; a worker loads the bundle in ~50 ms, which is why
  // fewer than MIN_FILES_FOR_WORKERS files stay on one thread). Up to 4 threads; TLS_DOCTOR_SCAN_THREADS overrides.
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(4, cores));
}

/** In a worker started by a ScanPool: answer each job with its outcomes, counting it done first. */
function serveIfWorker(): void {
  if (isMainThread || !parentPort || !(workerData as Record<string, unknown> | undefined)?.[WORKER_FLAG]) return;
  const { opts, done } = workerData as { opts: ScanOptions; done: Int32Array };
  const port = parentPort;
  port.on('message', (job: Job) => {
    const outcomes = job.targets.map((t) => scanOne(t, opts));
    Atomics.add(done, 0, 1);
    port.postMessage({ id: job.id, outcomes });
  });
}

serveIfWorker();
