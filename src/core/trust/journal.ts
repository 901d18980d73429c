// Apply, journal, undo. Before anything is written the journal records each file's bytes (or that it did not exist)
// and each folder it creates; `undo` puts every byte back and removes what apply created. Re-applying keeps the first
// record of a file, so one undo always returns to the state before the first apply.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileChange, Plan } from './plan';
import { dataFile, UserPaths } from './paths';

/** The journal in the data folder. */
export interface Journal {
  readonly version: 1;
  /** Files in the order first touched: `before` is base64 of the original bytes, null when apply created the file. */
  readonly files: { readonly file: string; readonly before: string | null; readonly mode?: number; after?: string }[];
  /** Folders apply created, parents first. */
  readonly dirs: string[];
}

/** What apply did. */
export interface ApplyResult {
  readonly written: readonly FileChange[];
  readonly ran: readonly string[];
  readonly errors: readonly string[];
}

/** What undo did. */
export interface UndoResult {
  readonly restored: readonly string[];
  readonly removed: readonly string[];
  /** Files someone changed after apply: their current bytes were copied here before the restore. */
  readonly backups: readonly string[];
  readonly errors: readonly string[];
}

function readJournal(file: string): Journal | undefined {
  try {
    const j = JSON.parse(fs.readFileSync(file, 'utf8')) as Journal;
    return j.version === 1 && Array.isArray(j.files) ? j : undefined;
  } catch {
    return undefined;
  }
}

/** The journal of the last apply, if any. */
export function loadJournal(u: UserPaths): Journal | undefined {
  return readJournal(dataFile(u, 'journal'));
}

/** Refuses files outside the user's folders: TLS Doctor never writes system files (it prints the sudo command). */
function assertUserFile(u: UserPaths, file: string): void {
  const inside = [u.home, u.config, u.data, u.envDir].some((d) => {
    const rel = path.relative(d, file);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  });
  if (!inside) throw new Error(`refusing to write ${file}: it is not under ${u.home}`);
}

/** Missing folders on the way to `file`, parents first. */
function missingDirs(file: string): string[] {
  const out: string[] = [];
  for (let d = path.dirname(file); !fs.existsSync(d); d = path.dirname(d)) {
    out.unshift(d);
    if (path.dirname(d) === d) break;
  }
  return out;
}

/** Writes bytes through a temporary file and a rename, keeping an existing file's mode. */
function writeBytes(file: string, bytes: Buffer, mode?: number): void {
  const tmp = `${file}.${process.pid}.tls-doctor.tmp`;
  fs.writeFileSync(tmp, bytes, { mode: mode ?? 0o644 });
  if (mode !== undefined) fs.chmodSync(tmp, mode);
  fs.renameSync(tmp, file);
}

function modeOf(file: string): number | undefined {
  try {
    return fs.statSync(file).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/** Records `file` (and the folders it needs) in the journal unless an earlier apply did. */
function record(j: Journal, file: string): void {
  for (const d of missingDirs(file)) if (!j.dirs.includes(d)) j.dirs.push(d);
  if (j.files.some((f) => f.file === file)) return;
  const before = fs.existsSync(file) ? fs.readFileSync(file).toString('base64') : null;
  const mode = modeOf(file);
  j.files.push({ file, before, ...(mode !== undefined ? { mode } : {}) });
}

function saveJournal(u: UserPaths, j: Journal): void {
  const file = dataFile(u, 'journal');
  for (const d of missingDirs(file)) if (!j.dirs.includes(d)) j.dirs.push(d);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeBytes(file, Buffer.from(`${JSON.stringify(j, null, 2)}\n`));
}

/** Writes the plan's changes (and `extra` files of ours, e.g. the state), journaling first. */
export function applyPlan(plan: Plan, extra: readonly { file: string; text: string }[] = []): ApplyResult {
  const u = plan.paths;
  const j: Journal = loadJournal(u) ?? { version: 1, files: [], dirs: [] };
  const caChanged = plan.changes.some((c) => c.file === plan.ca);
  const runs = plan.runs.filter((r) => caChanged || !fs.existsSync(r.creates));
  const targets = [...plan.changes.map((c) => c.file), ...extra.map((e) => e.file), ...runs.map((r) => r.creates)];
  for (const f of targets) assertUserFile(u, f);
  for (const f of targets) record(j, f);
  saveJournal(u, j);
  const errors: string[] = [];
  const written: FileChange[] = [];
  for (const c of plan.changes) {
    try {
      fs.mkdirSync(path.dirname(c.file), { recursive: true });
      writeBytes(c.file, Buffer.from(c.after, c.encoding), modeOf(c.file));
      written.push(c);
    } catch (e) {
      errors.push(`cannot write ${c.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  for (const e of extra) {
    fs.mkdirSync(path.dirname(e.file), { recursive: true });
    writeBytes(e.file, Buffer.from(e.text), modeOf(e.file));
  }
  const ran: string[] = [];
  for (const r of runs) {
    fs.rmSync(r.creates, { force: true });
    r.argv.forEach((argv, i) => {
      try {
        execFileSync(argv[0], argv.slice(1), { input: r.stdin?.[i], timeout: 60_000, stdio: ['pipe', 'pipe', 'pipe'] });
        ran.push(argv.join(' '));
      } catch (e) {
        const err = e as { stderr?: Buffer; message: string };
        errors.push(
          `${path.basename(argv[0])} failed: ${(err.stderr?.toString() || err.message).trim().split('\n').pop()}`,
        );
      }
    });
  }
  // What each file holds now, so undo can tell whether someone edited it afterwards.
  for (const f of j.files) if (targets.includes(f.file)) f.after = hashOf(f.file);
  saveJournal(u, j);
  return { written, ran, errors };
}

function hashOf(file: string): string | undefined {
  try {
    return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  } catch {
    return undefined;
  }
}

/** Copies a file edited after apply aside before undo restores it, so those later edits are not lost. */
function keepLaterEdits(f: Journal['files'][number], backups: string[]): void {
  if (f.after === undefined || !fs.existsSync(f.file) || hashOf(f.file) === f.after) return;
  const backup = `${f.file}.tls-doctor-undo.bak`;
  fs.copyFileSync(f.file, backup);
  backups.push(backup);
}

/** Restores every journaled file byte for byte, removes the files and folders apply created, then the journal. */
export function undoJournal(u: UserPaths): UndoResult | undefined {
  const journalFile = dataFile(u, 'journal');
  const j = readJournal(journalFile);
  if (!j) return undefined;
  const restored: string[] = [];
  const removed: string[] = [];
  const errors: string[] = [];
  const backups: string[] = [];
  for (const f of [...j.files].reverse()) {
    try {
      keepLaterEdits(f, backups);
      if (f.before === null) {
        if (fs.existsSync(f.file)) {
          fs.rmSync(f.file, { force: true });
          removed.push(f.file);
        }
      } else {
        writeBytes(f.file, Buffer.from(f.before, 'base64'), f.mode);
        restored.push(f.file);
      }
    } catch (e) {
      errors.push(`cannot restore ${f.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  fs.rmSync(journalFile, { force: true });
  for (const d of [...j.dirs].reverse()) {
    try {
      fs.rmdirSync(d); // only when empty: anything else put there stays
      removed.push(`${d}${path.sep}`);
    } catch {
      // not empty, or already gone
    }
  }
  return { restored, removed, backups, errors };
}
