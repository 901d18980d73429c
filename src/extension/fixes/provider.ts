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
import { canTrustBundle, envVarsFor, fixKindOf, isLocalHost, removeFlagFix, trustBundleFix } from '../../core/fixes/index';
import type { FixResult } from '../../core/fixes/index';
import type { Finding } from '../../core/rules/types';
import { ruleIdOf } from '../convert';
import { corePath } from '../diagnostics/manager';
import { LOOPBACK_HOSTS } from '../devcert/hosts';
import type { FindingVerdict, ProbeService } from '../endpoints/service';
import type { FindingStore, StoredFinding } from '../findings';
import { COMMANDS } from '../commandIds';
import { asWritten } from './bundles';
import type { BundleIndex } from './bundleIndex';
import { addFix } from './edits';
import { refOf } from './locate';

/** Command ids of the quick-fixes (internal: not in the palette). */
export const FIX_COMMANDS = {
  trustBundle: COMMANDS.fixTrustBundle,
  applyBundle: COMMANDS.fixApplyBundle,
  useEnv: COMMANDS.fixUseEnv,
  removeFlag: COMMANDS.fixRemoveFlag,
} as const;

/** What the provider reads: all of it already known when the lightbulb asks. */
export interface FixProviderDeps {
  readonly findings: Pick<FindingStore, 'entryFor'>;
  readonly bundles: Pick<BundleIndex, 'first'>;
  readonly probes: Pick<ProbeService, 'verdictFor'>;
}

/** How a lazily resolved action builds its edit (from the document's text at resolve time). */
type EditPlan = { readonly kind: 'remove' } | { readonly kind: 'trust'; readonly bundle: string };

/** A quick-fix whose WorkspaceEdit is built in resolveCodeAction. */
class LazyEditAction extends vscode.CodeAction {
  constructor(title: string, readonly uri: vscode.Uri, readonly finding: Finding, readonly plan: EditPlan) {
    super(title, vscode.CodeActionKind.QuickFix);
  }
}

/** Quick-fixes for TLS Doctor findings. */
export class TlsFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly deps: FixProviderDeps) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
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
    const doc = vscode.workspace.textDocuments.find((t) => t.uri.toString() === action.uri.toString()) ?? await vscode.workspace.openTextDocument(action.uri);
    const fix = planned(doc, action.finding, action.plan);
    if (fix) {
      action.edit = new vscode.WorkspaceEdit();
      addFix(action.edit, action.uri, fix);
    }
    return action;
  }

  private actionsFor(doc: vscode.TextDocument, entry: StoredFinding, d: vscode.Diagnostic): vscode.CodeAction[] {
    const { finding: f, endpoint: ep } = entry;
    const probed = ep && this.deps.probes.verdictFor(doc, f, ep);
    const remove = probed?.verdict.remedy === 'remove-flag' && entry.removable
      ? lazyAction(`Remove ${firstLine(f.value)} (the endpoint verifies with default trust)`, d, doc.uri, f, { kind: 'remove' }) : undefined;
    const actions = canTrustBundle(f.ruleId) ? this.trustActions(doc, entry, d, probed) : [];
    const vars = envVarsFor(f.ruleId, fixKindOf(f.ruleId));
    if (vars.length && entry.removable) {
      actions.push(commandAction(`Use an environment variable instead (${vars.join(' / ')})`, d, FIX_COMMANDS.useEnv, { ...refOf(doc.uri, f), vars }));
    }
    if (ep && isLocalHost(ep.host)) {
      const hosts = [...new Set([ep.host, ...LOOPBACK_HOSTS])];
      const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
      actions.push(commandAction(`Create a development certificate for ${ep.host}`, d, COMMANDS.createDevCert, { hosts, ...(folder ? { folder: folder.uri.fsPath } : {}) }));
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
  private trustActions(doc: vscode.TextDocument, entry: StoredFinding, d: vscode.Diagnostic, probed?: FindingVerdict): vscode.CodeAction[] {
    const general = this.trustAction(doc, entry, d);
    const ca = probed?.verdict.remedy === 'trust-ca' ? probed.verdict.ca : undefined;
    if (!probed || !ca) {
      general.isPreferred = true;
      return [general];
    }
    const title = `Trust the CA that ${endpointKey(probed.endpoint)} presents instead (${ca.subject})`;
    const action = commandAction(title, d, FIX_COMMANDS.trustBundle, { ...refOf(doc.uri, entry.finding), source: 'endpoint' });
    action.isPreferred = true;
    return [action, general];
  }

  /** Trusting a bundle: with a workspace bundle and a plain rewrite it is an edit, else a command that finds or builds one. */
  private trustAction(doc: vscode.TextDocument, entry: StoredFinding, d: vscode.Diagnostic): vscode.CodeAction {
    const f = entry.finding;
    const bundle = this.deps.bundles.first(doc.uri);
    const written = bundle && asWritten(bundle, doc.uri);
    return written && entry.trust === 'edit'
      ? lazyAction(`Trust a CA bundle instead (${written})`, d, doc.uri, f, { kind: 'trust', bundle: written })
      : commandAction(written ? `Trust a CA bundle instead (${written})` : 'Trust a CA bundle instead…', d, FIX_COMMANDS.trustBundle, { ...refOf(doc.uri, f), ...(bundle ? { bundlePath: bundle.fsPath } : {}) });
  }
}

/** The core fix a plan stands for, on the document's current text (undefined when the text no longer allows it). */
function planned(doc: vscode.TextDocument, f: Finding, plan: EditPlan): FixResult | undefined {
  const text = doc.getText();
  const fix = plan.kind === 'remove' ? removeFlagFix(text, f, corePath(doc.uri)) : trustBundleFix(text, f, { bundle: plan.bundle, path: corePath(doc.uri) });
  return fix && !fix.env && fix.existingCa?.decision !== 'ask' ? fix : undefined;
}

function lazyAction(title: string, d: vscode.Diagnostic, uri: vscode.Uri, f: Finding, plan: EditPlan): vscode.CodeAction {
  const action = new LazyEditAction(title, uri, f, plan);
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
