// "TLS Doctor: Explain TLS Error…": take an error message (argument, the selection in any editor or output view, or
// an input box prefilled from the clipboard when it looks like a TLS error), explain it with the core (client, ranked
// causes, that client's fix first, the endpoint) in the check panel, and return the explanation (tests assert it).
// `{ text, check: true }` also runs "Check <host>" and returns the re-stated explanation.
import * as vscode from 'vscode';
import { explain, hintFor } from '../../core/explain/index';
import { checkTarget, explainLogLine, ExplainResult, ExplainView, resultOf } from './model';

/** What the command needs from the feature module. */
export interface ExplainDeps {
  readonly log: vscode.LogOutputChannel;
  show(view: ExplainView): void;
  /** Runs "Check <host>" for the view and shows the re-stated explanation; undefined when no report came back. */
  check(view: ExplainView, url: string): Promise<ExplainView | undefined>;
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

/** The argument: a message, or `{ text, check }` (terminal links, tests). */
function argument(arg: unknown): { text: string; check: boolean } | undefined {
  if (typeof arg === 'string' && arg.trim()) return { text: arg, check: false };
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { text, check } = arg as { text?: unknown; check?: unknown };
  return typeof text === 'string' && text.trim() ? { text, check: check === true } : undefined;
}

/** The selection of the active editor: a file, an untitled paste, or an output channel (it is a text editor too). */
async function selectionOrPrompt(): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const selected = editor ? editor.document.getText(editor.selection).trim() : '';
  if (selected) return selected;
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('TLS Doctor: Explain TLS Error'),
    prompt:
      'Paste the error message (any client: Python, Node, curl, git, Java, Go, .NET, browsers…). Selecting it in an editor or the Output view works too.',
    placeHolder:
      "e.g. SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] … unable to get local issuer certificate'))",
    value: await clipboardHint(),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : 'Paste an error message.'),
  });
  return value?.trim() || undefined;
}

/** The command body. */
export async function explainErrorCommand(arg: unknown, deps: ExplainDeps): Promise<ExplainResult | undefined> {
  const given = argument(arg);
  const raw = given?.text ?? (await selectionOrPrompt());
  if (!raw) return undefined;
  const text = raw.length > MAX_TEXT ? raw.slice(0, MAX_TEXT) : raw;
  const explanation = explain(text);
  let view: ExplainView = { text, explanation, hint: hintFor(text, explanation) };
  deps.log.info(explainLogLine(view));
  deps.show(view);
  const target = checkTarget(view.explanation);
  if (given?.check && target) view = (await deps.check(view, target)) ?? view;
  return resultOf(view);
}
