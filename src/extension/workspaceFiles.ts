// The one way the extension writes workspace files: collect new files, text edits and whole-file rewrites in one
// WorkspaceEdit (a single undo step), keep the certificates folder out of git in the same edit, then apply it and save
// what it changed. One policy for every fix: no Refactor Preview; replacing a file whose content differs asks first
// (a modal naming the files); afterwards the batch says what it changed (changes()) and can undo itself in one step
// (undo(): the files' texts, or bytes, as they were before, files it created deleted, settings it changed restored).
// Used by the quick-fixes (bundles, code edits), the check panel's file actions, the dev-certificate command's
// .gitignore and the environment writers (.env, launch.json, terminal settings).
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { currentText, openDocument } from './documents';
import { loadCerts } from './lazy';

/** One file a batch changed: 1-based lines touched, and whether the batch created it. */
export interface FileChange {
  readonly uri: vscode.Uri;
  readonly created: boolean;
  readonly lines: readonly number[];
}

interface Touched {
  readonly uri: vscode.Uri;
  /** The text before the batch; undefined for a file the batch creates. */
  readonly before: string | undefined;
  /** The bytes before the batch, for a file rewritten byte for byte (not UTF-8: its text would not round-trip). */
  bytes?: Uint8Array;
  readonly lines: Set<number>;
  /** Range edits on the text before the batch, for the lines they land on afterwards (editedLines). */
  readonly edits: { readonly range: vscode.Range; readonly newText: string }[];
}

/**
 * A change another API makes (a setting through the configuration API, which writes settings.json itself): run after
 * the edit is applied, undone with the batch, listed as a change of `file`.
 */
export interface ExternalStep {
  readonly file: vscode.Uri;
  readonly run: () => Thenable<void>;
  readonly undo: () => Thenable<void>;
}

/** One batch of workspace writes, applied as one undoable edit; see the file comment. */
export class WorkspaceWrite {
  readonly edit = new vscode.WorkspaceEdit();
  /** Text files this batch edits, to save after applying (an unsaved .gitignore rule ignores nothing). */
  private readonly saves = new Map<string, vscode.Uri>();
  private readonly touched = new Map<string, Touched>();
  /** Existing files whose different content this batch replaces (asked about before applying). */
  private readonly overwrites: vscode.Uri[] = [];
  private readonly steps: ExternalStep[] = [];
  private readonly ran: ExternalStep[] = [];

  /** A batch standing for an edit VS Code already applied (a resolved quick-fix), so it can be announced and undone. */
  static applied(uri: vscode.Uri, before: string, lines: readonly number[]): WorkspaceWrite {
    const w = new WorkspaceWrite();
    w.touch(uri, before, lines);
    return w;
  }

  private touch(uri: vscode.Uri, before: string | undefined, lines: readonly number[]): void {
    const t = this.touched.get(uri.toString()) ?? { uri, before, lines: new Set<number>(), edits: [] };
    for (const l of lines) t.lines.add(l);
    this.touched.set(uri.toString(), t);
  }

  /**
   * Creates `file` with `contents`, replacing it when it exists. `existing` is its current text (undefined: none):
   * identical content is left alone, and replacing different content asks first.
   */
  createFile(file: vscode.Uri, contents: string, label: string, existing?: string): boolean {
    if (existing === contents) return false;
    this.edit.createFile(
      file,
      { overwrite: true, contents: Buffer.from(contents, 'utf8') },
      { label: `TLS Doctor: ${label}`, needsConfirmation: false },
    );
    if (existing !== undefined) this.overwrites.push(file);
    this.touch(file, existing, existing === undefined ? [] : changedLines(existing, contents));
    return true;
  }

  /** Replaces `range` of `uri` with `newText` (the code edits of a fix; the document is the user's to save). */
  replace(uri: vscode.Uri, range: vscode.Range, newText: string, label: string): void {
    this.edit.replace(uri, range, newText, { label: `TLS Doctor: ${label}`, needsConfirmation: false });
    if (!this.touched.has(uri.toString())) this.touch(uri, openDocument(uri)?.getText() ?? readSync(uri), []);
    this.touched.get(uri.toString())?.edits.push({ range, newText });
  }

  /**
   * Sets the text of `file` to `transform(text)`, `text` being what the user sees (open editor, else disk, '' when
   * missing); the file is created when missing and saved after apply. False when nothing changes.
   */
  async rewrite(file: vscode.Uri, transform: (text: string) => string, label: string): Promise<boolean> {
    const before = await currentText(file);
    const after = transform(before ?? '');
    if (after === (before ?? '')) return false;
    this.rewriteText(file, before, after, label);
    return true;
  }

  /**
   * Replaces the bytes of `file` (`before`: what is on disk, undefined when missing) with `after`, for files whose bytes
   * must survive exactly (a .env in latin-1); undone byte for byte. False when nothing changes.
   */
  rewriteBytes(file: vscode.Uri, before: Uint8Array | undefined, after: Uint8Array, label: string): boolean {
    if (before && Buffer.from(before).equals(Buffer.from(after))) return false;
    const meta = { label: `TLS Doctor: ${label}`, needsConfirmation: false };
    this.edit.createFile(file, { overwrite: true, contents: after }, meta);
    const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');
    this.touch(file, before && latin1(before), before ? changedLines(latin1(before), latin1(after)) : []);
    const t = this.touched.get(file.toString());
    if (t && before) t.bytes = before;
    return true;
  }

  /** Adds a change made through another API (see ExternalStep): part of this batch's message and of its Undo. */
  external(step: ExternalStep): void {
    this.steps.push(step);
  }

  private rewriteText(file: vscode.Uri, before: string | undefined, after: string, label: string): void {
    const meta = { label: `TLS Doctor: ${label}`, needsConfirmation: false };
    if (before === undefined) this.edit.createFile(file, { contents: Buffer.from(after, 'utf8') }, meta);
    else this.edit.replace(file, wholeRange(before), after, meta);
    this.saves.set(file.toString(), file);
    this.touch(file, before, before === undefined ? [] : changedLines(before, after));
  }

  /**
   * Lists `dir` (inside `folder`) in `<folder>/.gitignore` unless git already ignores it: the certificates folder holds
   * machine-specific bundles and private keys. False when `dir` is outside the folder or already ignored.
   */
  async ignoreDir(folder: vscode.Uri, dir: vscode.Uri): Promise<boolean> {
    const rel = path.relative(folder.fsPath, dir.fsPath);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
    const file = vscode.Uri.joinPath(folder, '.gitignore');
    return this.rewrite(
      file,
      (text) => loadCerts().ensureGitignored(text, rel.split(path.sep).join('/')) ?? text,
      `ignore ${rel} in git`,
    );
  }

  /**
   * Applies the batch as one edit, then saves the files it rewrote, except those the user already had unsaved
   * changes in (their edits are theirs to save). False when VS Code did not apply it (e.g. the preview was cancelled).
   */
  async apply(): Promise<boolean> {
    if (this.overwrites.length && !(await confirmOverwrite(this.overwrites))) return false;
    const dirty = new Set(
      [...this.saves.values()].filter((u) => openDocument(u)?.isDirty === true).map((u) => u.toString()),
    );
    const applied = await vscode.workspace.applyEdit(this.edit);
    if (!applied) return false;
    for (const [key, uri] of this.saves) if (!dirty.has(key)) await openDocument(uri)?.save();
    for (const step of this.steps) {
      try {
        await step.run();
        this.ran.push(step);
      } catch (e) {
        await this.undo(); // all or nothing: a setting that could not be written takes the file edits back
        throw e;
      }
    }
    return true;
  }

  /** What the batch changes (or changed): each file, created or not, and its touched lines. */
  changes(): FileChange[] {
    const files = [...this.touched.values()].map((t) => ({
      uri: t.uri,
      created: t.before === undefined,
      lines: [...new Set([...t.lines, ...editedLines(t.edits)])].sort((a, b) => a - b),
    }));
    for (const s of this.steps) {
      if (!files.some((f) => f.uri.toString() === s.file.toString())) {
        files.push({ uri: s.file, created: false, lines: [] });
      }
    }
    return files;
  }

  /**
   * Undoes an applied batch in one step: every edited file gets its text from before the batch back (and is saved if
   * the batch saved it), every file it created is deleted. False when VS Code refused the edit.
   */
  async undo(): Promise<boolean> {
    for (const step of this.ran.splice(0).reverse()) await step.undo();
    const back = new vscode.WorkspaceEdit();
    for (const t of this.touched.values()) {
      if (t.bytes) {
        back.createFile(t.uri, { overwrite: true, contents: t.bytes });
        continue;
      }
      if (t.before === undefined) {
        back.deleteFile(t.uri, { ignoreIfNotExists: true });
        continue;
      }
      const now = await currentText(t.uri);
      if (now === undefined) back.createFile(t.uri, { contents: Buffer.from(t.before, 'utf8') });
      else back.replace(t.uri, wholeRange(now), t.before);
    }
    if (!(await vscode.workspace.applyEdit(back))) return false;
    for (const t of this.touched.values()) {
      const doc = t.before !== undefined ? openDocument(t.uri) : undefined;
      if (
        doc?.isDirty &&
        (this.saves.has(t.uri.toString()) || this.overwrites.some((o) => o.toString() === t.uri.toString()))
      ) {
        await doc.save();
      }
    }
    return true;
  }
}

/** "Replace?" for files whose different content a batch would replace; true when the user agrees. */
async function confirmOverwrite(files: readonly vscode.Uri[]): Promise<boolean> {
  const REPLACE = vscode.l10n.t('Replace');
  const names = files.map((f) => vscode.workspace.asRelativePath(f)).join(', ');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('TLS Doctor: replace {0}? It exists with different content.', names),
    { modal: true, detail: vscode.l10n.t('Undo in the notification that follows restores it.') },
    REPLACE,
  );
  return choice === REPLACE;
}

/**
 * The 1-based lines non-overlapping range edits land on in the text after them (an import added above a call moves
 * the call down one line): each edit's own new lines, shifted by the lines the edits before it added or removed.
 */
export function editedLines(edits: readonly { range: vscode.Range; newText: string }[]): number[] {
  const sorted = [...edits].sort((a, b) => a.range.start.compareTo(b.range.start));
  const out: number[] = [];
  let shift = 0;
  for (const e of sorted) {
    const parts = e.newText.split('\n');
    // A whole-line insertion ("x\n" at a line start) ends on the next, unchanged line: not counted.
    const own =
      parts.length > 1 && parts[parts.length - 1] === '' && e.range.end.character === 0
        ? parts.length - 1
        : parts.length;
    for (let i = 0; i < own; i++) out.push(e.range.start.line + shift + 1 + i);
    shift += parts.length - 1 - (e.range.end.line - e.range.start.line);
  }
  return out;
}

/** 1-based lines of `after` that differ from `before` (a plain line-by-line comparison, for messages). */
export function changedLines(before: string, after: string): number[] {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length - 1;
  let endB = b.length - 1;
  while (endA >= start && endB >= start && a[endA] === b[endB]) {
    endA--;
    endB--;
  }
  const out: number[] = [];
  for (let l = start; l <= Math.max(endB, start); l++) if (l < b.length) out.push(l + 1);
  return out;
}

function readSync(uri: vscode.Uri): string | undefined {
  try {
    return uri.scheme === 'file' ? fs.readFileSync(uri.fsPath, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** Applies a one-file rewrite (see WorkspaceWrite.rewrite); throws when VS Code refuses it. False when unchanged. */
export async function rewriteFile(
  file: vscode.Uri,
  transform: (text: string) => string,
  label: string,
): Promise<boolean> {
  const write = new WorkspaceWrite();
  if (!(await write.rewrite(file, transform, label))) return false;
  if (!(await write.apply())) throw new Error(vscode.l10n.t('could not edit {0}', file.fsPath));
  return true;
}

function wholeRange(text: string): vscode.Range {
  const lines = text.split('\n');
  return new vscode.Range(0, 0, lines.length - 1, lines[lines.length - 1].length);
}
