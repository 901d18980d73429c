// Wires the "Check TLS for URL" feature: the two commands, the shared panel and the URL CodeLens/hover.
import * as vscode from 'vscode';
import type { CheckReport } from '../../core/tls/types';
import { COMMANDS } from '../commands';
import { Services } from '../services';
import { copyEnvSettings, createCaBundle, saveCaPem } from './actions';
import { registerUrlLenses } from './codeLens';
import { checkUrlCommand } from './command';
import { explainErrorCommand } from './explain';
import { CheckPanelHost, PanelActions, PanelContent } from './panel';

export { CheckPanel, CheckPanelHost } from './panel';

/** Registers tlsDoctor.checkUrl, tlsDoctor.explainError and the URL CodeLens/hover. */
export function registerCheckUrl(context: vscode.ExtensionContext, services: Services): void {
  const { log, probes } = services;
  const actions: PanelActions = {
    recheck: (url) => vscode.commands.executeCommand<CheckReport | undefined>(COMMANDS.checkUrl, url),
    saveCa: (report) => saveCaPem(report, log),
    createBundle: (report) => createCaBundle(report, log),
    copyEnv: (report) => copyEnvSettings(report, log),
  };
  const panels = new CheckPanelHost(context.extensionUri, actions, log);
  const show = (content: PanelContent) => panels.show(content);
  context.subscriptions.push(
    services.commands.register(COMMANDS.checkUrl, (arg?: unknown) => checkUrlCommand(arg, {
      log,
      probes,
      show: (report) => show({ kind: 'report', report }),
      noReport: () => panels.active?.idle(),
    })),
    services.commands.register(COMMANDS.explainError, (arg?: unknown) =>
      explainErrorCommand(arg, log, (explanation) => show({ kind: 'explanation', explanation }))),
    registerUrlLenses(),
    panels,
  );
}
