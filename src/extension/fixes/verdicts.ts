// What probes have said about the endpoints of findings, so "Remove verify=False" is offered only when one showed
// the endpoint verifies with default trust. Two sources: probes this feature ran (for the bundle), and the verdict
// the endpoints feature appends to a diagnostic's related information ("…; remedy: remove-flag").
import * as vscode from 'vscode';
import type { EndpointVerdict, RemedyKind } from '../../core/endpoints/index';
import type { Finding } from '../../core/rules/types';

function key(uri: vscode.Uri, f: Finding): string {
  return `${uri.toString()}#${f.ruleId}@${f.range.start.line}:${f.range.start.character}`;
}

/** Probe verdicts by finding (forgotten when the document changes: a finding's position is only valid until then). */
export class Verdicts implements vscode.Disposable {
  private readonly byFinding = new Map<string, EndpointVerdict>();
  private readonly sub = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.contentChanges.length) this.forget(e.document.uri);
  });

  remember(uri: vscode.Uri, f: Finding, v: EndpointVerdict): void {
    this.byFinding.set(key(uri, f), v);
  }

  /** The remedy a probe found for `f`, from this feature's probes or the diagnostic's endpoint verdict. */
  remedy(uri: vscode.Uri, f: Finding, d?: vscode.Diagnostic): RemedyKind | undefined {
    const own = this.byFinding.get(key(uri, f))?.remedy;
    if (own) return own;
    for (const r of d?.relatedInformation ?? []) {
      const m = /; remedy: ([a-z-]+)/.exec(r.message);
      if (m) return m[1] as RemedyKind;
    }
    return undefined;
  }

  private forget(uri: vscode.Uri): void {
    const prefix = `${uri.toString()}#`;
    for (const k of [...this.byFinding.keys()]) if (k.startsWith(prefix)) this.byFinding.delete(k);
  }

  dispose(): void {
    this.sub.dispose();
    this.byFinding.clear();
  }
}
