// The live re-scan's worker thread (dist/liveScanWorker.js), owned by the DiagnosticsManager (created in
// createServices): a typing pause's scan and the facts of its findings run there, not on the extension host's main
// thread. The worker keeps a copy of each document it scanned, kept in step by forwarding the editor's edits, so a
// pause posts a version number, not the text; the text is sent when the worker has no copy at that version (first
// scan, after a restart). Started on first use and ended after a minute without requests (its copies go with it).
// Undefined from scan(): no worker could run, the caller scans on its own thread.
import * as fs from 'fs';
import * as nodePath from 'path';
import { Worker } from 'worker_threads';
import type { LiveReply, LiveRequest } from './liveScanWorker';
import type { TextEdit } from './liveText';

/** What the scanner needs of a document. */
export interface LiveDocument {
  /** Its Uri string. */
  readonly key: string;
  readonly version: number;
  getText(): string;
}

/** The answer to a scan: the same findings and facts as `digest`, or new ones. */
export type LiveResult = Exclude<LiveReply, { kind: 'stale' } | { kind: 'error' }>;

/** The bundled worker (next to dist/main.js). */
const WORKER_FILE = nodePath.join(__dirname, 'liveScanWorker.js');

export class LiveScanner {
  private worker?: Worker;
  /** False once a worker could not start or died: the rest of the session scans on the caller's thread. */
  private usable = true;
  /** Per document the version the worker's copy is at (every edit since has been forwarded). */
  private readonly synced = new Map<string, number>();
  private readonly waiting = new Map<number, (r: LiveReply | undefined) => void>();
  private next = 0;
  private idle?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly file = WORKER_FILE,
    private readonly idleMs = 60_000,
  ) {}

  /** The document changed to `version` by `edits`: forwarded when the worker holds the document. */
  edited(key: string, version: number, edits: readonly TextEdit[]): void {
    if (!this.worker || !this.synced.has(key)) return;
    this.synced.set(key, version);
    if (edits.length) this.post({ kind: 'edit', key, version, edits });
  }

  /** The document closed: the worker drops its copy. */
  closed(key: string): void {
    if (this.synced.delete(key)) this.post({ kind: 'close', key });
  }

  /** Scans `doc` at its current version in the worker; undefined when no worker can run or it failed. */
  async scan(doc: LiveDocument, path: string, languageId: string, digest?: string): Promise<LiveResult | undefined> {
    const worker = this.start();
    if (!worker) return undefined;
    for (let attempt = 0; attempt < 2; attempt++) {
      if (this.synced.get(doc.key) !== doc.version) {
        this.synced.set(doc.key, doc.version);
        this.post({ kind: 'open', key: doc.key, version: doc.version, text: doc.getText() });
      }
      const reply = await this.ask(doc, path, languageId, digest);
      if (!reply || reply.kind === 'error') return undefined;
      if (reply.kind !== 'stale') return reply;
      this.synced.delete(doc.key); // its copy is not at that version: send the text once more
    }
    return undefined;
  }

  /** True while a worker runs (tests). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  private ask(doc: LiveDocument, path: string, languageId: string, digest?: string): Promise<LiveReply | undefined> {
    const id = this.next++;
    // Held open only while an answer is awaited: an idle worker never keeps a process alive (the CLI, tests).
    this.worker?.ref();
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.post({ kind: 'scan', id, key: doc.key, version: doc.version, path, languageId, digest });
    });
  }

  private post(m: LiveRequest): void {
    this.worker?.postMessage(m);
    this.restartIdle();
  }

  private start(): Worker | undefined {
    if (this.worker || !this.usable) return this.worker;
    if (!fs.existsSync(this.file)) {
      this.usable = false;
      return undefined;
    }
    const worker = new Worker(this.file);
    worker.unref();
    worker.on('message', (r: LiveReply) => {
      const resolve = this.waiting.get(r.id);
      this.waiting.delete(r.id);
      if (this.waiting.size === 0) worker.unref();
      resolve?.(r);
    });
    const gone = () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.synced.clear();
      for (const resolve of this.waiting.values()) resolve(undefined);
      this.waiting.clear();
    };
    worker.on('error', () => {
      this.usable = false;
      gone();
    });
    worker.on('exit', gone);
    this.worker = worker;
    return worker;
  }

  private restartIdle(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => this.stop(), this.idleMs);
    this.idle.unref?.();
  }

  /** Ends the worker (its copies go with it); the next scan starts another. */
  stop(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = undefined;
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    this.synced.clear();
    for (const resolve of this.waiting.values()) resolve(undefined);
    this.waiting.clear();
    void worker.terminate();
  }

  dispose(): void {
    this.stop();
  }
}
