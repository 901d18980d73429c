// Wires the "Check TLS for URL" feature: the two commands, the shared panel and the URL CodeLens/hover.
import * as vscode from 'vscode';
import type { CheckReport } from '../../core/tls/types';
import { COMMANDS } from '../commands';
import { checkAndRestate, registerExplain } from '../explain/index';
import type { ExplainView } from '../explain/model';
import { Services } from '../services';
import { endpointKey } from '../../core/endpoints/url';
import { retarget } from '../../core/tls/causes';
import { bundleTarget, copyEnvSettings, createCaBundle, saveCaPem } from './actions';
import { registerUrlLenses } from './codeLens';
import { checkUrlCommand } from './command';
import { CheckPanelHost, PanelActions, PanelContent } from './panel';

export { CheckPanel, CheckPanelHost } from './panel';

/** Registers tlsDoctor.checkUrl and the URL CodeLens/hover, and the explain feature (it shares the panel). */
export function registerCheckUrl(context: vscode.ExtensionContext, services: Services): void {
  const { log, probes } = services;
  const actions: PanelActions = {
    recheck: (url) => vscode.commands.executeCommand<CheckReport | undefined>(COMMANDS.checkUrl, url),
    checkExplained: (view, url) => checkAndRestate(view, url, showExplanation),
    saveCa: async (report) => {
      const uri = await saveCaPem(report, log);
      // The saved CA is what "trust exactly this certificate" means for a self-signed server.
      const chain = report.chain.length === 1 ? { chain: uri?.fsPath } : {};
      if (uri) showSaved(report, { ca: uri.fsPath, ...chain });
      return uri;
    },
    createBundle: async (report) => {
      const uri = await createCaBundle(report, log);
      if (uri) showSaved(report, { bundle: uri.fsPath });
      return uri;
    },
    // Real handshakes with a bundle as the trust (verifyBundle: a fix's proof), newest first, names relative.
    bundleChecks: (report) =>
      probes
        .bundleChecksOf(report)
        .sort((a, b) => b.at - a.at)
        .map((c) => ({ ...c, bundle: vscode.workspace.asRelativePath(c.bundle, false) })),
    copyEnv: async (report) => {
      const lines = await copyEnvSettings(report, log);
      const bundle = lines && bundleTarget(report);
      if (bundle) showSaved(report, { bundle });
      return lines;
    },
    fixTrust: (report) => vscode.commands.executeCommand(COMMANDS.fixTrust, report ? { report } : {}),
  };
  // Once a file is saved, the panel's snippets name it instead of the placeholders (core retarget).
  const showSaved = (report: CheckReport, saved: { bundle?: string; chain?: string; ca?: string }) => {
    const current = panels.active;
    if (current) current.update({ kind: 'report', report: retarget(report, saved) });
  };
  const panels = new CheckPanelHost(context.extensionUri, actions, log);
  const show = (content: PanelContent) => panels.show(content);
  const showExplanation = (explanation: ExplainView) => show({ kind: 'explanation', explanation });
  context.subscriptions.push(
    services.commands.register(COMMANDS.checkUrl, (arg?: unknown) =>
      checkUrlCommand(arg, {
        log,
        probes,
        show: (report) => show({ kind: 'report', report }),
        noReport: () => panels.active?.idle(),
      }),
    ),
    registerUrlLenses(services.slots, probes, services.settings),
    panels,
    // A new handshake with a bundle for the endpoint on show: the panel's "verified with" line follows it.
    probes.onDidProbe((key) => {
      const shown = panels.active?.shown;
      if (shown?.kind === 'report' && endpointKey(shown.report) === key) panels.active?.update(shown);
    }),
  );
  registerExplain(context, services, showExplanation);
}
