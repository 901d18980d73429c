// The FindingStore: which Finding each TLS Doctor diagnostic came from, per document, with what is known about it
// from the text it was scanned from (its endpoint, which quick-fixes its text allows). Filled by the diagnostics
// manager on every render, read by the quick-fixes (cheap lightbulb), the endpoint lenses, tree and probes. All of it
// is computed once per scan, never per cursor move. Created in activate() and carried on Services.
import { isDeepStrictEqual } from 'util';
import * as vscode from 'vscode';
import type { Endpoint } from '../core/endpoints/index';
import type { Finding } from '../core/rules/types';
import { fromRange, ruleIdOf, toRange } from './convert';
import { coreAnalysis, factsOf, FindingAnalysis, FindingFacts, findingKey, TrustShape } from './findingFacts';

export { coreAnalysis, findingKey } from './findingFacts';
export type { FindingAnalysis, FindingFacts, TrustShape } from './findingFacts';

/** A shown finding and the facts its scanned text gave. */
export interface StoredFinding {
  readonly finding: Finding;
  /** The endpoint the code talks to, when the text says so statically. */
  readonly endpoint?: Endpoint;
  /** True when the switch can be removed from the text (removeFlagFix has an edit). */
  readonly removable: boolean;
  readonly trust: TrustShape;
}

/** Per-document findings as shown, with change events; see the file comment. */
export class FindingStore implements vscode.Disposable {
  private readonly byDocument = new Map<string, Map<string, StoredFinding>>();
  /** Fast path for the diagnostic objects the manager created; VS Code hands providers copies, hence the index above. */
  private readonly byDiagnostic = new WeakMap<vscode.Diagnostic, Finding>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the document whose findings were recorded or forgotten. */
  readonly onDidChange = this.changed.event;
  private readonly moved = new vscode.EventEmitter<vscode.Uri>();
  /**
   * Fires instead of onDidChange when a record only moved the findings of a document (`moved`: the same findings and
   * facts in the same order, at other positions; a line break above them): what depends on positions (lenses) is
   * redone, what does not (counts, endpoints, bundles, probes) stays as it is.
   */
  readonly onDidMove = this.moved.event;

  constructor(private readonly analysis: FindingAnalysis = coreAnalysis) {}

  /**
   * Records the findings shown for `uri` (replacing earlier ones). `text` is the text they were scanned from; without
   * it (a re-render with new severities) the facts of the same findings are kept from the last record. Unless
   * `always`, returns false and fires nothing when the findings and their facts are exactly those recorded before (a
   * typing pause that changed no finding: the lenses, the status bar and the bundle index have nothing to redo).
   * `moved`: the caller knows these are the findings and facts recorded before at other positions (the live scan's
   * shapeDigest), so onDidMove fires rather than onDidChange.
   */
  record(
    uri: vscode.Uri,
    findings: readonly Finding[],
    path: string,
    text?: string,
    facts?: ReadonlyMap<string, FindingFacts>,
    always = true,
    moved = false,
  ): boolean {
    const key = uri.toString();
    if (findings.length === 0) {
      if (!this.byDocument.delete(key)) return false;
      this.changed.fire(uri);
      return true;
    }
    const before = this.byDocument.get(key);
    const entries = findings.map((finding): [string, StoredFinding] => {
      const k = findingKey(finding.ruleId, finding.range);
      const known = facts?.get(k);
      if (known) return [k, { ...known, finding }];
      const old = text === undefined ? before?.get(k) : undefined;
      return [k, old ? { ...old, finding } : this.analyse(finding, path, text)];
    });
    if (!always && before && sameEntries(before, entries)) return false;
    this.byDocument.set(key, new Map(entries));
    (moved && before?.size === entries.length ? this.moved : this.changed).fire(uri);
    return true;
  }

  private analyse(finding: Finding, path: string, text: string | undefined): StoredFinding {
    if (text === undefined) return { finding, removable: false, trust: 'none' };
    return { finding, ...factsOf(finding, path, text, this.analysis) };
  }

  /** Links diagnostic objects to their findings (the fast path of findingFor). */
  link(pairs: readonly (readonly [vscode.Diagnostic, Finding])[]): void {
    for (const [d, f] of pairs) this.byDiagnostic.set(d, f);
  }

  /** Forgets the findings of `uri` (document closed and not part of workspace results, file deleted). */
  forget(uri: vscode.Uri): void {
    if (this.byDocument.delete(uri.toString())) this.changed.fire(uri);
  }

  /** The stored entry of a finding of `uri`, by rule id and range. */
  get(uri: vscode.Uri, f: Pick<Finding, 'ruleId' | 'range'>): StoredFinding | undefined {
    return this.byDocument.get(uri.toString())?.get(findingKey(f.ruleId, f.range));
  }

  /** The entry behind a TLS Doctor diagnostic in `uri`, or undefined (not ours, or stale). */
  entryFor(uri: vscode.Uri, d: vscode.Diagnostic): StoredFinding | undefined {
    const direct = this.byDiagnostic.get(d);
    if (direct) return this.get(uri, direct);
    const ruleId = ruleIdOf(d);
    return ruleId ? this.get(uri, { ruleId, range: fromRange(d.range) }) : undefined;
  }

  /** Every entry of `uri`. */
  in(uri: vscode.Uri): StoredFinding[] {
    return [...(this.byDocument.get(uri.toString())?.values() ?? [])];
  }

  /** Every current Finding of `uri` whose range intersects `range` (for code-action providers given a selection). */
  findingsAt(uri: vscode.Uri, range: vscode.Range): Finding[] {
    return this.in(uri)
      .map((e) => e.finding)
      .filter((f) => toRange(f.range).intersection(range) !== undefined);
  }

  /** Every document with at least one finding. */
  uris(): vscode.Uri[] {
    return [...this.byDocument.keys()].map((u) => vscode.Uri.parse(u));
  }

  dispose(): void {
    this.changed.dispose();
    this.moved.dispose();
    this.byDocument.clear();
  }
}

/** True when `entries` hold exactly the findings and facts of `before`, in the same order. */
function sameEntries(before: ReadonlyMap<string, StoredFinding>, entries: readonly [string, StoredFinding][]): boolean {
  if (before.size !== entries.length) return false;
  let i = 0;
  for (const [k, v] of before) {
    const [nk, nv] = entries[i++];
    if (k !== nk || !isDeepStrictEqual(v, nv)) return false;
  }
  return true;
}
