// Finds the files a workspace scan reads: built-in excludes (dependencies, virtualenvs, build outputs, VCS folders),
// .gitignore files at every level (unless turned off), and extra glob excludes. Reading is separate (`readForScan`)
// so callers can spread it over worker threads and log every skip with its reason.
import * as fs from 'fs';
import * as nodePath from 'path';
import ignore, { Ignore } from 'ignore';

/** Folder names never descended into: dependencies, virtualenvs, build outputs, VCS and tool caches. */
export const DEFAULT_EXCLUDES: readonly string[] = [
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'venv',
  '.venv',
  'site-packages',
  'dist',
  'build',
  'out',
  'target',
  '__pycache__',
  '.tox',
  '.nox',
  '.mypy_cache',
  '.pytest_cache',
  'bower_components',
  '.next',
  '.gradle',
  '.terraform',
];

/** Why a file was not scanned. */
export type SkipReason = 'too-large' | 'binary' | 'minified' | 'unreadable' | 'failed';

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

/**
 * One step of a walk: a file to scan, or a folder/file that could not be read (the walk goes on). A file's `size` is
 * -1 for a plain file listed from its folder (not stat'ed; not a symlink, and reached through real folders only, as
 * the walk never enters a folder symlink), else the size of a root file or of a file symlink's target.
 */
export type WalkEvent =
  | { readonly kind: 'file'; readonly path: string; readonly size: number }
  | { readonly kind: 'error'; readonly path: string; readonly message: string };

interface Level {
  readonly dir: string;
  // Undefined: every pattern of the level is matched by name (BY_NAME).
  readonly rules?: Ignore;
  // Lower-case names excluded wherever they are, files and folders (a pattern `**/name`).
  readonly names?: ReadonlySet<string>;
  // Lower-case names of folders excluded wherever they are (`**/name/**`: their contents, so the folder is skipped).
  readonly folders?: ReadonlySet<string>;
}

/** Lists scannable files under `roots` (files or folders), depth first, in name order. Never throws for I/O. */
export function* walkFiles(roots: readonly string[], opts: WalkOptions = {}): Generator<WalkEvent> {
  for (const root of roots) {
    let st: fs.Stats;
    try {
      st = fs.statSync(root);
    } catch (e) {
      yield ioError(root, e);
      continue;
    }
    if (st.isFile()) {
      yield { kind: 'file', path: root, size: st.size };
      continue;
    }
    if (!st.isDirectory()) {
      yield { kind: 'error', path: root, message: specialFileMessage(st) };
      continue;
    }
    const levels: Level[] = opts.excludes?.length ? [excludesLevel(root, opts.excludes)] : [];
    yield* walkDir(nodePath.normalize(root), levels, opts);
  }
}

function* walkDir(dir: string, levels: Level[], opts: WalkOptions): Generator<WalkEvent> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    yield ioError(dir, e);
    return;
  }
  if (entries.some((e) => e.name === 'pyvenv.cfg')) return; // a virtualenv, whatever its name
  const here = !opts.noIgnore && entries.some((e) => e.name === '.gitignore') ? gitignoreLevel(dir) : undefined;
  const scope = here ? [...levels, here] : levels;
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // `dir` is normalized (the root is, and names hold no separator), so a plain concatenation gives what
  // nodePath.join would, without re-normalizing every path of the tree.
  const prefix = dir === '.' || dir === `.${nodePath.sep}` ? '' : dir.endsWith(nodePath.sep) ? dir : dir + nodePath.sep;
  for (const e of entries) {
    const full = prefix + e.name;
    if (e.isDirectory()) {
      if (!DEFAULT_EXCLUDES.includes(e.name) && !ignored(scope, full, e.name, true)) yield* walkDir(full, scope, opts);
    } else if (
      (e.isFile() || e.isSymbolicLink()) &&
      !ignored(scope, full, e.name, false) &&
      (!opts.accept || opts.accept(full))
    ) {
      yield* fileEvent(full, e);
    }
  }
}

function* fileEvent(full: string, e: fs.Dirent): Generator<WalkEvent> {
  if (e.isFile()) {
    yield { kind: 'file', path: full, size: -1 };
    return;
  }
  try {
    const st = fs.statSync(full); // follow file symlinks, never folder ones (no loops)
    if (st.isFile()) yield { kind: 'file', path: full, size: st.size };
  } catch (err) {
    yield ioError(full, err);
  }
}

function gitignoreLevel(dir: string): Level | undefined {
  try {
    return { dir, rules: ignore().add(fs.readFileSync(nodePath.join(dir, '.gitignore'), 'utf8')) };
  } catch {
    return undefined; // an unreadable .gitignore ignores nothing, as in git
  }
}

// A `**/name` or `**/name/**` pattern with a plain name (no glob, no slash, no escape): matched by name. These are
// VS Code's files.exclude defaults (`**/.git`, `**/.DS_Store`, ...), tried on every file and folder of an editor scan:
// through the ignore package they were a tenth of its walk.
const BY_NAME = /^\*\*\/([^*?[\]{}!\\/\s]+)(\/\*\*)?$/;

/**
 * The walk's extra excludes: plain-name patterns (BY_NAME) in sets, the rest through the ignore package. The ignore
 * package ignores case, and so do the sets. A negation (`!pattern`) can re-include what a name excludes: then every
 * pattern goes through the package, in order.
 */
function excludesLevel(dir: string, patterns: readonly string[]): Level {
  if (patterns.some((p) => p.startsWith('!'))) return { dir, rules: ignore().add([...patterns]) };
  const names = new Set<string>();
  const folders = new Set<string>();
  const rest: string[] = [];
  for (const p of patterns) {
    const m = BY_NAME.exec(p);
    if (!m) rest.push(p);
    // `**/name/**` excludes what is inside a folder `name`, not a file of that name: the folder is not entered.
    else (m[2] ? folders : names).add(m[1].toLowerCase());
  }
  return { dir, names, folders, ...(rest.length ? { rules: ignore().add(rest) } : {}) };
}

function ignored(levels: readonly Level[], full: string, name: string, isDir: boolean): boolean {
  for (const l of levels) {
    if (l.names?.size || l.folders?.size) {
      const lower = name.toLowerCase();
      if (l.names?.has(lower) || (isDir && l.folders?.has(lower))) return true;
    }
    if (!l.rules) continue;
    const rel = relativeInside(l.dir, full);
    if (rel && !rel.startsWith('..') && l.rules.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

/**
 * `full` relative to `dir`, forward slashes. The walker builds every path from its folder, so a slice gives what
 * path.relative would without resolving both paths (that was a sixth of a walk); path.relative for anything else.
 */
function relativeInside(dir: string, full: string): string {
  const prefix = dir.endsWith(nodePath.sep) ? dir : dir + nodePath.sep;
  const rel = full.startsWith(prefix) ? full.slice(prefix.length) : nodePath.relative(dir, full);
  return nodePath.sep === '/' ? rel : rel.split(nodePath.sep).join('/');
}

function ioError(path: string, e: unknown): WalkEvent {
  return { kind: 'error', path, message: describeIoError(e) };
}

/** Why a path that is neither a file nor a folder is refused: reading a FIFO blocks, a device never ends. */
export function specialFileMessage(st: fs.Stats): string {
  const kind = st.isFIFO()
    ? 'a named pipe (FIFO)'
    : st.isSocket()
      ? 'a socket'
      : st.isCharacterDevice()
        ? 'a character device'
        : st.isBlockDevice()
          ? 'a block device'
          : 'a special file';
  return `not a regular file or folder: it is ${kind}, which is never read`;
}

/** What each I/O error code really means, in the words the CLI prints ("no such file" only when that is true). */
const IO_MESSAGES: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'no such file or folder',
  ELOOP: 'too many levels of symbolic links (a symlink loop)',
  ENOTDIR: 'a part of the path is not a folder',
  ENAMETOOLONG: 'the path is too long',
  EISDIR: 'is a folder, not a file',
  EMFILE: 'too many open files (a local resource limit: raise `ulimit -n`)',
  ENFILE: 'too many open files on this system (a local resource limit)',
};

/** A readable reason for a failed file-system call: the code's meaning when known, else Node's message. */
export function describeIoError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return (err?.code && IO_MESSAGES[err.code]) || (err?.message ?? String(e));
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

/** See `readBytesForScan`'s `reuse`: one per thread (module state is per worker), grown to the largest file read. */
let scratch: Buffer | undefined;

function scratchOf(size: number): Buffer {
  if (!scratch || scratch.length < size) {
    let length = 256 * 1024;
    while (length < size) length *= 2;
    scratch = Buffer.allocUnsafeSlow(length);
  }
  return scratch;
}

/**
 * Like `readForScan`, but leaves decoding to the caller (who may test a prefilter on the bytes first). With `reuse`,
 * the bytes are read into a buffer that the next `reuse` call in this thread overwrites (decode or copy them first):
 * a scan of thousands of files then allocates no buffer per file. Fresh buffers cost a page fault per 4 KB and,
 * being memory outside the JS heap, extra garbage collections (measured: 25,000 files, 250 MB, ~100 ms of CPU).
 * `onStat` hears the opened file's stats (the editor's scan keys its persisted results by them, without a second stat).
 */
export function readBytesForScan(
  path: string,
  maxFileSize = 2 * 1024 * 1024,
  reuse = false,
  onStat?: (st: fs.Stats) => void,
): BytesResult {
  let buf: Buffer;
  try {
    // O_NONBLOCK: a FIFO swapped in after the walk must not block the open; fstat then refuses it unread.
    const fd = fs.openSync(path, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    try {
      const st = fs.fstatSync(fd);
      onStat?.(st);
      if (!st.isFile()) return { skip: 'unreadable', detail: specialFileMessage(st) };
      const size = st.size;
      if (size > maxFileSize) {
        return {
          skip: 'too-large',
          detail: `${Math.round(size / 1024)} KB is over the ${Math.round(maxFileSize / 1024)} KB limit`,
        };
      }
      buf = reuse ? scratchOf(size) : Buffer.allocUnsafe(size);
      const n = size ? fs.readSync(fd, buf, 0, size, 0) : 0;
      buf = buf.subarray(0, n);
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    return { skip: 'unreadable', detail: describeIoError(e) };
  }
  return classifyBytes(buf);
}

/** Decides binary / minified from the bytes; otherwise decodes UTF-8. */
export function classify(buf: Buffer): ReadResult {
  const c = classifyBytes(buf);
  return 'skip' in c ? c : { text: c.bytes.toString('utf8') };
}

/** Decides binary / minified from the bytes, leaving them undecoded. UTF-16 files (with a BOM, as Windows tools
 * write them) come back re-encoded as UTF-8: their NUL-rich bytes would otherwise look binary and hide findings. */
export function classifyBytes(raw: Buffer): BytesResult {
  const buf = fromUtf16(raw) ?? raw;
  if (buf.subarray(0, 8192).includes(0)) return { skip: 'binary', detail: 'contains NUL bytes' };
  if (buf.length > 8192) {
    // Minified means an average line over 500 bytes. The count stops as soon as there are enough lines for an
    // average of 500 or less, so ordinary source is decided after a tenth of its newlines, not all of them.
    const enough = buf.length / 500;
    let lines = 1;
    for (let i = buf.indexOf(10); i !== -1 && lines < enough; i = buf.indexOf(10, i + 1)) lines++;
    const avg = buf.length / lines;
    if (avg > 500) return { skip: 'minified', detail: `average line length ${Math.round(avg)} characters` };
  }
  return { bytes: buf };
}

/** The UTF-8 bytes of a UTF-16 file with a byte order mark (the mark itself dropped, as editors do), else undefined. */
function fromUtf16(buf: Buffer): Buffer | undefined {
  if (buf.length < 2) return undefined;
  const le = buf[0] === 0xff && buf[1] === 0xfe;
  const be = buf[0] === 0xfe && buf[1] === 0xff;
  if (!le && !be) return undefined;
  const body = Buffer.from(buf.subarray(2, buf.length - (buf.length % 2))); // a copy: swap16 works in place
  if (be) body.swap16();
  return Buffer.from(body.toString('utf16le'), 'utf8');
}
