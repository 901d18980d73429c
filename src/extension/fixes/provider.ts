// The lightbulb: quick-fixes on TLS Doctor diagnostics. Cheap by design: actions whose edit is known now (a bundle
// already in the workspace, removal after a probe) carry a WorkspaceEdit; everything that needs a probe, a new file
// or a prompt is a command run only when chosen.
import * as vscode from 'vscode';
import { canTrustBundle, envVarsFor, fixKindOf, isLocalHost, removeFlagFix, trustBundleFix } from '../../core/fixes/index';
import type { Finding } from '../../core/rules/types';
import { DIAGNOSTIC_SOURCE, findingFor } from '../convert';
import { corePath } from '../diagnostics/manager';
import { asWritten, endpointOf, workspaceBundles } from './bundles';
import { addFix } from './edits';
import { findingIn, refOf } from './locate';
import type { Verdicts } from './verdicts';

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

  constructor(private readonly verdicts: Verdicts) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    const out: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      const f = findingFor(doc.uri, d) ?? findingIn(doc, String(typeof d.code === 'object' ? d.code.value : d.code), { start: d.range.start, end: d.range.end });
      if (f) out.push(...this.actionsFor(doc, f, d));
    }
    return out;
  }

  private actionsFor(doc: vscode.TextDocument, f: Finding, d: vscode.Diagnostic): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    if (canTrustBundle(f.ruleId)) actions.push(trustAction(doc, f, d));
    const vars = envVarsFor(f.ruleId, fixKindOf(f.ruleId));
    if (vars.length && removeFlagFix(doc.getText(), f, corePath(doc.uri))) {
      actions.push(commandAction(`Use an environment variable instead (${vars.join(' / ')})`, d, FIX_COMMANDS.useEnv, { ...refOf(doc.uri, f), vars }));
    }
    const ep = endpointOf(doc, f);
    if (ep && isLocalHost(ep.host)) {
      const hosts = [...new Set([ep.host, 'localhost', '127.0.0.1', '::1'])];
      const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
      actions.push(commandAction(`Create a development certificate for ${ep.host}`, d, 'tlsDoctor.createDevCert', { hosts, ...(folder ? { folder: folder.uri.fsPath } : {}) }));
    }
    if (this.verdicts.remedy(doc.uri, f, d) === 'remove-flag') {
      const removal = removeFlagFix(doc.getText(), f, corePath(doc.uri));
      if (removal) actions.push(editAction(`Remove ${firstLine(f.value)} (the endpoint verifies with default trust)`, d, doc.uri, removal));
    }
    return actions;
  }
}

/** The preferred action: with a workspace bundle it is a plain edit, else a command that finds or builds one. */
function trustAction(doc: vscode.TextDocument, f: Finding, d: vscode.Diagnostic): vscode.CodeAction {
  const bundle = workspaceBundles(doc.uri)[0];
  const written = bundle && asWritten(bundle, doc.uri);
  const fix = written ? trustBundleFix(doc.getText(), f, { bundle: written, path: corePath(doc.uri) }) : undefined;
  const action = fix && !fix.env
    ? editAction(`Trust a CA bundle instead (${written})`, d, doc.uri, fix)
    : commandAction(written ? `Trust a CA bundle instead (${written})` : 'Trust a CA bundle instead…', d, FIX_COMMANDS.trustBundle, { ...refOf(doc.uri, f), ...(written ? { bundlePath: bundle.fsPath } : {}) });
  action.isPreferred = true;
  return action;
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
