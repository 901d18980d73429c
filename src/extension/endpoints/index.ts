// Wires the endpoints feature: the diagnostic decorator (verdicts on findings), the "Probe endpoint" CodeLens and
// command, background probing in `auto` mode, the "TLS Endpoints" tree and "Check all". Nothing here connects
// anywhere in an untrusted workspace: every probe goes through the shared ProbeService (services.probes), which refuses.
import * as vscode from 'vscode';
import { endpointKey, EndpointVerdict, enrich, mapLimited } from '../../core/endpoints/index';
import { COMMANDS } from '../commands';
import { toRange } from '../convert';
import { Services } from '../services';
import { onSettingsChanged, probeSettings } from '../settings';
import type { SettingsSnapshot } from '../settingsSnapshot';
import { endpointDecorator } from './decorate';
import type { ProbeService, Refusal } from './service';
import { FindingEndpoints } from './tracker';
import { describe, EndpointsTree } from './tree';

/** What tlsDoctor.probeEndpoint and tlsDoctor.endpoints.checkAll return when they won't connect. */
export interface Refused {
  readonly refused: Refusal | 'no-endpoint';
}

/** One result of "Check all". */
export interface CheckAllEntry {
  readonly key: string;
  readonly url: string;
  readonly verdict?: 'ok' | 'fail';
  readonly causes: readonly string[];
  readonly daysToExpiry?: number;
  readonly expiring: boolean;
}

/** Registers everything in the file comment. */
export function registerEndpoints(context: vscode.ExtensionContext, services: Services): void {
  const probes = services.probes;
  const tracker = new FindingEndpoints(services.findings);
  const tree = new EndpointsTree(probes, services.excludes);
  const lenses = new ProbeLenses(tracker, probes, services.settings);
  const files = vscode.workspace.createFileSystemWatcher('**/*'); // keeps the tree in step with saves, creates, deletes
  context.subscriptions.push(
    tree,
    lenses,
    files,
    files.onDidCreate((uri) => void tree.reloadFile(uri)),
    files.onDidChange((uri) => void tree.reloadFile(uri)),
    files.onDidDelete((uri) => tree.removeFile(uri)),
    services.slots.fill('endpointsTree', tree as vscode.TreeDataProvider<unknown>),
    services.slots.fill('probeLens', lenses),
    services.diagnostics.addDecorator(endpointDecorator(tracker, probes)),
    tracker.onDidChange((uri) => {
      // Endpoints first: a scan records hundreds of files, most without one, and each setting read costs.
      if (tracker.in(uri).length && mode(uri) === 'auto') probeFile(uri);
    }),
    probes.onDidProbe((key) => onNews(key)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      lenses.refresh();
      tree.refresh();
      for (const u of tracker.uris()) if (mode(u) === 'auto') probeFile(u);
    }),
    onSettingsChanged(['probe.referencedEndpoints', 'endpoints.expiryWarningDays'], () => {
      lenses.refresh();
      tree.refresh();
    }),
    services.commands.register(COMMANDS.probeEndpoint, (arg?: ProbeArg) => probeCommand(arg)),
    services.commands.register(COMMANDS.endpointsCheckAll, (arg?: { hosts?: string[] }) => checkAll(arg)),
    // Internal: the inventory without probing (the dev-certificate prompt suggests the local hosts in it).
    services.commands.register(COMMANDS.endpointsList, async () =>
      (await tree.endpoints()).map((e) => ({
        key: e.key,
        host: e.host,
        port: e.port,
        url: e.url,
        uses: e.refs.length,
      })),
    ),
  );

  function mode(uri?: vscode.Uri) {
    return services.settings.get(probeSettings, uri).referencedEndpoints;
  }

  /** Background probes of the endpoints of one file's findings (auto mode; cached, limited, trusted only). */
  function probeFile(uri: vscode.Uri): void {
    if (!vscode.workspace.isTrusted) return;
    for (const { endpoint } of tracker.in(uri)) {
      void probes
        .probe(endpoint, { scope: uri })
        .catch((e) => services.log.warn(`probe of ${endpoint.url} failed: ${(e as Error).message}`));
    }
  }

  /** A new report: re-render the files whose findings use that endpoint, the lenses and the tree. */
  function onNews(key: string): void {
    for (const uri of tracker.uris()) {
      if (tracker.in(uri).some((e) => endpointKey(e.endpoint) === key)) services.diagnostics.rerender(uri);
    }
    lenses.refresh();
    tree.refresh();
  }

  async function probeCommand(arg?: ProbeArg): Promise<ProbeResult | Refused> {
    if (!vscode.workspace.isTrusted) return refuseUntrusted();
    const targets = targetsOf(tracker, arg);
    if (targets.length === 0) return { refused: 'no-endpoint' };
    if (mode(targets[0].uri) === 'off') return { refused: 'off' };
    const { endpoint } = targets[0];
    const report = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('TLS Doctor: probing {0}', endpoint.url) },
      () => probes.probe(endpoint, { force: arg?.force ?? true, scope: targets[0].uri }),
    );
    if (!report) return { refused: probes.refusal(endpoint.host, targets[0].uri) ?? 'untrusted' };
    return {
      url: endpoint.url,
      verdict: report.verdict,
      causes: report.causes.map((c) => c.code),
      findings: targets.map((t) => enrich(report, t.ruleId)),
    };
  }

  async function checkAll(arg?: { hosts?: string[] }): Promise<CheckAllEntry[] | Refused> {
    if (!vscode.workspace.isTrusted) return refuseUntrusted();
    const all = (await tree.endpoints()).filter((e) => !arg?.hosts || arg.hosts.includes(e.host));
    const warningDays = probeSettings().expiryWarningDays;
    const results = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('TLS Doctor: checking endpoints'),
        cancellable: true,
      },
      (progress, token) =>
        mapLimited(all, 4, async (e): Promise<CheckAllEntry> => {
          const report = token.isCancellationRequested
            ? undefined
            : await probes.probe(e, { force: true }).catch(() => undefined);
          progress.report({ increment: 100 / Math.max(1, all.length), message: e.key });
          const d = describe(report, warningDays);
          return {
            key: e.key,
            url: e.url,
            verdict: report?.verdict,
            causes: report?.causes.map((c) => c.code) ?? [],
            ...(d.days !== undefined ? { daysToExpiry: d.days } : {}),
            expiring: d.days !== undefined && d.days <= warningDays,
          };
        }),
    );
    warnExpiring(results, warningDays);
    tree.refresh();
    return results;
  }
}

/** Arguments of tlsDoctor.probeEndpoint: the CodeLens passes the file and line; tests may pass a URI string. */
interface ProbeArg {
  readonly uri: string | vscode.Uri;
  readonly line?: number;
  readonly force?: boolean;
}

/** The result of tlsDoctor.probeEndpoint: the probe's verdict and what it means for each finding on that line. */
interface ProbeResult {
  readonly url: string;
  readonly verdict: 'ok' | 'fail';
  readonly causes: readonly string[];
  readonly findings: readonly EndpointVerdict[];
}

/** What the probing commands say and return in an untrusted workspace (background probes stay quiet instead). */
function refuseUntrusted(): Refused {
  const MANAGE = vscode.l10n.t('Manage Workspace Trust');
  void Promise.resolve(
    vscode.window.showWarningMessage(
      vscode.l10n.t('TLS Doctor connects to endpoints only in trusted workspaces.'),
      MANAGE,
    ),
  ).then((c) => {
    if (c === MANAGE) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return { refused: 'untrusted' };
}

function targetsOf(tracker: FindingEndpoints, arg?: ProbeArg) {
  if (!arg?.uri) return [];
  const uri = typeof arg.uri === 'string' ? vscode.Uri.parse(arg.uri) : arg.uri;
  return tracker
    .in(uri)
    .filter((e) => arg.line === undefined || e.finding.range.start.line === arg.line)
    .map((e) => ({ uri, endpoint: e.endpoint, ruleId: e.finding.ruleId }));
}

function warnExpiring(results: readonly CheckAllEntry[], days: number): void {
  const soon = results.filter((r) => r.expiring);
  if (soon.length === 0) return;
  const list = soon
    .map((r) => `${r.key} (${(r.daysToExpiry ?? 0) < 0 ? 'expired' : `${r.daysToExpiry} days`})`)
    .join(', ');
  void vscode.window.showWarningMessage(
    vscode.l10n.t('TLS Doctor: {0} endpoint certificate(s) expire within {1} days: {2}', soon.length, days, list),
  );
}

/**
 * "Probe endpoint" above each line with a finding whose endpoint is known (trusted workspaces, mode not off). The
 * finding lenses of a file are kept until its findings change (the store's event) or a probe, setting or trust
 * change refreshes them: the workbench asks again after every edit, and a typing pause that changed no finding
 * gets the same lenses back without going over the findings.
 */
class ProbeLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subs: vscode.Disposable[];
  private readonly byFile = new Map<string, { lenses: vscode.CodeLens[]; lines: Set<number> }>();
  /**
   * Each lens title by endpoint and rule, until refresh() (a probe, setting or trust change: what a title says): a
   * line break above the findings moves every lens, and their titles (a verdict and a translation each) stay.
   */
  private readonly titles = new Map<string, string>();
  private pending = false;

  constructor(
    private readonly tracker: FindingEndpoints,
    private readonly probes: ProbeService,
    /** The kept settings: the workbench asks for lenses after every edit. */
    private readonly settings: SettingsSnapshot,
  ) {
    const stale = (uri: vscode.Uri) => {
      this.byFile.delete(uri.toString());
      this.changedSoon();
    };
    this.subs = [tracker.onDidChange(stale), tracker.onDidMove(stale)];
  }

  /** One change event at the end of the current task: a scan's batch records hundreds of files, each a round trip. */
  private changedSoon(): void {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      this.changed.fire();
    });
  }

  refresh(): void {
    this.byFile.clear();
    this.titles.clear();
    this.changed.fire();
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.isTrusted || this.settings.get(probeSettings, doc.uri).referencedEndpoints === 'off') {
      return [];
    }
    const key = doc.uri.toString();
    const known = this.byFile.get(key) ?? this.findingLenses(doc.uri);
    this.byFile.set(key, known);
    return [...known.lenses, ...this.proofLenses(doc, known.lines)];
  }

  /** One lens per line with a finding whose endpoint is known: probe it, or what its last probe said. */
  private findingLenses(uri: vscode.Uri): { lenses: vscode.CodeLens[]; lines: Set<number> } {
    const seen = new Set<number>();
    const lenses = this.tracker.in(uri).flatMap(({ finding, endpoint }) => {
      const line = finding.range.start.line;
      if (seen.has(line)) return [];
      seen.add(line);
      return [
        new vscode.CodeLens(toRange(finding.range), {
          title: this.titleOf(endpoint, finding.ruleId),
          command: COMMANDS.probeEndpoint,
          arguments: [{ uri: uri.toString(), line }],
        }),
      ];
    });
    return { lenses, lines: seen };
  }

  /** What the lens of a finding of `ruleId` talking to `endpoint` says: probe it, or what its last probe said. */
  private titleOf(endpoint: { host: string; port: number }, ruleId: string): string {
    // What a title depends on: the endpoint's host and port (the probe cache's key) and the rule.
    const key = `${endpointKey(endpoint)} ${ruleId}`;
    const kept = this.titles.get(key);
    if (kept !== undefined) return kept;
    const v = this.probes.verdict(endpoint, ruleId);
    const title = v
      ? `$(plug) ${vscode.l10n.t('{0}: {1}{2} → {3} · Re-probe', endpointKey(endpoint), v.verdict, v.causes.length ? ` (${v.causes.join(', ')})` : '', v.remedy)}`
      : `$(plug) ${vscode.l10n.t('Probe endpoint {0}', endpointKey(endpoint))}`;
    this.titles.set(key, title);
    return title;
  }

  /** A fixed line has no finding any more: its lens says what re-checking the endpoint with the new bundle found. */
  private proofLenses(doc: vscode.TextDocument, seen: ReadonlySet<number>): vscode.CodeLens[] {
    const lenses: vscode.CodeLens[] = [];
    for (const p of this.probes.proofsIn(doc.uri)) {
      if (seen.has(p.line) || p.line >= doc.lineCount) continue;
      if (p.lineText !== undefined && doc.lineAt(p.line).text !== p.lineText) continue; // undone or edited since
      const { ok, causes, bundle } = p.check;
      const name = vscode.workspace.asRelativePath(bundle, false);
      const title = ok
        ? `$(pass) ${vscode.l10n.t('{0} verifies with {1}', endpointKey(p.endpoint), name)}`
        : `$(error) ${vscode.l10n.t('{0} does not verify with {1} ({2})', endpointKey(p.endpoint), name, causes.join(', '))}`;
      lenses.push(
        new vscode.CodeLens(new vscode.Range(p.line, 0, p.line, 0), {
          title,
          command: COMMANDS.showLog,
          tooltip: `checked ${new Date(p.check.at).toLocaleTimeString()}`,
        }),
      );
    }
    return lenses;
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
    this.changed.dispose();
  }
}
