import * as vscode from 'vscode';

/** Name of the output channel; also what "TLS Doctor: Show Log" opens. */
export const LOG_CHANNEL_NAME = 'TLS Doctor';

/** Creates the extension's LogOutputChannel (on context.subscriptions). Never log key material. */
export function createLog(context: vscode.ExtensionContext): vscode.LogOutputChannel {
  const log = vscode.window.createOutputChannel(LOG_CHANNEL_NAME, { log: true });
  context.subscriptions.push(log);
  return log;
}
