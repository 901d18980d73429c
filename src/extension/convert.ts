// The one place that maps core types to VS Code types and back (positions, ranges, severities, findings). Also
// remembers which Finding each Diagnostic came from, so quick-fixes can recover the rule, the matched value and the
// context range without re-parsing: `findingFor(uri, diagnostic)`.
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
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

/** Core severity → VS Code severity (`info` is Information). */
export function toSeverity(s: Severity): vscode.DiagnosticSeverity {
  switch (s) {
    case 'error': return vscode.DiagnosticSeverity.Error;
    case 'warning': return vscode.DiagnosticSeverity.Warning;
    default: return vscode.DiagnosticSeverity.Information;
  }
}

/** VS Code severity → core severity (Hint counts as info). */
export function fromSeverity(s: vscode.DiagnosticSeverity): Severity {
  if (s === vscode.DiagnosticSeverity.Error) return 'error';
  if (s === vscode.DiagnosticSeverity.Warning) return 'warning';
  return 'info';
}

let bundledDocs: vscode.Uri | undefined;

/**
 * Links diagnostics to the rule pages shipped inside the extension (docs/rules/ is in the .vsix), so the link opens
 * offline, on remote hosts, and whatever the repository URL is. Without it, links go to the repository.
 */
export function useBundledDocs(extensionUri: vscode.Uri): void {
  bundledDocs = vscode.Uri.joinPath(extensionUri, 'docs', 'rules');
}

/** Uri of a rule's documentation page (the diagnostic's code link). */
export function ruleDocsUri(ruleId: string): vscode.Uri {
  return bundledDocs ? vscode.Uri.joinPath(bundledDocs, `${ruleId}.md`) : vscode.Uri.parse(ruleDocsUrl(ruleId));
}

/** The rule id of a diagnostic (its `code.value`), or undefined when it is not one of ours. */
export function ruleIdOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = d.code;
  return typeof code === 'object' && code !== null ? String(code.value) : code === undefined ? undefined : String(code);
}

/** A Diagnostic for `f` in the document `uri` (related information points into the same document). */
export function toDiagnostic(f: Finding, uri: vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f.range), f.message, toSeverity(f.severity));
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: f.ruleId, target: ruleDocsUri(f.ruleId) };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(r.range)), r.message));
  }
  byDiagnostic.set(d, f);
  return d;
}

// ---- Diagnostic → Finding ----------------------------------------------------------------------------------
// Diagnostics handed to code-action providers are copies made by VS Code, not the objects created above, so the
// WeakMap is only a fast path; the per-document index keyed by rule id + range is what quick-fixes rely on.

const byDiagnostic = new WeakMap<vscode.Diagnostic, Finding>();
const byDocument = new Map<string, Map<string, Finding>>();

function key(ruleId: string, r: Range): string {
  return `${ruleId}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** Records the findings currently shown for `uri` (replacing earlier ones); called by the diagnostics manager. */
export function rememberFindings(uri: vscode.Uri, findings: readonly Finding[]): void {
  if (findings.length === 0) { byDocument.delete(uri.toString()); return; }
  byDocument.set(uri.toString(), new Map(findings.map((f) => [key(f.ruleId, f.range), f])));
}

/** Forgets the findings of `uri` (document closed and not part of workspace results, file deleted). */
export function forgetFindings(uri: vscode.Uri): void {
  byDocument.delete(uri.toString());
}

/** The Finding behind a TLS Doctor diagnostic in `uri`, or undefined (not ours, or stale). */
export function findingFor(uri: vscode.Uri, d: vscode.Diagnostic): Finding | undefined {
  const direct = byDiagnostic.get(d);
  if (direct) return direct;
  const ruleId = ruleIdOf(d);
  return ruleId ? byDocument.get(uri.toString())?.get(key(ruleId, fromRange(d.range))) : undefined;
}

/** Every current Finding of `uri` whose range intersects `range` (for code-action providers given a selection). */
export function findingsAt(uri: vscode.Uri, range: vscode.Range): Finding[] {
  const all = byDocument.get(uri.toString());
  if (!all) return [];
  return [...all.values()].filter((f) => toRange(f.range).intersection(range) !== undefined);
}
