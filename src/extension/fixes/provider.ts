// The lightbulb: quick-fixes on TLS Doctor diagnostics. provideCodeActions runs on every cursor move, so it only reads
// what is already known: the finding and its facts (endpoint, removable, trust shape) from the FindingStore, the
// workspace bundle from the BundleIndex, and the probe verdict from the ProbeService's cache. It reads no file,
// resolves no endpoint and builds no edit: an action whose edit is known (a bundle already in the workspace, removal
// after a probe) gets it in resolveCodeAction, when the user picks or previews it; everything that needs a probe, a
// new file or a prompt is a command run only when chosen. What a probe said comes as structured data (never from
// the diagnostic's text): "trust-ca" makes trusting the endpoint's CA the preferred fix, and "remove-flag" offers
// (and prefers) removing the switch.
import * as vscode from 'vscode';
import { endpointKey } from '../../core/endpoints/index';
import type { Endpoint } from '../../core/endpoints/index';
import {
  canTrustBundle,
  envVarsFor,
  fixKindOf,
  isLocalHost,
  removeFlagFix,
  trustBundleFix,
} from '../../core/fixes/index';
import type { FixResult } from '../../core/fixes/index';
import { SYNTAX } from '../../core/rules/lexer';
import type { Finding } from '../../core/rules/types';
import { ruleIdOf, toRange } from '../convert';
import { corePath } from '../diagnostics/manager';
import { LOOPBACK_HOSTS } from '../devcert/hosts';
import type { FindingVerdict, ProbeService } from '../endpoints/service';
import type { FindingStore, StoredFinding } from '../findings';
import { COMMANDS } from '../commandIds';
import { asWritten, fixOptions, pathNote, shownPath } from './bundles';
import type { BundleIndex } from './bundleIndex';
import { addFix, lineAfterFix } from './edits';
import { refOf } from './locate';
import { proveFix } from './commands';
import type { FixProof, FixReporter } from './report';
import { editedLines, WorkspaceWrite } from '../workspaceFiles';

/** Command ids of the quick-fixes (internal: not in the palette). */
export const FIX_COMMANDS = {
  trustBundle: COMMANDS.fixTrustBundle,
  applyBundle: COMMANDS.fixApplyBundle,
  useEnv: COMMANDS.fixUseEnv,
  removeFlag: COMMANDS.fixRemoveFlag,
  undoLast: COMMANDS.fixUndoLast,
  devCert: COMMANDS.fixDevCert,
  showRuleDocs: COMMANDS.showRuleDocs,
  announceEdit: COMMANDS.fixAnnounceEdit,
  lastMessage: COMMANDS.fixLastMessage,
} as const;

/** What the provider reads: all of it already known when the lightbulb asks. */
export interface FixProviderDeps {
  readonly findings: Pick<FindingStore, 'entryFor'>;
  readonly bundles: Pick<BundleIndex, 'first'>;
  readonly probes: Pick<ProbeService, 'verdictFor' | 'bundleCheck' | 'verifyBundle' | 'refusal'>;
}

/** Arguments of tlsDoctor.fix.announceEdit: an edit VS Code applied from a resolved action, to announce and prove. */
export interface AnnounceArgs {
  readonly uri: string;
  /** The document's text before the edit (Undo restores it). */
  readonly before: string;
  readonly lines: readonly number[];
  readonly title: string;
  readonly ruleId: string;
  /** The 0-based line of the fixed code, after the edit. */
  readonly line: number;
  readonly endpoint?: Endpoint;
  /** The bundle (absolute) and how the code names it, for the re-check. */
  readonly bundle?: { readonly file: string; readonly written: string };
  /** What to say about the written path (e.g. a .env path relative to its folder). */
  readonly note?: string;
}

/** tlsDoctor.fix.announceEdit: says what the applied lightbulb edit changed, re-checks its endpoint, offers Undo. */
export async function announceEdit(
  a: AnnounceArgs,
  deps: { probes: ProbeService; reporter: FixReporter },
): Promise<{ message: string; proof?: FixProof }> {
  const uri = vscode.Uri.parse(a.uri);
  const write = WorkspaceWrite.applied(uri, a.before, a.lines);
  const proof =
    a.endpoint && a.bundle
      ? await proveFix(uri, a.line, a.ruleId, a.endpoint, vscode.Uri.file(a.bundle.file), a.bundle.written, deps)
      : undefined;
  const message = deps.reporter.announce(write, a.title, proof, a.note);
  return { message: message.text, ...(proof ? { proof } : {}) };
}

/** How a lazily resolved action builds its edit (from the document's text at resolve time). */
type EditPlan =
  { readonly kind: 'remove' } | { readonly kind: 'trust'; readonly bundle: string; readonly file: vscode.Uri };

/** A quick-fix whose WorkspaceEdit is built in resolveCodeAction. */
class LazyEditAction extends vscode.CodeAction {
  constructor(
    title: string,
    readonly uri: vscode.Uri,
    readonly finding: Finding,
    readonly plan: EditPlan,
    readonly proof?: { endpoint: Endpoint; file: string },
  ) {
    super(title, vscode.CodeActionKind.QuickFix);
  }
}

/** Quick-fixes for TLS Doctor findings. */
export class TlsFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  /** Bundle checks under way, so cursor moves never start a second one. */
  private readonly attempted = new Set<string>();

  constructor(private readonly deps: FixProviderDeps) {}

  provideCodeActions(
    doc: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    const out: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (!ruleIdOf(d)) continue; // other extensions' diagnostics
      const entry = this.deps.findings.entryFor(doc.uri, d);
      if (entry) out.push(...this.actionsFor(doc, entry, d));
    }
    return out;
  }

  /** Builds the edit of an action offered by provideCodeActions from the document's current text. */
  async resolveCodeAction(action: vscode.CodeAction): Promise<vscode.CodeAction> {
    if (!(action instanceof LazyEditAction)) return action;
    const doc =
      vscode.workspace.textDocuments.find((t) => t.uri.toString() === action.uri.toString()) ??
      (await vscode.workspace.openTextDocument(action.uri));
    const fix = planned(doc, action.finding, action.plan);
    if (fix) {
      action.edit = new vscode.WorkspaceEdit();
      addFix(action.edit, action.uri, fix);
      // VS Code applies the edit, then runs the command: the same message, re-check and Undo as every other fix.
      const lines = editedLines(fix.edits.map((e) => ({ range: toRange(e.range), newText: e.newText })));
      const f = action.finding;
      const shown = action.plan.kind === 'trust' ? shownPath(fix, action.plan.file, action.uri) : undefined;
      const note = action.plan.kind === 'trust' ? pathNote(fix, action.plan.file, action.uri) : undefined;
      const bundle = shown && action.proof ? { file: action.proof.file, written: shown } : undefined;
      const title = shown
        ? vscode.l10n.t('trusted {0} for {1}', shown, f.ruleId)
        : vscode.l10n.t('removed {0} ({1})', firstLine(f.value), f.ruleId);
      const args: AnnounceArgs = {
        uri: action.uri.toString(),
        before: doc.getText(),
        lines,
        title,
        ruleId: f.ruleId,
        line: lineAfterFix(fix, (f.origin ?? f).range.start.line),
        ...(bundle && action.proof ? { endpoint: action.proof.endpoint, bundle } : {}),
        ...(note ? { note } : {}),
      };
      action.command = {
        title: vscode.l10n.t('Announce the fix'),
        command: FIX_COMMANDS.announceEdit,
        arguments: [args],
      };
    }
    return action;
  }

  private actionsFor(doc: vscode.TextDocument, entry: StoredFinding, d: vscode.Diagnostic): vscode.CodeAction[] {
    const { finding: f, endpoint: ep } = entry;
    const probed = ep && this.deps.probes.verdictFor(doc, f, ep);
    const remove =
      probed?.verdict.remedy === 'remove-flag' && entry.removable
        ? lazyAction(
            vscode.l10n.t('Remove {0} (the endpoint verifies with default trust)', firstLine(f.value)),
            d,
            doc.uri,
            f,
            {
              kind: 'remove',
            },
          )
        : undefined;
    const actions = canTrustBundle(f.ruleId) ? this.trustActions(doc, entry, d, probed) : [];
    const vars = envVarsFor(f.ruleId, fixKindOf(f.ruleId));
    if (vars.length && entry.removable) {
      actions.push(
        commandAction(
          vscode.l10n.t('Use an environment variable instead ({0})', vars.join(' / ')),
          d,
          FIX_COMMANDS.useEnv,
          {
            ...refOf(doc.uri, f),
            vars,
          },
        ),
      );
    }
    if (ep && isLocalHost(ep.host)) {
      const hosts = [...new Set([ep.host, ...LOOPBACK_HOSTS])];
      const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
      actions.push(
        commandAction(vscode.l10n.t('Create a development certificate for {0}', ep.host), d, FIX_COMMANDS.devCert, {
          ...refOf(doc.uri, f),
          hosts,
          ...(folder ? { folder: folder.uri.fsPath } : {}),
        }),
      );
    }
    const suppress = suppressAction(doc, f, d);
    if (suppress) actions.push(suppress);
    const docs = typeof d.code === 'object' ? d.code.target : undefined;
    if (docs) {
      actions.push(
        commandAction(
          vscode.l10n.t('Show documentation for {0}', f.ruleId),
          d,
          FIX_COMMANDS.showRuleDocs,
          docs.toString(),
        ),
      );
    }
    if (remove) {
      // The probe showed default trust suffices: removing the switch is the right fix, not pointing at a bundle.
      for (const a of actions) a.isPreferred = false;
      remove.isPreferred = true;
      actions.unshift(remove);
    }
    return actions;
  }

  /**
   * The trust actions, one preferred. A probe that found a CA to trust makes "trust the CA this endpoint presents" the
   * preferred one (a command: it builds the bundle from that CA, reusing the cached probe); otherwise a bundle in the
   * workspace (a plain edit), else a command that asks where the bundle should come from.
   */
  private trustActions(
    doc: vscode.TextDocument,
    entry: StoredFinding,
    d: vscode.Diagnostic,
    probed?: FindingVerdict,
  ): vscode.CodeAction[] {
    const general = this.trustAction(doc, entry, d);
    const ca = probed?.verdict.remedy === 'trust-ca' ? probed.verdict.ca : undefined;
    if (!probed || !ca) {
      general.isPreferred = true;
      return [general];
    }
    const title = vscode.l10n.t(
      'Trust the CA that {0} presents instead ({1})',
      endpointKey(probed.endpoint),
      ca.subject,
    );
    const action = commandAction(title, d, FIX_COMMANDS.trustBundle, {
      ...refOf(doc.uri, entry.finding),
      source: 'endpoint',
    });
    action.isPreferred = true;
    return [action, general];
  }

  /** Trusting a bundle: with a workspace bundle and a plain rewrite it is an edit, else a command that finds or builds one. */
  private trustAction(doc: vscode.TextDocument, entry: StoredFinding, d: vscode.Diagnostic): vscode.CodeAction {
    const f = entry.finding;
    const bundle = this.deps.bundles.first(doc.uri);
    const written = bundle && asWritten(bundle, doc.uri);
    const ep = entry.endpoint;
    const check = bundle && ep ? this.deps.probes.bundleCheck(ep, bundle.fsPath) : undefined;
    if (bundle && ep && !check) this.verifySoon(doc.uri, ep, bundle.fsPath);
    // Offer only what works: a bundle the endpoint failed to verify with is not offered as a one-click edit.
    const usable = written && (!check || check.ok || !check.reached) ? written : undefined;
    const title =
      (!usable
        ? vscode.l10n.t('Trust a CA bundle instead…')
        : !ep
          ? vscode.l10n.t('Trust a CA bundle instead ({0})', usable)
          : check?.ok
            ? vscode.l10n.t('Trust a CA bundle instead ({0}, verified against {1})', usable, endpointKey(ep))
            : vscode.l10n.t('Trust a CA bundle instead ({0}, not verified against {1})', usable, ep.host)) +
      atOrigin(f);
    return usable && bundle && entry.trust === 'edit'
      ? lazyAction(
          title,
          d,
          doc.uri,
          f,
          { kind: 'trust', bundle: usable, file: bundle },
          ep && bundle ? { endpoint: ep, file: bundle.fsPath } : undefined,
        )
      : commandAction(title, d, FIX_COMMANDS.trustBundle, {
          ...refOf(doc.uri, f),
          ...(usable && bundle ? { bundlePath: bundle.fsPath } : {}),
        });
  }

  /** Starts (once per endpoint and bundle) the one cheap check that labels the bundle next time the lightbulb asks. */
  private verifySoon(uri: vscode.Uri, ep: Endpoint, file: string): void {
    const key = `${endpointKey(ep)}|${file}`;
    if (this.attempted.has(key) || this.deps.probes.refusal(ep.host, uri)) return;
    this.attempted.add(key);
    void this.deps.probes
      .verifyBundle(ep, file, { scope: uri })
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => this.attempted.delete(key));
  }
}

/** The core fix a plan stands for, on the document's current text (undefined when the text no longer allows it). */
function planned(doc: vscode.TextDocument, f: Finding, plan: EditPlan): FixResult | undefined {
  const text = doc.getText();
  const fix =
    plan.kind === 'remove'
      ? removeFlagFix(text, f, corePath(doc.uri))
      : trustBundleFix(text, f, fixOptions(doc.uri, plan.file));
  return fix && !fix.env && fix.existingCa?.decision !== 'ask' ? fix : undefined;
}

function lazyAction(
  title: string,
  d: vscode.Diagnostic,
  uri: vscode.Uri,
  f: Finding,
  plan: EditPlan,
  proof?: { endpoint: Endpoint; file: string },
): vscode.CodeAction {
  const action = new LazyEditAction(title, uri, f, plan, proof);
  action.diagnostics = [d];
  return action;
}

function commandAction(title: string, d: vscode.Diagnostic, command: string, arg: unknown): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [d];
  action.command = { title, command, arguments: [arg] };
  return action;
}

function firstLine(s: string): string {
  const line = s.split(/\r?\n/)[0];
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}

/** The comment token of a language, for "Suppress on this line" (undefined: a file without comments, e.g. JSON). */
export function commentTokenFor(languageId: string, fileName: string): string | undefined {
  const slash = [
    'javascript',
    'typescript',
    'javascriptreact',
    'typescriptreact',
    'go',
    'java',
    'kotlin',
    'csharp',
    'rust',
    'php',
    'jsonc',
    'scala',
    'groovy',
    'swift',
    'c',
    'cpp',
    'dart',
  ];
  const hash = [
    'python',
    'ruby',
    'shellscript',
    'dockerfile',
    'yaml',
    'dotenv',
    'ini',
    'properties',
    'makefile',
    'terraform',
    'toml',
    'perl',
    'r',
    'powershell',
    'ignore',
    'git-commit',
  ];
  if (slash.includes(languageId)) return SYNTAX.js.line[0];
  if (hash.includes(languageId)) return SYNTAX.hash.line[0];
  // Config files VS Code knows no language for: .env*, .npmrc, .curlrc, .gitconfig, .condarc, pip.conf… all take `#`.
  const base = fileName.split(/[\\/]/).pop() ?? '';
  if (languageId === 'plaintext' && /^\.|\.(conf|cfg|env|rc|ini)$/i.test(base)) return SYNTAX.hash.line[0];
  return undefined;
}

/**
 * "Suppress <rule> on this line": `<token> tls-doctor: ignore <rule-id>` on a line of its own above the finding, with
 * its indentation (a line above works in every syntax, where a trailing comment would break a shell continuation or an
 * .env value); an ignore comment already there gets the rule added.
 */
function suppressAction(doc: vscode.TextDocument, f: Finding, d: vscode.Diagnostic): vscode.CodeAction | undefined {
  const token = commentTokenFor(doc.languageId, doc.fileName);
  if (!token) return undefined;
  const line = f.range.start.line;
  const action = new vscode.CodeAction(
    vscode.l10n.t('Suppress {0} on this line', f.ruleId),
    vscode.CodeActionKind.QuickFix,
  );
  action.diagnostics = [d];
  action.edit = new vscode.WorkspaceEdit();
  const above = line > 0 ? doc.lineAt(line - 1).text : '';
  const existing = /tls-doctor:\s*ignore[ \t]+[\w.\-, \t]*[\w.-]/i.exec(above);
  if (existing && above.trimStart().startsWith(token)) {
    const end = existing.index + existing[0].length;
    action.edit.insert(doc.uri, new vscode.Position(line - 1, end), `, ${f.ruleId}`);
  } else {
    const indent = /^[ \t]*/.exec(doc.lineAt(line).text)?.[0] ?? '';
    action.edit.insert(
      doc.uri,
      new vscode.Position(line, 0),
      `${indent}${token} tls-doctor: ignore ${f.ruleId}${doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n'}`,
    );
  }
  return action;
}

/**
 * For a finding at a sink (`verify=VERIFY`), where the fix edits: the value's line, and how many calls that one edit
 * fixes when it reaches several (issue 18's sink rule).
 */
function atOrigin(f: Finding): string {
  if (!f.origin) return '';
  const line = f.origin.range.start.line + 1;
  return f.origin.reaches > 1
    ? vscode.l10n.t(': rewrites line {0}, for the {1} calls it reaches', line, f.origin.reaches)
    : vscode.l10n.t(': rewrites line {0}', line);
}
