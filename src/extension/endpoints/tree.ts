// The "TLS Endpoints" view in the Explorer: every https endpoint the workspace refers to (host:port), its last
// verdict and days to expiry, and under it the files and lines that mention it (click → open there).
import * as vscode from 'vscode';
import { endpointKey, EndpointRef, findEndpointRefs, isInventoried } from '../../core/endpoints/index';
import type { CheckReport } from '../../core/tls/types';
import { toRange } from '../convert';
import type { WorkspaceExcludes } from '../diagnostics/excludes';
import { probeSettings, scanSettings } from '../settings';
import type { ProbeService } from './service';

/** One endpoint of the workspace and where it is mentioned. */
export interface EndpointNode {
  readonly kind: 'endpoint';
  readonly key: string;
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly refs: readonly RefNode[];
}

/** One mention of an endpoint: a file and a range. */
export interface RefNode {
  readonly kind: 'ref';
  readonly uri: vscode.Uri;
  readonly ref: EndpointRef;
}

type Node = EndpointNode | RefNode;
const MAX_FILES = 5000;
const DAY_MS = 86_400_000;

/** Tree data for `tlsDoctor.endpoints`; the inventory is built on first display and on refresh(). */
export class EndpointsTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private byFile = new Map<string, RefNode[]>();
  private built?: Promise<void>;

  constructor(
    private readonly probes: ProbeService,
    private readonly excludes: WorkspaceExcludes,
  ) {}

  /** Re-reads the workspace (`full`) or just re-renders verdicts. */
  refresh(full = false): void {
    if (full) this.built = undefined;
    this.changed.fire(undefined);
  }

  /** Re-reads one file from disk (created, changed or saved) and re-renders. */
  async reloadFile(uri: vscode.Uri): Promise<void> {
    // The same excludes as the initial inventory: a file written into build/ or a virtualenv is not the workspace's.
    if (!this.built || !isInventoried(uri.path) || !this.excludes.isIncluded(uri)) return;
    await this.built;
    const text = await this.read(uri);
    if (text === undefined) this.byFile.delete(uri.toString());
    else this.setFile(uri, text);
    this.changed.fire(undefined);
  }

  /** Forgets a deleted file, or every file under a deleted folder. */
  removeFile(uri: vscode.Uri): void {
    const gone = uri.toString();
    const keys = [...this.byFile.keys()].filter((k) => k === gone || k.startsWith(`${gone}/`));
    for (const k of keys) this.byFile.delete(k);
    if (keys.length) this.changed.fire(undefined);
  }

  /** Every endpoint of the workspace, sorted by key (builds the inventory if needed). */
  async endpoints(): Promise<EndpointNode[]> {
    this.built ??= this.build();
    await this.built;
    const groups = new Map<string, RefNode[]>();
    for (const refs of this.byFile.values()) {
      for (const r of refs) groups.set(endpointKey(r.ref), [...(groups.get(endpointKey(r.ref)) ?? []), r]);
    }
    return [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, refs]) => {
        const { host, port } = refs[0].ref;
        return { kind: 'endpoint', key, host, port, url: `https://${key.replace(/:443$/, '')}/`, refs };
      });
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) return this.endpoints();
    return node.kind === 'endpoint' ? [...node.refs] : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return node.kind === 'endpoint' ? this.endpointItem(node) : refItem(node);
  }

  private endpointItem(n: EndpointNode): vscode.TreeItem {
    const item = new vscode.TreeItem(n.key, vscode.TreeItemCollapsibleState.Collapsed);
    const last = this.probes.last(n);
    const state = describe(last?.report, probeSettings().expiryWarningDays);
    // After a fix: what the endpoint says with the bundle the fixed code trusts (the default-trust verdict stays shown).
    const withBundle = this.probes
      .bundleChecksOf(n)
      .map((c) => `${c.ok ? '✓' : '✗'} ${vscode.l10n.t('with {0}', vscode.workspace.asRelativePath(c.bundle, false))}`);
    item.description = [
      state.text,
      ...withBundle,
      n.refs.length === 1 ? vscode.l10n.t('1 use') : vscode.l10n.t('{0} uses', n.refs.length),
    ].join(' · ');
    item.iconPath = new vscode.ThemeIcon(
      withBundle.length && this.probes.bundleChecksOf(n).every((c) => c.ok) ? 'pass' : state.icon,
    );
    item.tooltip = last
      ? `${n.url}\n${state.text}\n${vscode.l10n.t('checked {0}', new Date(last.at).toLocaleString())}`
      : `${n.url}\n${vscode.l10n.t('not checked yet')}`;
    item.contextValue = 'tlsDoctor.endpoint';
    item.id = `endpoint:${n.key}`;
    return item;
  }

  private async build(): Promise<void> {
    this.byFile = new Map();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const uri of await this.excludes.includedFiles(folder, MAX_FILES)) {
        if (!isInventoried(uri.path)) continue;
        const text = await this.read(uri);
        if (text !== undefined) this.setFile(uri, text);
      }
    }
  }

  /** A file's text, or undefined when it is unreadable or over the size limit. */
  private async read(uri: vscode.Uri): Promise<string | undefined> {
    const bytes = await vscode.workspace.fs.readFile(uri).then(
      (b) => b,
      () => undefined,
    );
    return bytes && bytes.length <= scanSettings().maxFileSizeKB * 1024 ? new TextDecoder().decode(bytes) : undefined;
  }

  private setFile(uri: vscode.Uri, text: string): void {
    const refs = findEndpointRefs(text, uri.path).map((ref): RefNode => ({ kind: 'ref', uri, ref }));
    if (refs.length) this.byFile.set(uri.toString(), refs);
    else this.byFile.delete(uri.toString());
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function refItem(n: RefNode): vscode.TreeItem {
  const line = n.ref.range.start.line + 1;
  const item = new vscode.TreeItem(
    `${vscode.workspace.asRelativePath(n.uri, false)}:${line}`,
    vscode.TreeItemCollapsibleState.None,
  );
  item.description = n.ref.url;
  item.resourceUri = n.uri;
  item.command = { command: 'vscode.open', title: 'Open', arguments: [n.uri, { selection: toRange(n.ref.range) }] };
  return item;
}

/** Short text and icon for an endpoint's last report. */
export function describe(
  report: CheckReport | undefined,
  warningDays: number,
): { text: string; icon: string; days?: number } {
  if (!report) return { text: vscode.l10n.t('not checked'), icon: 'circle-outline' };
  const leaf = report.chain[0];
  const days = leaf ? Math.floor((Date.parse(leaf.notAfter) - Date.now()) / DAY_MS) : undefined;
  const expiry =
    days === undefined
      ? ''
      : ` · ${days < 0 ? vscode.l10n.t('expired {0} days ago', -days) : vscode.l10n.t('{0} days left', days)}`;
  const causes = report.causes.map((c) => c.code).join(', ');
  const text = `${report.verdict === 'ok' ? 'ok' : `fail: ${causes}`}${expiry}`;
  const warn = days !== undefined && days <= warningDays;
  return {
    text,
    icon: report.verdict !== 'ok' ? 'error' : warn ? 'warning' : 'pass',
    ...(days !== undefined ? { days } : {}),
  };
}
