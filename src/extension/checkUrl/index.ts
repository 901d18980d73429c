// Wires the "Check TLS for URL" feature: the two commands, the shared panel and the URL CodeLens/hover.
import * as vscode from 'vscode';
import type { CheckReport } from '../../core/tls/types';
import { COMMANDS } from '../commands';
import { checkAndRestate, registerExplain } from '../explain/index';
import type { ExplainView } from '../explain/model';
import { Services } from '../services';
import { copyEnvSettings, createCaBundle, saveCaPem } from './actions';
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
    saveCa: (report) => saveCaPem(report, log),
    createBundle: (report) => createCaBundle(report, log),
    copyEnv: (report) => copyEnvSettings(report, log),
    fixTrust: (report) => vscode.commands.executeCommand(COMMANDS.fixTrust, report ? { report } : {}),
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
    registerUrlLenses(),
    panels,
  );
  registerExplain(context, services, showExplanation);
}
