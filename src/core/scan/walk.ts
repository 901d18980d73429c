// Finds the files a workspace scan reads: built-in excludes (dependencies, virtualenvs, build outputs, VCS folders),
// .gitignore files at every level (unless turned off), and extra glob excludes. Reading is separate (`readForScan`)
// so callers can spread it over worker threads and log every skip with its reason.
import * as fs from 'fs';
import * as nodePath from 'path';
import ignore, { Ignore } from 'ignore';

/** Folder names never descended into: dependencies, virtualenvs, build outputs, VCS and tool caches. */
export const DEFAULT_EXCLUDES: readonly string[] = [
  'node_modules', '.git', '.hg', '.svn', 'venv', '.venv', 'site-packages', 'dist', 'build', 'out', 'target',
  '__pycache__', '.tox', '.nox', '.mypy_cache', '.pytest_cache', 'bower_components', '.next', '.gradle', '.terraform',
];

/** Why a file was not scanned. */
export type SkipReason = 'too-large' | 'binary' | 'minified' | 'unreadable';

/** Options for `walkFiles` and `readForScan`. */
export interface WalkOptions {
  /** Do not honour `.gitignore` files (the built-in excludes still apply). */
  readonly noIgnore?: boolean;
  /** Extra gitignore-style patterns, relative to each root (e.g. VS Code `files.exclude` globs). */
  readonly excludes?: readonly string[];
  /** Only files for which this returns true are listed (e.g. `isScannable`). Default: every file. */
  readonly accept?: (path: string) => boolean;
  /** Bytes; larger files are skipped as `too-large`. Default 2 MiB. */
  readonly maxFileSize?: number;
}

/** One step of a walk: a file to scan, or a folder/file that could not be read (the walk goes on). */
export type WalkEvent =
  | { readonly kind: 'file'; readonly path: string; readonly size: number }
  | { readonly kind: 'error'; readonly path: string; readonly message: string };

interface Level { readonly dir: string; readonly rules: Ignore }

/** Lists scannable files under `roots` (files or folders), depth first, in name order. Never throws for I/O. */
export function* walkFiles(roots: readonly string[], opts: WalkOptions = {}): Generator<WalkEvent> {
  for (const root of roots) {
    let st: fs.Stats;
    try { st = fs.statSync(root); } catch (e) { yield ioError(root, e); continue; }
    if (st.isFile()) { yield { kind: 'file', path: root, size: st.size }; continue; }
    const levels: Level[] = opts.excludes?.length ? [{ dir: root, rules: ignore().add([...opts.excludes]) }] : [];
    yield* walkDir(root, levels, opts);
  }
}

function* walkDir(dir: string, levels: Level[], opts: WalkOptions): Generator<WalkEvent> {
  let entries: fs.Dirent[];
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch (e) { yield ioError(dir, e); return; }
  if (entries.some((e) => e.name === 'pyvenv.cfg')) return; // a virtualenv, whatever its name
  const here = !opts.noIgnore && entries.some((e) => e.name === '.gitignore') ? gitignoreLevel(dir) : undefined;
  const scope = here ? [...levels, here] : levels;
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = nodePath.join(dir, e.name);
    if (e.isDirectory()) {
      if (!DEFAULT_EXCLUDES.includes(e.name) && !ignored(scope, full, true)) yield* walkDir(full, scope, opts);
    } else if ((e.isFile() || e.isSymbolicLink()) && !ignored(scope, full, false) && (!opts.accept || opts.accept(full))) {
      yield* fileEvent(full, e);
    }
  }
}

function* fileEvent(full: string, e: fs.Dirent): Generator<WalkEvent> {
  if (e.isFile()) { yield { kind: 'file', path: full, size: -1 }; return; }
  try {
    const st = fs.statSync(full); // follow file symlinks, never folder ones (no loops)
    if (st.isFile()) yield { kind: 'file', path: full, size: st.size };
  } catch (err) { yield ioError(full, err); }
}

function gitignoreLevel(dir: string): Level | undefined {
  try {
    return { dir, rules: ignore().add(fs.readFileSync(nodePath.join(dir, '.gitignore'), 'utf8')) };
  } catch {
    return undefined; // an unreadable .gitignore ignores nothing, as in git
  }
}

function ignored(levels: readonly Level[], full: string, isDir: boolean): boolean {
  for (const l of levels) {
    const rel = nodePath.relative(l.dir, full).split(nodePath.sep).join('/');
    if (rel && !rel.startsWith('..') && l.rules.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

function ioError(path: string, e: unknown): WalkEvent {
  const err = e as NodeJS.ErrnoException;
  const why = err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : err.code === 'ENOENT' ? 'no such file or folder' : err.message;
  return { kind: 'error', path, message: why };
}

/** A file's text, or why it is skipped (with a human-readable detail for logs). */
export type ReadResult = { readonly text: string } | { readonly skip: SkipReason; readonly detail: string };

/** What `readBytesForScan` returns: the bytes of a scannable file, or why it is skipped. */
export type BytesResult = { readonly bytes: Buffer } | { readonly skip: SkipReason; readonly detail: string };

/** Reads a file for scanning, skipping huge, binary (NUL in the first 8 KB) and minified (very long lines) files. */
export function readForScan(path: string, maxFileSize = 2 * 1024 * 1024): ReadResult {
  const read = readBytesForScan(path, maxFileSize);
  return 'skip' in read ? read : { text: read.bytes.toString('utf8') };
}

/** Like `readForScan`, but leaves decoding to the caller (who may test a prefilter on the bytes first). */
export function readBytesForScan(path: string, maxFileSize = 2 * 1024 * 1024): BytesResult {
  let buf: Buffer;
  try {
    const fd = fs.openSync(path, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      if (size > maxFileSize) return { skip: 'too-large', detail: `${Math.round(size / 1024)} KB is over the ${Math.round(maxFileSize / 1024)} KB limit` };
      buf = Buffer.allocUnsafe(size);
      const n = size ? fs.readSync(fd, buf, 0, size, 0) : 0;
      buf = buf.subarray(0, n);
    } finally { fs.closeSync(fd); }
  } catch (e) {
    return { skip: 'unreadable', detail: (ioError(path, e) as { message: string }).message };
  }
  return classifyBytes(buf);
}

/** Decides binary / minified from the bytes; otherwise decodes UTF-8. */
export function classify(buf: Buffer): ReadResult {
  const c = classifyBytes(buf);
  return 'skip' in c ? c : { text: c.bytes.toString('utf8') };
}

/** Decides binary / minified from the bytes, leaving them undecoded. */
export function classifyBytes(buf: Buffer): BytesResult {
  if (buf.subarray(0, 8192).includes(0)) return { skip: 'binary', detail: 'contains NUL bytes' };
  if (buf.length > 8192) {
    let lines = 1;
    for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) lines++;
    const avg = buf.length / lines;
    if (avg > 500) return { skip: 'minified', detail: `average line length ${Math.round(avg)} characters` };
  }
  return { bytes: buf };
}
