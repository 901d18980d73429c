// Which endpoint each shown finding talks to. Filled whenever the diagnostics module renders a file's findings
// (its onDidRenderFindings hook); the text is the one just scanned, else (re-renders) the open editor's, else disk's.
import * as vscode from 'vscode';
import { currentText } from '../documents';
import { Endpoint, resolveEndpoint } from '../../core/endpoints/index';
import type { Finding, Range } from '../../core/rules/types';

/** A finding with the endpoint it talks to. */
export interface FindingEndpoint {
  readonly finding: Finding;
  readonly endpoint: Endpoint;
}

function key(ruleId: string, r: Range): string {
  return `${ruleId}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** Per-file map of finding → endpoint, kept in step with the diagnostics. */
export class FindingEndpoints implements vscode.Disposable {
  private readonly byUri = new Map<string, Map<string, FindingEndpoint>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when the endpoints of a file were recomputed. */
  readonly onDidChange = this.changed.event;

  /** Recomputes the endpoints of `uri`'s findings; pass `scanned`, the text they came from, when known. */
  async update(uri: vscode.Uri, findings: readonly Finding[], scanned?: string): Promise<FindingEndpoint[]> {
    if (findings.length === 0) {
      if (this.byUri.delete(uri.toString())) this.changed.fire(uri);
      return [];
    }
    // A scan's own text: no second copy of the document on every keystroke, no second read of a scanned file.
    const text = scanned ?? await textOf(uri);
    const entries = text === undefined ? [] : findings.flatMap((finding) => {
      const endpoint = resolveEndpoint(text, finding);
      return endpoint ? [{ finding, endpoint }] : [];
    });
    this.byUri.set(uri.toString(), new Map(entries.map((e) => [key(e.finding.ruleId, e.finding.range), e])));
    this.changed.fire(uri);
    return entries;
  }

  /** The endpoint of one finding, if known. */
  get(uri: vscode.Uri, f: Pick<Finding, 'ruleId' | 'range'>): FindingEndpoint | undefined {
    return this.byUri.get(uri.toString())?.get(key(f.ruleId, f.range));
  }

  /** Every finding with an endpoint in `uri`. */
  in(uri: vscode.Uri): FindingEndpoint[] {
    return [...(this.byUri.get(uri.toString())?.values() ?? [])];
  }

  /** Every file with at least one finding whose endpoint is known. */
  uris(): vscode.Uri[] {
    return [...this.byUri.entries()].filter(([, m]) => m.size > 0).map(([u]) => vscode.Uri.parse(u));
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The current text of `uri`: the open document's (unsaved edits included), else the file on disk. */
async function textOf(uri: vscode.Uri): Promise<string | undefined> {
  return currentText(uri).catch(() => undefined);
}
