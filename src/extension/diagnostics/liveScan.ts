// The live re-scan's worker thread (dist/liveScanWorker.js), owned by the DiagnosticsManager (created in
// createServices): a typing pause's scan and the facts of its findings run there, not on the extension host's main
// thread. The worker keeps a copy of each document it scanned, kept in step by the editor's edits (sent with the
// next scan request), so a pause posts a version number and its edits, not the text; the text is sent when the
// worker has no copy at that version (first scan, after a restart). Started on first use and ended after a minute without requests (its copies go with it).
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

/** What the worker holds of a document: its copy at `sent`, and the edits to `version` not posted yet. */
interface Copy {
  sent: number;
  version: number;
  pending: TextEdit[];
  /** The length of the copy with the pending edits. */
  length: number;
}

/** What the scanner needs of a worker thread (a fake one in the unit tests that check the copy against the text). */
export interface LiveWorker {
  postMessage(m: LiveRequest): void;
  on(event: 'message', listener: (r: LiveReply) => void): unknown;
  on(event: 'error' | 'exit', listener: () => void): unknown;
  ref(): void;
  unref(): void;
  terminate(): unknown;
}

/** Starts the bundled worker, or undefined when its file is missing (a build without it). */
function spawnWorker(file: string): LiveWorker | undefined {
  if (!fs.existsSync(file)) return undefined;
  // A small young generation: the worker's RSS is mostly V8's semi-spaces (the default 16 MB ones: +62 MB over the
  // host with a 10,000-line file held and scanned 11 times, against +47 MB with 4 MB, for the same CPU).
  return new Worker(file, { resourceLimits: { maxYoungGenerationSizeMb: 4 } });
}

/** Edits kept for a document no scan asked for (see edited()). */
const MAX_PENDING = 10_000;

/** The bundled worker (next to dist/main.js). */
const WORKER_FILE = nodePath.join(__dirname, 'liveScanWorker.js');

export class LiveScanner {
  private worker?: LiveWorker;
  /** False once a worker could not start or died: the rest of the session scans on the caller's thread. */
  private usable = true;
  /** Per document what the worker holds of it (only documents it was sent). */
  private readonly copies = new Map<string, Copy>();
  private readonly waiting = new Map<number, (r: LiveReply | undefined) => void>();
  private next = 0;
  private idle?: ReturnType<typeof setTimeout>;
  /** When the worker was last sent something (Date.now()). */
  private lastUsed = 0;

  constructor(
    private readonly file = WORKER_FILE,
    private readonly idleMs = 60_000,
    private readonly spawn: (file: string) => LiveWorker | undefined = spawnWorker,
  ) {}

  /**
   * The document changed to `version` by `edits`: kept for the next scan request when the worker holds the document
   * (posted with it: one message per pause, not one per keystroke).
   */
  edited(key: string, version: number, edits: readonly TextEdit[]): void {
    const copy = this.worker && this.copies.get(key);
    if (!copy) return;
    // Each edit event moves a document one version on, and an event without edits (the dirty state changed) none: any
    // other step means an event this copy did not see, so it is not the text any more (the next scan sends the text).
    if (edits.length === 0 && version === copy.version) return;
    if (edits.length === 0 || version !== copy.version + 1) {
      this.closed(key);
      return;
    }
    copy.version = version;
    for (const e of edits) {
      copy.pending.push(e);
      copy.length += e[2].length - e[1];
    }
    // Edits with no scan to carry them (the document went over the size limit, or out of the live scan): the copy
    // goes, and the next scan sends the text.
    if (copy.pending.length > MAX_PENDING) this.closed(key);
  }

  /** The document closed: the worker drops its copy. */
  closed(key: string): void {
    if (this.copies.delete(key)) this.post({ kind: 'close', key });
  }

  /**
   * The length of the worker's copy of `key` (with the edits not sent yet) when it is at `version`, else undefined:
   * the document's length without asking the host for it (TextDocument offsets rebuild their line index after each
   * edit, ~0.1 ms on 10,000 lines).
   */
  lengthAt(key: string, version: number): number | undefined {
    const copy = this.copies.get(key);
    return copy?.version === version ? copy.length : undefined;
  }

  /** Scans `doc` at its current version in the worker; undefined when no worker can run or it failed. */
  async scan(doc: LiveDocument, path: string, languageId: string, digest?: string): Promise<LiveResult | undefined> {
    const worker = this.start();
    if (!worker) return undefined;
    for (let attempt = 0; attempt < 2; attempt++) {
      let copy = this.copies.get(doc.key);
      if (copy?.version !== doc.version) {
        const text = doc.getText();
        copy = { sent: doc.version, version: doc.version, pending: [], length: text.length };
        this.copies.set(doc.key, copy);
        this.post({ kind: 'open', key: doc.key, version: doc.version, text });
      }
      const edits = copy.pending.length ? { base: copy.sent, edits: copy.pending } : undefined;
      copy.sent = copy.version;
      copy.pending = [];
      const reply = await this.ask(doc, path, languageId, digest, edits);
      if (!reply || reply.kind === 'error') return undefined;
      if (reply.kind !== 'stale') return reply;
      this.copies.delete(doc.key); // its copy is not at that version: send the text once more
    }
    return undefined;
  }

  /** True while a worker runs (tests). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  private ask(
    doc: LiveDocument,
    path: string,
    languageId: string,
    digest?: string,
    edits?: { base: number; edits: readonly TextEdit[] },
  ): Promise<LiveReply | undefined> {
    const id = this.next++;
    // Held open only while an answer is awaited: an idle worker never keeps a process alive (the CLI, tests).
    this.worker?.ref();
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.post({
        kind: 'scan',
        id,
        key: doc.key,
        version: doc.version,
        path,
        languageId,
        digest,
        ...(edits ? { edits } : {}),
      });
    });
  }

  private post(m: LiveRequest): void {
    this.worker?.postMessage(m);
    this.restartIdle();
  }

  private start(): LiveWorker | undefined {
    if (this.worker || !this.usable) return this.worker;
    const worker = this.spawn(this.file);
    if (!worker) {
      this.usable = false;
      return undefined;
    }
    worker.unref();
    worker.on('message', (r: LiveReply) => {
      this.lastUsed = Date.now(); // idle from the last answer on, however long the scan took
      const resolve = this.waiting.get(r.id);
      this.waiting.delete(r.id);
      if (this.waiting.size === 0) worker.unref();
      resolve?.(r);
    });
    const gone = () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.copies.clear();
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

  /**
   * Keeps the worker for idleMs after its last request or answer: one timer, re-armed when it fires early rather than replaced
   * on every message (a pause then costs a clock read, not a timer list update).
   */
  private restartIdle(): void {
    this.lastUsed = Date.now();
    if (!this.idle) this.armIdle(this.idleMs);
  }

  private armIdle(ms: number): void {
    this.idle = setTimeout(() => {
      this.idle = undefined;
      const left = this.lastUsed + this.idleMs - Date.now();
      // An answer awaited is not idle; else the time left since the last request or answer, or the end.
      if (this.waiting.size) this.armIdle(this.idleMs);
      else if (left > 0) this.armIdle(left);
      else this.stop();
    }, ms);
    this.idle.unref?.();
  }

  /** Ends the worker (its copies go with it); the next scan starts another. */
  stop(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = undefined;
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    this.copies.clear();
    for (const resolve of this.waiting.values()) resolve(undefined);
    this.waiting.clear();
    void worker.terminate();
  }

  dispose(): void {
    this.stop();
  }
}
