// Which endpoint each shown finding talks to: a view on the FindingStore, which resolves the endpoints once per scan
// from the text the findings were scanned from (re-renders keep them).
import type * as vscode from 'vscode';
import type { Endpoint } from '../../core/endpoints/index';
import type { Finding } from '../../core/rules/types';
import type { FindingStore } from '../findings';

/** A finding with the endpoint it talks to. */
export interface FindingEndpoint {
  readonly finding: Finding;
  readonly endpoint: Endpoint;
}

/** Per-file finding → endpoint, in step with the diagnostics (it reads the store). */
export class FindingEndpoints {
  /** Fires when the findings (and so the endpoints) of a file were recorded again. */
  readonly onDidChange: vscode.Event<vscode.Uri>;
  /** Fires when the findings of a file only moved (the same endpoints, at other lines). */
  readonly onDidMove: vscode.Event<vscode.Uri>;

  constructor(private readonly store: FindingStore) {
    this.onDidChange = store.onDidChange;
    this.onDidMove = store.onDidMove;
  }

  /** The endpoint of one finding, if known. */
  get(uri: vscode.Uri, f: Pick<Finding, 'ruleId' | 'range'>): FindingEndpoint | undefined {
    const e = this.store.get(uri, f);
    return e?.endpoint && { finding: e.finding, endpoint: e.endpoint };
  }

  /** Every finding with an endpoint in `uri`. */
  in(uri: vscode.Uri): FindingEndpoint[] {
    return this.store.in(uri).flatMap((e) => (e.endpoint ? [{ finding: e.finding, endpoint: e.endpoint }] : []));
  }

  /** Every file with at least one finding whose endpoint is known. */
  uris(): vscode.Uri[] {
    return this.store.uris().filter((u) => this.in(u).length > 0);
  }
}
