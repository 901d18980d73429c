// The objects that own the extension's state, created once in activate() (createServices) and disposed through
// context.subscriptions. No module keeps state of its own: features get what they need from here.
import * as vscode from 'vscode';
import { COMMANDS, CommandRunner } from './commands';
import { bundledDocsOf } from './convert';
import { DiagnosticsManager } from './diagnostics/manager';
import { WorkspaceExcludes } from './diagnostics/excludes';
import { LiveScanner } from './diagnostics/liveScan';
import { ProbeService } from './endpoints/service';
import { FindingStore } from './findings';
import { BundleIndex } from './fixes/bundleIndex';
import { createLog } from './log';
import { createSettingsSnapshot, SettingsSnapshot } from './settings';
import { ScanActivity } from './status/scanActivity';
import type { EntryHost, Slots } from './slots';

/** What every feature module receives from `activate()`. */
export interface Services {
  readonly log: vscode.LogOutputChannel;
  /**
   * The settings read on every typing pause (scan limits, severities, lens switches), per workspace folder, dropped
   * on any tlsDoctor.* change. Created first, so its change listener runs before every feature's.
   */
  readonly settings: SettingsSnapshot;
  /** Registers every command with the one error path and failure shape. */
  readonly commands: CommandRunner;
  /**
   * The one endpoint prober (owned by the endpoints feature): cache per host:port, concurrency limit, trust guard and
   * allow-list, plus structured verdicts per finding. The quick-fixes and "Check TLS for URL" probe through it too.
   */
  readonly probes: ProbeService;
  /** Which Finding each diagnostic came from, per document, with its endpoint and fix facts (change events). */
  readonly findings: FindingStore;
  /** The workspace's exclude matchers (scan, live scanning, endpoints inventory). */
  readonly excludes: WorkspaceExcludes;
  /** The "TLS Doctor" diagnostic collection and its decorators. */
  readonly diagnostics: DiagnosticsManager;
  /** The CA bundles already in each workspace folder's devcert out dir (kept up to date by watchers). */
  readonly bundles: BundleIndex;
  /** Whether a workspace scan runs (the diagnostics' scan runner reports; the status bar spinner listens). */
  readonly scans: ScanActivity;
  /** The provider slots the entry registered at activation: each feature fills its own (src/extension/slots.ts). */
  readonly slots: Slots;
  /** What the entry knows from before the features were loaded (its timings, early terminal commands). */
  readonly entry: EntryHost;
}

/** Creates the services and pushes each disposable on context.subscriptions. */
export function createServices(context: vscode.ExtensionContext, entry: EntryHost): Services {
  const settings = createSettingsSnapshot();
  const log = createLog(context);
  const commands = new CommandRunner(log, entry.commands);
  const findings = new FindingStore();
  const excludes = new WorkspaceExcludes();
  const live = new LiveScanner();
  const diagnostics = new DiagnosticsManager({
    log,
    findings,
    excludes,
    settings,
    bundledDocs: bundledDocsOf(context.extensionUri),
    live,
  });
  const probes = new ProbeService(log, context.workspaceState);
  const bundles = new BundleIndex().watch(findings);
  const scans = new ScanActivity();
  context.subscriptions.push(
    settings,
    findings,
    diagnostics,
    live,
    probes,
    bundles,
    scans,
    commands.register(COMMANDS.showLog, () => log.show(true)),
    // Internal: how the entry loaded the features, and anything left without an implementation (tests).
    commands.register(COMMANDS.entryState, () => entry.describe()),
  );
  return {
    log,
    settings,
    commands,
    probes,
    findings,
    excludes,
    diagnostics,
    bundles,
    scans,
    slots: entry.slots,
    entry,
  };
}
