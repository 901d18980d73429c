// Wires the quick-fixes (issue 5): the code-action provider on TLS Doctor diagnostics and the internal commands
// behind the actions that need a probe, a new bundle file or a prompt. Probes and their verdicts come from the shared
// ProbeService (services.probes) that the endpoints feature owns.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { applyBundle, removeFlag, trustBundle, TrustArgs } from './commands';
import { useEnv, UseEnvArgs } from './env';
import type { FindingRef } from './locate';
import { FIX_COMMANDS, TlsFixProvider } from './provider';

/** Registers the provider (every file: findings come from code, scripts and config alike) and the fix commands. */
export function registerFixes(context: vscode.ExtensionContext, services: Services): void {
  const probes = services.probes;
  const guard = <A, R>(name: string, run: (a: A) => Promise<R>) => async (a: A): Promise<R | { applied: false; reason: string }> => {
    try {
      return await run(a);
    } catch (e) {
      const reason = (e as Error).message;
      services.log.warn(`${name}: ${reason}`);
      void vscode.window.showErrorMessage(`TLS Doctor: ${reason}`);
      return { applied: false, reason };
    }
  };
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider({ pattern: '**/*' }, new TlsFixProvider(probes), TlsFixProvider.metadata),
    vscode.commands.registerCommand(FIX_COMMANDS.trustBundle, guard('trust a CA bundle', (a: TrustArgs) => trustBundle(a, probes, services.log))),
    vscode.commands.registerCommand(FIX_COMMANDS.applyBundle, guard('apply a CA bundle', (a: TrustArgs) => applyBundle(a))),
    vscode.commands.registerCommand(FIX_COMMANDS.useEnv, guard('use an environment variable', (a: UseEnvArgs) => useEnv(a, probes, services.log))),
    vscode.commands.registerCommand(FIX_COMMANDS.removeFlag, guard('remove the flag', (a: FindingRef) => removeFlag(a))),
  );
}
