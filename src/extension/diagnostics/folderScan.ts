// The workspace scan of one local folder, as the scan worker runs it: lists files (the CLI's walker, with the
// editor's exclude patterns) and scans each as soon as it is listed, so the first findings arrive while the tree is
// still being walked. Files whose size and mtime match the persisted results are not read at all. Output goes out in
// time-based batches holding only files with findings (plus files the editor showed findings for before, so they can
// be cleared), skips, and progress counts. Pure apart from file I/O: no vscode, unit-testable.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as nodePath from 'path';
import { allRules } from '../../core/rules/registry';
import type { Finding } from '../../core/rules/types';
import { isScannable, mayHaveFindings } from '../../core/scan/index';
import { DEFAULT_EXCLUDES, readBytesForScan, SkipReason, walkFiles } from '../../core/scan/walk';
import { factsDigest, FindingFacts, scanWithFacts } from '../findingFacts';
import { Batcher } from './batcher';
import { CachedOutcome, CLEAN, ScanCache } from './scanCache';

/** What the extension host asks the worker to scan. Plain data (it crosses the thread boundary). */
export interface FolderScanRequest {
  /** The workspace folder, as a local path. */
  readonly root: string;
  /** Exclude patterns relative to the folder (built-in folders, files.exclude, tlsDoctor.scan.exclude). */
  readonly excludes: readonly string[];
  /** Bytes; larger files are skipped as too large (tlsDoctor.scan.maxFileSizeKB). */
  readonly maxFileSize: number;
  /** Folder-relative paths the editor currently shows disk findings for: reported even when clean now. */
  readonly known: readonly string[];
  /** Where the folder's results persist between sessions; undefined: not persisted. */
  readonly cacheFile?: string;
  /** Everything outside the rules that changes per-file results (extension version, settings). */
  readonly cacheKey: string;
  readonly flushMs?: number;
}

/** A file with findings (raw: suppressions applied, severities not), or a known file that has none any more. */
export interface ScannedFile {
  /** Folder-relative, forward slashes. */
  readonly rel: string;
  readonly findings: readonly Finding[];
  readonly facts: readonly (readonly [string, FindingFacts])[];
  /** Identity of findings + facts: the editor leaves a file alone when it already shows exactly these. */
  readonly digest: string;
}

export interface SkippedFile {
  readonly rel: string;
  readonly reason: SkipReason;
  readonly detail: string;
}

/** One message to the extension host. Counts are running totals. */
export interface ScanBatch {
  readonly files: readonly ScannedFile[];
  readonly skipped: readonly SkippedFile[];
  readonly scanned: number;
  readonly listed: number;
}

/** What a folder's scan found, before its results are persisted (see `scanFolder`'s `onScanned`). */
export type ScannedTotals = Omit<FolderScanTotals, 'saved'>;

/** What the whole folder took. */
export interface FolderScanTotals {
  readonly listed: number;
  /** Files scanned (read now or taken from the persisted results). */
  readonly scanned: number;
  /** Files actually read from disk (the rest came from the persisted results). */
  readonly read: number;
  readonly skipped: number;
  /** Entries in the persisted results when the scan started (0: none, or invalidated). */
  readonly cached: number;
  readonly saved: boolean;
  readonly durationMs: number;
}

/** Identity of the rule set this code scans with: changing rules (or the bundle that holds them) drops old results. */
export function rulesetId(): string {
  const h = createHash('sha1').update(
    allRules()
      .map((r) => r.id)
      .join(','),
  );
  if (__filename.endsWith('.js')) {
    try {
      const st = fs.statSync(__filename);
      h.update(`|${st.size}|${st.mtimeMs}`);
    } catch {
      // no identity for the bundle: the rule ids alone
    }
  }
  return h.digest('hex').slice(0, 16);
}

type Item = { readonly file: ScannedFile } | { readonly skip: SkippedFile };

/**
 * Scans the folder synchronously (the worker's whole job), calling `onBatch` as results come; see the file comment.
 * `onScanned` hears the totals once the last batch is out, before the results are persisted (the worker reports the
 * end of the scan then, and writes the file after).
 */
export function scanFolder(
  req: FolderScanRequest,
  onBatch: (b: ScanBatch) => void,
  now: () => number = Date.now,
  onScanned?: (totals: ScannedTotals) => void,
): FolderScanTotals {
  const run = folderRun(req, onBatch, now, onScanned);
  const { cache, counts, emit } = run;
  for (const { full, rel } of listing(req)) {
    counts.listed++;
    emit(rel, outcomeOf(full, rel, req.maxFileSize, cache, counts));
  }
  return run.finish();
}

/** What both folder scans set up (persisted results, counts, batches) and how they end (flush, save, totals). */
function folderRun(
  req: FolderScanRequest,
  onBatch: (b: ScanBatch) => void,
  now: () => number,
  onScanned?: (totals: ScannedTotals) => void,
) {
  const started = now();
  const cache = ScanCache.load(req.cacheFile, `${req.cacheKey}|${req.maxFileSize}|${rulesetId()}`);
  const counts = { listed: 0, scanned: 0, read: 0, skipped: 0 };
  const batcher = batcherFor(onBatch, counts, req.flushMs, now);
  const emit = emitter(batcher, new Set(req.known), counts);
  const finish = (): FolderScanTotals => {
    batcher.flush();
    const scanned: ScannedTotals = { ...counts, cached: cache.size, durationMs: now() - started };
    onScanned?.(scanned);
    return { ...scanned, saved: cache.save(req.cacheFile) };
  };
  return { cache, counts, emit, finish };
}

/**
 * A helper thread for `scanFolderParallel`: `run` hands it a chunk; it resolves with the chunk's results, or with
 * undefined when this thread had claimed the chunk first (see `ChunkClaims`); it rejects when the thread failed.
 */
export interface ChunkHelper {
  run(chunk: Chunk): Promise<ChunkReply | undefined>;
  close(): void;
  /**
   * False while the thread is still starting (it loads the bundle: 30-100 ms, more on a busy machine): the first files
   * of the walk (the first findings) are then read by this thread instead of waiting in its queue for its start-up
   * (see HEAD). Absent: ready at once.
   */
  ready?(): boolean;
}

/** Files to read, numbered in the order they were handed out (plain data: it crosses the thread boundary). */
export interface Chunk {
  readonly id: number;
  readonly items: readonly ChunkItem[];
}

/** A file a helper thread reads and scans (plain data: it crosses the thread boundary). */
export interface ChunkItem {
  readonly full: string;
  readonly rel: string;
}

/** What a helper thread found in one file, with the stats of the opened file (absent when it could not be opened). */
export interface ChunkResult {
  readonly rel: string;
  readonly outcome: CachedOutcome;
  readonly size?: number;
  readonly mtimeMs?: number;
}

/**
 * A chunk's results as the helper sends them back: per item, in order, its outcome (null: clean, most files) and the
 * opened file's size and mtime at 2i and 2i + 1 (NaN: not opened). Few objects cross the thread boundary: the paths
 * are this thread's own, and a clean file costs two numbers.
 */
export interface ChunkReply {
  readonly outcomes: readonly (CachedOutcome | null)[];
  readonly stats: Float64Array;
}

/** Packs a chunk's results for the way back (see ChunkReply). */
function packReply(results: readonly ChunkResult[]): ChunkReply {
  const stats = new Float64Array(2 * results.length);
  const outcomes = results.map((r, i) => {
    stats[2 * i] = r.size ?? NaN;
    stats[2 * i + 1] = r.mtimeMs ?? NaN;
    return r.outcome.kind === 'clean' ? null : r.outcome;
  });
  return { outcomes, stats };
}

/** The results of `chunk` from its reply. */
function unpackReply(chunk: Chunk, reply: ChunkReply): ChunkResult[] {
  return chunk.items.map(({ rel }, i) => {
    const outcome = reply.outcomes[i] ?? CLEAN;
    const size = reply.stats[2 * i];
    return Number.isNaN(size) ? { rel, outcome } : { rel, outcome, size, mtimeMs: reply.stats[2 * i + 1] };
  });
}

/**
 * Who reads each chunk, shared by the two threads (a SharedArrayBuffer): slot 0 is the id of the next chunk the
 * helper will look at (so this thread knows its backlog without waiting for replies), slot 1 + id is 1 once a thread
 * claimed chunk `id`. The helper claims from the front as chunks arrive; at the end of the walk this thread claims
 * what is left from the back, so both finish together instead of one waiting for the other's queue.
 */
export class ChunkClaims {
  readonly slots: Int32Array;

  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(4 * (1 + MAX_CHUNKS))) {
    this.slots = new Int32Array(buffer);
  }

  get buffer(): SharedArrayBuffer {
    return this.slots.buffer as SharedArrayBuffer;
  }

  /** The helper's side: takes chunk `id` unless this thread has (true: the caller reads it). */
  take(id: number): boolean {
    Atomics.store(this.slots, 0, id + 1);
    return this.claim(id);
  }

  /** True when the caller got chunk `id` (no other thread has it). */
  claim(id: number): boolean {
    return Atomics.compareExchange(this.slots, 1 + id, 0, 1) === 0;
  }

  /** Chunks handed out that the helper has not looked at yet. */
  backlog(handedOut: number): number {
    return handedOut - Atomics.load(this.slots, 0);
  }
}

/** The helper thread's job: the chunk's results, or undefined when the other thread claimed it first. */
export function takeChunk(claims: ChunkClaims, chunk: Chunk, maxFileSize: number): ChunkReply | undefined {
  return claims.take(chunk.id) ? packReply(scanChunk(chunk.items, maxFileSize)) : undefined;
}

/** Files per chunk: small enough that the last ones split evenly between the threads. */
const CHUNK = 32;
/** Chunks the helper may have waiting during the walk: enough to keep it busy while this thread reads a big file,
 * lists a big folder or is not scheduled at all (on a busy machine; 4 left the helper idle a tenth of the scan). A
 * long backlog costs no wait at the end: this thread claims back whatever the helper has not started. */
const BACKLOG = 16;
/**
 * While the helper is still starting: the first HEAD files are read here (the first findings do not wait for its
 * start-up in its queue), then at most PRE_READY chunks wait for it, so it has work the moment it is ready (this
 * thread hears that only when it yields, which a big file can delay).
 */
const HEAD = 64;
const PRE_READY = 2;

/** How many chunks the helper may have waiting now (see BACKLOG, HEAD). */
function backlogFor(helper: ChunkHelper, toRead: number): number {
  if (helper.ready?.() ?? true) return BACKLOG;
  return toRead > HEAD ? PRE_READY : 0;
}
/** Chunks a scan can hand out (the claims' size); files past that are read by this thread. 4 MB of claims. */
const MAX_CHUNKS = 1 << 20;
/** Files to read before a helper thread is started when results were persisted (a re-scan reads what changed):
 * below this the thread's start-up (it loads the bundle) costs more than it saves. A first scan starts it at once:
 * its start-up then overlaps this thread's first files, on the other core. */
const FILES_BEFORE_HELPER = 400;
/** The longest wait between two batches of findings (see Batcher). */
const MAX_FLUSH_MS = 400;
/** How often the walk yields to the event loop so the helper's replies are heard (and batches go out). */
const YIELD_MS = 4;

/**
 * `scanFolder` with a second thread: the walk, the persisted-results lookups and the batches stay here, while files
 * to read go in chunks to `startHelper()`'s thread as long as it has fewer than BACKLOG waiting, and are read here
 * otherwise (so neither core idles: on 2 cores this halves the cold scan's reading and scanning). The helper's
 * backlog is read from the shared claims, not from its replies, which are heard when the walk yields (every few ms).
 * When the walk ends, this thread claims the chunks the helper has not started, newest first, while the helper goes
 * on from the oldest. A helper that fails leaves its files to this thread: the results are the same either way (a
 * test compares them).
 */
export async function scanFolderParallel(
  req: FolderScanRequest,
  onBatch: (b: ScanBatch) => void,
  startHelper: (claims: ChunkClaims) => ChunkHelper,
  now: () => number = Date.now,
  onScanned?: (totals: ScannedTotals) => void,
): Promise<FolderScanTotals> {
  const run = folderRun(req, onBatch, now, onScanned);
  const { cache, counts, emit } = run;
  const keep = (r: ChunkResult) => {
    if (r.size !== undefined && r.mtimeMs !== undefined && keepable(r.outcome)) {
      cache.keep(r.rel, r.size, r.mtimeMs, r.outcome);
    }
    emit(r.rel, r.outcome);
  };
  const claims = new ChunkClaims();
  let helper: ChunkHelper | undefined;
  let toRead = 0;
  const chunks: Chunk[] = [];
  let items: ChunkItem[] = [];
  const replies: Promise<void>[] = [];
  /** Chunks this thread read after handing them out (claimed at the end, or left by a failed helper). */
  const readHereIds = new Set<number>();
  const readHere = (chunk: Chunk) => {
    readHereIds.add(chunk.id);
    for (const r of scanChunk(chunk.items, req.maxFileSize)) keep(r);
  };
  const handOut = () => {
    const chunk: Chunk = { id: chunks.length, items };
    items = [];
    chunks.push(chunk);
    counts.read += chunk.items.length;
    const asked = helper ? helper.run(chunk) : Promise.reject(new Error('no helper'));
    replies.push(
      asked.then(
        // undefined: this thread claimed it and read it
        (reply) => reply && unpackReply(chunk, reply).forEach(keep),
        () => {
          // The helper failed: this thread reads what it did not answer (claimed by it or not), once.
          claims.claim(chunk.id);
          if (!readHereIds.has(chunk.id)) readHere(chunk);
        },
      ),
    );
  };
  try {
    let lastYield = now();
    for (const { full, rel } of listing(req)) {
      counts.listed++;
      if (cache.has(rel)) {
        const hit = cachedOutcome(full, rel, cache);
        if (hit) {
          emit(rel, hit);
          continue;
        }
      }
      // Nothing persisted (a first scan): every file will be read, so the helper starts with the first one.
      if ((++toRead === FILES_BEFORE_HELPER || cache.size === 0) && !helper) helper = startHelper(claims);
      if (helper && chunks.length < MAX_CHUNKS && claims.backlog(chunks.length) < backlogFor(helper, toRead)) {
        items.push({ full, rel });
        if (items.length === CHUNK) handOut();
      } else {
        counts.read++;
        keep(scanChunk([{ full, rel }], req.maxFileSize)[0]);
      }
      if (now() - lastYield >= YIELD_MS) {
        await new Promise((r) => setImmediate(r));
        lastYield = now();
      }
    }
    if (items.length) handOut();
    // The end of the walk: whatever the helper has not started is read here, newest first, yielding between chunks
    // so the helper's replies keep flowing into batches.
    for (let id = chunks.length - 1; id >= 0 && claims.backlog(chunks.length) > 0; id--) {
      // Taken already: by the helper, which has then looked at every older one (a failed helper's go back to this
      // thread through their rejected replies).
      if (!claims.claim(chunks[id].id)) break;
      readHere(chunks[id]);
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(replies);
  } finally {
    helper?.close();
  }
  return run.finish();
}

/** Reads and scans files (a helper thread's job, or this thread's when the helper failed). */
export function scanChunk(items: readonly ChunkItem[], maxFileSize: number): ChunkResult[] {
  return items.map(({ full, rel }) => {
    let st: fs.Stats | undefined;
    const outcome = readOutcome(full, rel, maxFileSize, (s) => (st = s));
    return st ? { rel, outcome, size: st.size, mtimeMs: st.mtimeMs } : { rel, outcome };
  });
}

/** The folder's scannable files, as the walker lists them, with their folder-relative paths. */
function* listing(req: FolderScanRequest): Generator<ChunkItem> {
  const relOf = relativeTo(req.root);
  const walk = walkFiles([req.root], {
    noIgnore: true, // the editor's scan follows files.exclude and tlsDoctor.scan.exclude, not .gitignore
    excludes: walkerExcludes(req.excludes),
    accept: (full) => isScannable(relOf(full)),
  });
  for (const ev of walk) {
    // The walker just asked accept() about this path: relOf answers from its last result.
    if (ev.kind === 'file') yield { full: ev.path, rel: relOf(ev.path) };
  }
}

function batcherFor(
  onBatch: (b: ScanBatch) => void,
  counts: { scanned: number; listed: number },
  flushMs: number | undefined,
  now: () => number,
): Batcher<Item> {
  return new Batcher<Item>(
    (items) =>
      onBatch({
        files: items.flatMap((i) => ('file' in i ? [i.file] : [])),
        skipped: items.flatMap((i) => ('skip' in i ? [i.skip] : [])),
        scanned: counts.scanned,
        listed: counts.listed,
      }),
    flushMs ?? 100,
    now,
    // Batches of findings at most 400 ms apart once the first ones are out (the batcher doubles its interval).
    flushMs ?? MAX_FLUSH_MS,
    // A file's findings (or a known file cleared) is what the editor shows: the first goes out at once, skips wait.
    (i) => 'file' in i,
  );
}

/** Hands one file's outcome to the batcher: findings, a skip, a known file now clean, or just progress. */
function emitter(
  batcher: Batcher<Item>,
  known: ReadonlySet<string>,
  counts: { scanned: number; skipped: number },
): (rel: string, outcome: CachedOutcome) => void {
  return (rel, outcome) => {
    if (outcome.kind === 'skip') {
      counts.skipped++;
      batcher.push({ skip: { rel, reason: outcome.reason, detail: outcome.detail } });
      return;
    }
    counts.scanned++;
    if (outcome.kind === 'findings') {
      batcher.push({ file: { rel, findings: outcome.findings, facts: outcome.facts, digest: outcome.digest } });
    } else if (known.has(rel)) batcher.push({ file: { rel, findings: [], facts: [], digest: NO_FINDINGS } });
    else batcher.tick();
  };
}

/** The editor's patterns for the built-in folders (excludes.ts), which the walker leaves out by name anyway. */
const BUILT_IN = new Set(DEFAULT_EXCLUDES.map((d) => `**/${d}/**`));

/**
 * The patterns the walker matches every path against: the editor's, less those of the built-in folders (the walker
 * never enters a folder of that name, nor follows a folder symlink), which were 20 of the 26 patterns tried on every
 * file and folder: most of a re-scan's matching time.
 */
function walkerExcludes(patterns: readonly string[]): string[] {
  return patterns.filter((p) => !BUILT_IN.has(p)).map((p) => p.replace(/^\.\//, ''));
}

/** The digest of a known file that has no findings any more. */
const NO_FINDINGS = factsDigest([], []);

/**
 * Folder-relative paths (forward slashes) of the walker's paths, which all start with the normalized root: a slice,
 * not path.relative (which resolves both paths; it was a tenth of a re-scan). The last answer is kept, since each
 * path is asked about twice in a row (accept(), then the scan loop).
 */
function relativeTo(root: string): (full: string) => string {
  const base = nodePath.normalize(root);
  const prefix = base.endsWith(nodePath.sep) ? base : base + nodePath.sep;
  const slash = nodePath.sep === '/' ? (p: string) => p : (p: string) => p.split(nodePath.sep).join('/');
  let lastFull = '';
  let lastRel = '';
  return (full) => {
    if (full !== lastFull) {
      lastFull = full;
      lastRel = slash(
        full.startsWith(prefix)
          ? full.slice(prefix.length)
          : nodePath.relative(root, full).split(nodePath.sep).join('/'),
      );
    }
    return lastRel;
  };
}

/** The outcome of one file: from the persisted results when its size and mtime match, else read and scanned. */
function outcomeOf(
  full: string,
  rel: string,
  maxFileSize: number,
  cache: ScanCache,
  counts: { read: number },
): CachedOutcome {
  // A file with an entry is stat'ed to compare; any other (every file of a first scan) is read at once, keyed by the
  // stats of the opened file (one stat fewer per file).
  if (cache.has(rel)) {
    const hit = cachedOutcome(full, rel, cache);
    if (hit) return hit;
  }
  counts.read++;
  let st: fs.Stats | undefined;
  const outcome = readOutcome(full, rel, maxFileSize, (s) => (st = s));
  if (st && keepable(outcome)) cache.keep(rel, st.size, st.mtimeMs, outcome);
  return outcome;
}

/** The persisted outcome when the file's size and mtime still match (kept for the next save), else undefined. */
function cachedOutcome(full: string, rel: string, cache: ScanCache): CachedOutcome | undefined {
  const st = fs.statSync(full, { throwIfNoEntry: false });
  const hit = st && cache.lookup(rel, st.size, st.mtimeMs);
  if (!st || !hit) return undefined;
  cache.keep(rel, st.size, st.mtimeMs, hit);
  return hit;
}

/** Unreadable files are tried again next time (a permission fixed later must not stay hidden). */
function keepable(outcome: CachedOutcome): boolean {
  return outcome.kind !== 'skip' || outcome.reason !== 'unreadable';
}

/** Reads and scans a file; one file's failure is a skip with its reason, never the end of the scan. */
function readOutcome(full: string, rel: string, maxFileSize: number, onStat: (st: fs.Stats) => void): CachedOutcome {
  try {
    // The bytes live in this process's read buffer until the next read: they are tested and decoded before it.
    const read = readBytesForScan(full, maxFileSize, true, onStat);
    if ('skip' in read) return { kind: 'skip', reason: read.skip, detail: read.detail };
    if (!mayHaveFindings(read.bytes, rel)) return CLEAN;
    const text = read.bytes.toString('utf8');
    // Raw, as the editor keeps them: suppressions applied, severity settings applied only when shown.
    const scanned = scanWithFacts(text, rel);
    return scanned.findings.length === 0 ? CLEAN : { kind: 'findings', ...scanned };
  } catch (e) {
    return { kind: 'skip', reason: 'failed', detail: `the scan failed on this file: ${(e as Error)?.message ?? e}` };
  }
}
