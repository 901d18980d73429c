// Wires the status bar item: sources from Services, the setting, and the internal state command (tests read it).
import * as vscode from 'vscode';
import { COMMANDS } from '../commands';
import type { Services } from '../services';
import { onSettingsChanged, statusBarEnabled } from '../settings';
import { StatusBarController } from './statusBar';

export { ScanActivity } from './scanActivity';
export type { StatusState } from './statusBar';

/** Registers the status bar item and tlsDoctor.status.state. */
export function registerStatus(context: vscode.ExtensionContext, services: Services): StatusBarController {
  const status = new StatusBarController({
    collection: services.diagnostics.collection,
    onFindingsChanged: services.findings.onDidChange,
    scans: services.scans,
    enabled: statusBarEnabled,
  });
  context.subscriptions.push(
    status,
    onSettingsChanged(['statusBar.enabled'], () => status.update()),
    services.commands.register(COMMANDS.statusState, () => status.state()),
  );
  return status;
}
