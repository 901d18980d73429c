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
    };

/** One file's entry: its identity on disk when scanned, and the outcome. */
export interface CachedFile {
  readonly size: number;
  readonly mtimeMs: number;
  readonly outcome: CachedOutcome;
}

const FORMAT = 1;

interface CacheFile {
  readonly format: number;
  readonly key: string;
  readonly files: Record<string, CachedFile>;
}

/** Results of one folder, as read from disk (or empty), and the results of this scan to write back. */
export class ScanCache {
  private readonly next: Record<string, CachedFile> = {};

  private constructor(
    private readonly old: ReadonlyMap<string, CachedFile>,
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
      return new ScanCache(new Map(Object.entries(parsed.files)), key);
    } catch {
      return new ScanCache(new Map(), key);
    }
  }

  /** Entries read from disk. */
  get size(): number {
    return this.old.size;
  }

  /** The stored outcome of `rel` when its size and mtime are unchanged, else undefined (it must be read). */
  lookup(rel: string, size: number, mtimeMs: number): CachedOutcome | undefined {
    const c = this.old.get(rel);
    return c && c.size === size && c.mtimeMs === mtimeMs ? c.outcome : undefined;
  }

  /** Records the outcome of `rel` in this scan (only files recorded here are written back). */
  keep(rel: string, size: number, mtimeMs: number, outcome: CachedOutcome): void {
    this.next[rel] = { size, mtimeMs, outcome };
  }

  /** Writes this scan's entries to `file` (through a temporary file, so a crash never leaves half a cache). */
  save(file: string | undefined): boolean {
    if (!file) return false;
    try {
      fs.mkdirSync(nodePath.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      const body: CacheFile = { format: FORMAT, key: this.key, files: this.next };
      fs.writeFileSync(tmp, JSON.stringify(body));
      fs.renameSync(tmp, file);
      return true;
    } catch {
      return false; // a cache that can't be written costs a full scan next time, nothing else
    }
  }
}
