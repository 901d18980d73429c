// How every fix ends (issue 19): one notification that says what changed (files and lines), what the re-check with
// the trust the code now uses found ("python requests now verifies 127.0.0.1:20443 with .certs/x-bundle.pem"), and an
// Undo button that undoes the whole fix in one step. The last fix stays undoable through tlsDoctor.fix.undoLast (the
// button runs the same thing), so a dismissed toast loses nothing. Created in registerFixes and carried on FixDeps.
import * as vscode from 'vscode';
import type { FileChange, WorkspaceWrite } from '../workspaceFiles';

/** What re-checking the endpoint with the new trust said, for the message. */
export interface FixProof {
  /** e.g. "127.0.0.1:20443". */
  readonly endpoint: string;
  /** The bundle as written in the code. */
  readonly bundle: string;
  /** The client that now uses it, e.g. "python requests". */
  readonly client: string;
  readonly ok: boolean;
  readonly causes?: readonly string[];
  /** Why there was no re-check (refused, no endpoint). */
  readonly skipped?: string;
}

/** What a fix reports: the sentence shown, and the changes it lists. */
export interface FixMessage {
  readonly text: string;
  readonly changes: readonly FileChange[];
  readonly proof?: FixProof;
}

/** "app/client.py:4, created .certs/x-bundle.pem, .gitignore:3". */
export function describeChanges(changes: readonly FileChange[]): string {
  return changes
    .map((c) => {
      const name = vscode.workspace.asRelativePath(c.uri, false);
      if (c.created) return vscode.l10n.t('created {0}', name);
      return c.lines.length ? `${name}:${lineList(c.lines)}` : name;
    })
    .join(', ');
}

/** 3 → "3", [3,4,5,9] → "3-5,9". */
export function lineList(lines: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j] + 1) j++;
    parts.push(j > i ? `${lines[i]}-${lines[j]}` : `${lines[i]}`);
    i = j;
  }
  return parts.join(',');
}

/** The proof as a sentence. */
export function proofText(p: FixProof): string {
  if (p.skipped) return vscode.l10n.t('not re-checked against {0} ({1})', p.endpoint, p.skipped);
  if (p.ok) return vscode.l10n.t('{0} now verifies {1} with {2}', p.client, p.endpoint, p.bundle);
  const causes = p.causes?.length ? ` (${p.causes.join(', ')})` : '';
  return vscode.l10n.t('{0} still does NOT verify {1} with {2}{3}', p.client, p.endpoint, p.bundle, causes);
}

/** Keeps the last applied fix and announces each one; see the file comment. */
export class FixReporter {
  private last?: { write: WorkspaceWrite; title: string };
  /** The last message shown (tests read it; people read the toast). */
  lastMessage?: FixMessage;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** Announces an applied batch: "<title>: <proof>. Changed …" with Undo (a warning when the proof failed). */
  announce(write: WorkspaceWrite, title: string, proof?: FixProof, extra?: string): FixMessage {
    this.last = { write, title };
    const changes = write.changes();
    const head = proof
      ? vscode.l10n.t('TLS Doctor: {0}: {1}.', title, proofText(proof))
      : vscode.l10n.t('TLS Doctor: {0}.', title);
    const listed = vscode.l10n.t('Changes: {0}.', describeChanges(changes) || vscode.l10n.t('none'));
    const text = [head, listed, ...(extra ? [extra] : [])].join(' ');
    const message = { text, changes, ...(proof ? { proof } : {}) };
    this.lastMessage = message;
    this.log.info(text);
    const UNDO = vscode.l10n.t('Undo');
    const show =
      proof && !proof.ok && !proof.skipped ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    void Promise.resolve(show(text, UNDO)).then((choice) => {
      if (choice === UNDO) void this.undoLast(write);
    });
    return message;
  }

  /** Undoes the last announced fix (or `only` that one, when it is still the last); false when there is none. */
  async undoLast(only?: WorkspaceWrite): Promise<{ undone: boolean; title?: string }> {
    const last = this.last;
    if (!last || (only && only !== last.write)) return { undone: false };
    this.last = undefined;
    const undone = await last.write.undo();
    const what = describeChanges(last.write.changes());
    this.log.info(`${undone ? 'undid' : 'could not undo'} "${last.title}" (${what})`);
    if (undone) {
      void vscode.window.showInformationMessage(vscode.l10n.t('TLS Doctor: undid "{0}" ({1}).', last.title, what));
    } else void vscode.window.showErrorMessage(vscode.l10n.t('TLS Doctor: could not undo "{0}".', last.title));
    return { undone, title: last.title };
  }
}
