// The one place that maps core types to VS Code types and back (positions, ranges, severities, findings). Pure:
// which Finding each Diagnostic came from is kept by the FindingStore (findings.ts).
import * as vscode from 'vscode';
import { ruleDocsUrl } from '../core/scan/index';
import type { Finding, Position, Range, Severity } from '../core/rules/types';

/** What every TLS Doctor diagnostic carries as `source`. */
export const DIAGNOSTIC_SOURCE = 'TLS Doctor';

/** Core position → VS Code position. */
export function toPosition(p: Position): vscode.Position {
  return new vscode.Position(p.line, p.character);
}

/** Core range → VS Code range. */
export function toRange(r: Range): vscode.Range {
  return new vscode.Range(toPosition(r.start), toPosition(r.end));
}

/** VS Code range → core range (plain data). */
export function fromRange(r: vscode.Range): Range {
  return {
    start: { line: r.start.line, character: r.start.character },
    end: { line: r.end.line, character: r.end.character },
  };
}

/** Core severity → VS Code severity (`info` is Information). */
export function toSeverity(s: Severity): vscode.DiagnosticSeverity {
  switch (s) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    default:
      return vscode.DiagnosticSeverity.Information;
  }
}

/** VS Code severity → core severity (Hint counts as info). */
export function fromSeverity(s: vscode.DiagnosticSeverity): Severity {
  if (s === vscode.DiagnosticSeverity.Error) return 'error';
  if (s === vscode.DiagnosticSeverity.Warning) return 'warning';
  return 'info';
}

/**
 * Uri of a rule's documentation page (the diagnostic's code link). `bundledDocs` is the docs/rules/ folder inside the
 * extension (shipped in the .vsix), so the link opens offline, on remote hosts, and whatever the repository URL is;
 * without it, links go to the repository.
 */
export function ruleDocsUri(ruleId: string, bundledDocs?: vscode.Uri): vscode.Uri {
  return bundledDocs ? vscode.Uri.joinPath(bundledDocs, `${ruleId}.md`) : vscode.Uri.parse(ruleDocsUrl(ruleId));
}

/** The bundled rule pages of the extension installed at `extensionUri`. */
export function bundledDocsOf(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules');
}

/** The rule id of a diagnostic (its `code.value`), or undefined when it is not one of ours. */
export function ruleIdOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = d.code;
  return typeof code === 'object' && code !== null ? String(code.value) : code === undefined ? undefined : String(code);
}

/**
 * A Diagnostic for `f` in the document `uri` (related information points into the same document). `docs`: the rule
 * page's Uri when the caller keeps one per rule (the diagnostics manager does: one Uri per diagnostic was a tenth of
 * what a workspace's results held).
 */
export function toDiagnostic(
  f: Finding,
  uri: vscode.Uri,
  bundledDocs?: vscode.Uri,
  docs: vscode.Uri = ruleDocsUri(f.ruleId, bundledDocs),
): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f.range), f.message, toSeverity(f.severity));
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: f.ruleId, target: docs };
  if (f.related?.length) {
    d.relatedInformation = f.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(r.range)), r.message),
    );
  }
  return d;
}
