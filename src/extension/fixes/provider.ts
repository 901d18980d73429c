// The lightbulb: quick-fixes on TLS Doctor diagnostics. Cheap by design: actions whose edit is known now (a bundle
// already in the workspace, removal after a probe) carry a WorkspaceEdit; everything that needs a probe, a new file
// or a prompt is a command run only when chosen. What a probe said comes from the shared ProbeService as structured
// data (never from the diagnostic's text): "trust-ca" makes trusting the endpoint's CA the preferred fix, and
// "remove-flag" offers (and prefers) removing the switch.
import * as vscode from 'vscode';
import { endpointKey } from '../../core/endpoints/index';
import { canTrustBundle, envVarsFor, fixKindOf, isLocalHost, removeFlagFix, trustBundleFix } from '../../core/fixes/index';
import type { Finding } from '../../core/rules/types';
import { findingFor, fromRange, ruleIdOf } from '../convert';
import { corePath } from '../diagnostics/manager';
import { LOOPBACK_HOSTS } from '../devcert/hosts';
import { endpointIn } from '../endpoints/service';
import type { FindingVerdict, ProbeService } from '../endpoints/service';
import { asWritten, workspaceBundles } from './bundles';
import { addFix } from './edits';
import { findingIn, refOf } from './locate';

/** Command ids of the quick-fixes (internal: not in the palette). */
export const FIX_COMMANDS = {
  trustBundle: 'tlsDoctor.fix.trustBundle',
  applyBundle: 'tlsDoctor.fix.applyBundle',
  useEnv: 'tlsDoctor.fix.useEnv',
  removeFlag: 'tlsDoctor.fix.removeFlag',
} as const;

/** Quick-fixes for TLS Doctor findings. */
export class TlsFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly probes: ProbeService) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    const out: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      const ruleId = ruleIdOf(d); // undefined for other extensions' diagnostics
      const f = ruleId && (findingFor(doc.uri, d) ?? findingIn(doc, ruleId, fromRange(d.range)));
      if (f) out.push(...this.actionsFor(doc, f, d));
    }
    return out;
  }

  private actionsFor(doc: vscode.TextDocument, f: Finding, d: vscode.Diagnostic): vscode.CodeAction[] {
    const text = doc.getText(); // one copy of the document per diagnostic: the lightbulb runs on every cursor move
    const ep = endpointIn(text, f);
    const probed = ep && this.probes.verdictFor(doc, f, ep);
    const removal = removeFlagFix(text, f, corePath(doc.uri));
    const remove = probed?.verdict.remedy === 'remove-flag' && removal
      ? editAction(`Remove ${firstLine(f.value)} (the endpoint verifies with default trust)`, d, doc.uri, removal) : undefined;
    const actions = canTrustBundle(f.ruleId) ? trustActions(doc, text, f, d, probed) : [];
    const vars = envVarsFor(f.ruleId, fixKindOf(f.ruleId));
    if (vars.length && removal) {
      actions.push(commandAction(`Use an environment variable instead (${vars.join(' / ')})`, d, FIX_COMMANDS.useEnv, { ...refOf(doc.uri, f), vars }));
    }
    if (ep && isLocalHost(ep.host)) {
      const hosts = [...new Set([ep.host, ...LOOPBACK_HOSTS])];
      const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
      actions.push(commandAction(`Create a development certificate for ${ep.host}`, d, 'tlsDoctor.createDevCert', { hosts, ...(folder ? { folder: folder.uri.fsPath } : {}) }));
    }
    if (remove) {
      // The probe showed default trust suffices: removing the switch is the right fix, not pointing at a bundle.
      for (const a of actions) a.isPreferred = false;
      remove.isPreferred = true;
      actions.unshift(remove);
    }
    return actions;
  }
}

/**
 * The trust actions, one preferred. A probe that found a CA to trust makes "trust the CA this endpoint presents" the
 * preferred one (a command: it builds the bundle from that CA, reusing the cached probe); otherwise a bundle in the
 * workspace (a plain edit), else a command that asks where the bundle should come from.
 */
function trustActions(doc: vscode.TextDocument, text: string, f: Finding, d: vscode.Diagnostic, probed?: FindingVerdict): vscode.CodeAction[] {
  const general = trustAction(doc, text, f, d);
  const ca = probed?.verdict.remedy === 'trust-ca' ? probed.verdict.ca : undefined;
  if (!probed || !ca) {
    general.isPreferred = true;
    return [general];
  }
  const title = `Trust the CA that ${endpointKey(probed.endpoint)} presents instead (${ca.subject})`;
  const action = commandAction(title, d, FIX_COMMANDS.trustBundle, { ...refOf(doc.uri, f), source: 'endpoint' });
  action.isPreferred = true;
  return [action, general];
}

/** Trusting a bundle: with a workspace bundle it is a plain edit, else a command that finds or builds one. */
function trustAction(doc: vscode.TextDocument, text: string, f: Finding, d: vscode.Diagnostic): vscode.CodeAction {
  const bundle = workspaceBundles(doc.uri)[0];
  const written = bundle && asWritten(bundle, doc.uri);
  const fix = written ? trustBundleFix(text, f, { bundle: written, path: corePath(doc.uri) }) : undefined;
  return fix && !fix.env
    ? editAction(`Trust a CA bundle instead (${written})`, d, doc.uri, fix)
    : commandAction(written ? `Trust a CA bundle instead (${written})` : 'Trust a CA bundle instead…', d, FIX_COMMANDS.trustBundle, { ...refOf(doc.uri, f), ...(written ? { bundlePath: bundle.fsPath } : {}) });
}

function editAction(title: string, d: vscode.Diagnostic, uri: vscode.Uri, fix: Parameters<typeof addFix>[2]): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [d];
  action.edit = new vscode.WorkspaceEdit();
  addFix(action.edit, uri, fix);
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
