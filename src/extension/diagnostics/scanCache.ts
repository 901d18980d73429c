// The persisted results of a workspace folder's scan: per file (workspace-relative path) its size, mtime and what the
// scan made of it, so a window reload re-reads only files whose size or mtime changed. Valid only for the key it was
// written with (extension version, rule set, the settings that change per-file results). Pure apart from reading
// and writing the one JSON file; runs in the scan worker, never on the extension host's main thread.
import * as fs from 'fs';
import * as nodePath from 'path';
import type { Finding } from '../../core/rules/types';
import type { SkipReason } from '../../core/scan/walk';
import type { FindingFacts } from '../findingFacts';

/** What scanning a file gave: nothing, a skip, or findings with their facts (by finding key). */
export type CachedOutcome =
  | { readonly kind: 'clean' }
  | { readonly kind: 'skip'; readonly reason: SkipReason; readonly detail: string }
  | {
      readonly kind: 'findings';
      readonly findings: readonly Finding[];
      readonly facts: readonly (readonly [string, FindingFacts])[];
      /** Identity of findings + facts (computed once, when the file is read; see folderScan.ts). */
      readonly digest: string;
    };

/** The one clean outcome (most files): shared, so the cache holds no object per clean file. */
export const CLEAN: CachedOutcome = Object.freeze({ kind: 'clean' });

/**
 * One file's entry as stored: [size, mtimeMs] for a clean file, [size, mtimeMs, outcome] otherwise. Arrays, not
 * objects: 15,000 entries parse and write in about half the time, and most files are clean.
 */
type Row = readonly [number, number] | readonly [number, number, CachedOutcome];

// 2: rows as arrays, digests stored with findings.
const FORMAT = 2;

interface CacheFile {
  readonly format: number;
  readonly key: string;
  readonly files: Record<string, Row>;
}

function outcomeOf(row: Row): CachedOutcome {
  return row.length === 3 ? row[2] : CLEAN;
}

/** Results of one folder, as read from disk (or empty), and the results of this scan to write back. */
export class ScanCache {
  private readonly next = new Map<string, Row>();
  /** False while this scan kept exactly what was read (then save() has nothing to write). */
  private changed = false;

  private constructor(
    private readonly old: ReadonlyMap<string, Row>,
    private readonly key: string,
  ) {}

  /** Reads `file` (missing, damaged or written with another key: an empty cache). Never throws. */
  static load(file: string | undefined, key: string): ScanCache {
    if (!file) return new ScanCache(new Map(), key);
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<CacheFile>;
      if (parsed.format !== FORMAT || parsed.key !== key || typeof parsed.files !== 'object' || !parsed.files) {
        return new ScanCache(new Map(), key);
      }
      const rows = Object.entries(parsed.files).filter(
        ([, r]) => Array.isArray(r) && (r.length === 2 || r.length === 3),
      );
      return new ScanCache(new Map(rows), key);
    } catch {
      return new ScanCache(new Map(), key);
    }
  }

  /** Entries read from disk. */
  get size(): number {
    return this.old.size;
  }

  /** True when the persisted results hold an entry for `rel` (else there is nothing to compare its stats with). */
  has(rel: string): boolean {
    return this.old.has(rel);
  }

  /** The stored outcome of `rel` when its size and mtime are unchanged, else undefined (it must be read). */
  lookup(rel: string, size: number, mtimeMs: number): CachedOutcome | undefined {
    const row = this.old.get(rel);
    return row && row[0] === size && row[1] === mtimeMs ? outcomeOf(row) : undefined;
  }

  /** Records the outcome of `rel` in this scan (only files recorded here are written back). */
  keep(rel: string, size: number, mtimeMs: number, outcome: CachedOutcome): void {
    const old = this.old.get(rel);
    // An unchanged file keeps its very row (the outcome lookup() returned): nothing new to write for it.
    if (old && old[0] === size && old[1] === mtimeMs && outcomeOf(old) === outcome) {
      this.next.set(rel, old);
      return;
    }
    this.changed = true;
    this.next.set(rel, outcome.kind === 'clean' ? [size, mtimeMs] : [size, mtimeMs, outcome]);
  }

  /**
   * Writes this scan's entries to `file` (through a temporary file, so a crash never leaves half a cache). When the
   * scan kept exactly the entries it read, the file already holds them: nothing is written. True: `file` holds them.
   */
  save(file: string | undefined): boolean {
    if (!file) return false;
    if (!this.changed && this.next.size === this.old.size) return true;
    try {
      fs.mkdirSync(nodePath.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      const body: CacheFile = { format: FORMAT, key: this.key, files: Object.fromEntries(this.next) };
      fs.writeFileSync(tmp, JSON.stringify(body));
      fs.renameSync(tmp, file);
      return true;
    } catch {
      return false; // a cache that can't be written costs a full scan next time, nothing else
    }
  }
}
