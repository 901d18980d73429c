// Wires the quick-fixes (issue 5): the code-action provider on TLS Doctor diagnostics and the internal commands
// behind the actions that need a probe, a new bundle file or a prompt. Probes and their verdicts come from the shared
// ProbeService (services.probes) that the endpoints feature owns; findings from services.findings, workspace bundles
// from services.bundles.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { applyBundle, devCertFix, DevCertFixArgs, FixDeps, removeFlag, trustBundle, TrustArgs } from './commands';
import { useEnv, UseEnvArgs } from './env';
import type { FindingRef } from './locate';
import { announceEdit, AnnounceArgs, FIX_COMMANDS, TlsFixProvider } from './provider';
import { FixReporter } from './report';

/** Registers the provider (every file: findings come from code, scripts and config alike) and the fix commands. */
export function registerFixes(context: vscode.ExtensionContext, services: Services): void {
  const reporter = new FixReporter(services.log);
  const deps: FixDeps = {
    probes: services.probes,
    log: services.log,
    findings: services.findings,
    bundles: services.bundles,
    reporter,
  };
  const { commands } = services;
  context.subscriptions.push(
    services.slots.fill('fixes', new TlsFixProvider(deps)),
    commands.register(FIX_COMMANDS.trustBundle, (a: TrustArgs) => trustBundle(a, deps)),
    commands.register(FIX_COMMANDS.applyBundle, (a: TrustArgs) => applyBundle(a, deps)),
    commands.register(FIX_COMMANDS.useEnv, (a: UseEnvArgs) => useEnv(a, deps)),
    commands.register(FIX_COMMANDS.removeFlag, (a: FindingRef) => removeFlag(a, deps)),
    commands.register(FIX_COMMANDS.devCert, (a: DevCertFixArgs) => devCertFix(a, deps)),
    commands.register(FIX_COMMANDS.showRuleDocs, (target: string) => showRuleDocs(target)),
    commands.register(FIX_COMMANDS.undoLast, () => reporter.undoLast()),
    commands.register(FIX_COMMANDS.announceEdit, (a: AnnounceArgs) => announceEdit(a, deps)),
    // The last fix's message, as the notification showed it (tests; a lightbulb-applied fix returns nothing).
    commands.register(FIX_COMMANDS.lastMessage, () => reporter.lastMessage),
  );
}

/** Opens a rule's page: the bundled Markdown in the Markdown preview (read-only, rendered), a web page in the browser. */
async function showRuleDocs(target: string): Promise<void> {
  const uri = vscode.Uri.parse(target);
  if (uri.scheme === 'http' || uri.scheme === 'https') await vscode.env.openExternal(uri);
  else await vscode.commands.executeCommand('markdown.showPreview', uri);
}
