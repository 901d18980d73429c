// "TLS Doctor: Explain TLS Error…": take an error message (argument, selection, or an input box prefilled from
// the clipboard when it looks like a TLS error), name the causes with their fixes in the panel, and offer to
// check the URL it mentions. Returns the explanation (tests assert it).
import * as vscode from 'vscode';
import type { Cause } from '../../core/tls/types';
import { loadTls } from '../lazy';
import { Explanation } from './render';

/** What the command returns. */
export interface ExplainResult {
  readonly causes: readonly Cause[];
  readonly url?: string;
}

// Words every client's TLS failure contains in some form (see the field notes' wording table).
const TLS_ERROR_HINT = /certificate|CERT_|SSL|TLS|x509|PKIX|self[- ]signed|issuer|handshake/i;
/** Long pastes (whole stack traces) are fine; beyond this it is not an error message any more. */
const MAX_TEXT = 20_000;

async function clipboardHint(): Promise<string> {
  try {
    const clip = (await vscode.env.clipboard.readText()).trim();
    // An input box is one line: join the lines so a pasted traceback keeps all its words.
    return clip.length <= 4000 && TLS_ERROR_HINT.test(clip) ? clip.replace(/\s*\r?\n\s*/g, ' ') : '';
  } catch {
    return '';
  }
}

async function errorText(arg: unknown): Promise<string | undefined> {
  if (typeof arg === 'string' && arg.trim()) return arg;
  const editor = vscode.window.activeTextEditor;
  const selected = editor ? editor.document.getText(editor.selection).trim() : '';
  if (selected) return selected;
  const value = await vscode.window.showInputBox({
    title: 'TLS Doctor: Explain TLS Error',
    prompt: 'Paste the error message (Python, Node, curl, git, pip or Java wording). Selecting it in an editor works too.',
    placeHolder: 'e.g. SSLError(SSLCertVerificationError(1, \'[SSL: CERTIFICATE_VERIFY_FAILED] … unable to get local issuer certificate\'))',
    value: await clipboardHint(),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : 'Paste an error message.'),
  });
  return value?.trim() || undefined;
}

/** The command body; `show` puts the explanation in the panel. */
export async function explainErrorCommand(arg: unknown, log: vscode.LogOutputChannel, show: (e: Explanation) => void): Promise<ExplainResult | undefined> {
  const raw = await errorText(arg);
  if (!raw) return undefined;
  const text = raw.length > MAX_TEXT ? raw.slice(0, MAX_TEXT) : raw;
  let found: ExplainResult;
  try {
    found = loadTls().explainError(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    log.error(`explain failed: ${why}`);
    void vscode.window.showErrorMessage(`TLS Doctor: cannot explain this message: ${why}`);
    return undefined;
  }
  const { causes, url } = found;
  log.info(`explain: ${text.length} characters → causes: ${causes.map((c) => c.code).join(', ') || 'none'}${url ? `; URL ${url}` : ''}`);
  show({ text, causes, url });
  return { causes, url };
}
