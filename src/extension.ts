// Wiring only: activate() creates the objects that own the extension's state (Services), then each feature module
// registers its own commands and providers and pushes its disposables.
import * as vscode from 'vscode';
import { createServices } from './extension/services';
import { registerCheckUrl } from './extension/checkUrl';
import { registerDiagnostics } from './extension/diagnostics';
import { registerEndpoints } from './extension/endpoints';
import { registerDevCert } from './extension/devcert';
import { registerFixes } from './extension/fixes';
import { registerStatus } from './extension/status';
import { registerTrust } from './extension/trust';
import { registerInspect } from './extension/inspect';

export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const services = createServices(context);
  const { log } = services;
  log.info(
    `TLS Doctor ${context.extension.packageJSON.version} activated (VS Code ${vscode.version}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI, workspace trusted: ${vscode.workspace.isTrusted})`,
  );
  // Features: keep this list one line per feature.
  registerCheckUrl(context, services);
  registerDiagnostics(context, services);
  registerEndpoints(context, services);
  registerDevCert(context, services);
  registerFixes(context, services);
  registerStatus(context, services);
  registerTrust(context, services);
  log.info(`activate() took ${(performance.now() - started).toFixed(1)} ms`);
  registerInspect(context, services);
}

export function deactivate(): void {
  // Every resource is a disposable on context.subscriptions.
}
