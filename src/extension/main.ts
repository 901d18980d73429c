// The features (dist/main.js), loaded by the entry (src/extension.ts) on first use. Wiring only: start() creates the
// objects that own the extension's state (Services), then each feature module registers its commands (into the
// entry's routes) and fills its provider slots, and pushes its disposables.
import * as vscode from 'vscode';
import { createServices } from './services';
import { registerCheckUrl } from './checkUrl';
import { registerDiagnostics } from './diagnostics';
import { registerEndpoints } from './endpoints';
import { registerDevCert } from './devcert';
import { registerFixes } from './fixes';
import { registerStatus } from './status';
import { registerTrust } from './trust';
import { registerInspect } from './inspect';
import type { EntryHost, Loaded } from './slots';

export function start(context: vscode.ExtensionContext, entry: EntryHost): Loaded {
  const started = performance.now();
  const services = createServices(context, entry);
  const { log } = services;
  log.info(
    `TLS Doctor ${context.extension.packageJSON.version} activated (VS Code ${vscode.version}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI, workspace trusted: ${vscode.workspace.isTrusted})`,
  );
  log.info(
    `activate() took ${entry.activateMs.toFixed(1)} ms; the features loaded ${entry.loadedAfterMs.toFixed(0)} ms later (first use: ${entry.reason}) in ${entry.loadMs.toFixed(1)} ms`,
  );
  // Features: keep this list one line per feature.
  registerCheckUrl(context, services);
  registerDiagnostics(context, services);
  registerEndpoints(context, services);
  registerDevCert(context, services);
  registerFixes(context, services);
  registerStatus(context, services);
  registerTrust(context, services);
  registerInspect(context, services);
  log.info(`the features registered in ${(performance.now() - started).toFixed(1)} ms`);
  return { commands: entry.commands };
}
