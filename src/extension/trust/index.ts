// Registers "Fix Trust for All Tools…" and "Audit Tool Trust" (the trust checklist over src/core/trust), and the
// internal command that reports the last run's outcome (a run started from the Check TLS / Explain panel returns to
// the panel, not to its caller: tests and the log read it there).
import * as vscode from 'vscode';
import { COMMANDS } from '../commands';
import type { Services } from '../services';
import { auditTrust } from './audit';
import { TrustDocs } from './docs';
import { fixTrust, FixTrustArgs, FixTrustOutcome } from './flow';

export type { FixTrustArgs, FixTrustOutcome } from './flow';

export function registerTrust(context: vscode.ExtensionContext, services: Services): void {
  const docs = new TrustDocs(services.slots);
  let last: FixTrustOutcome | undefined;
  context.subscriptions.push(
    docs,
    services.commands.register(COMMANDS.fixTrust, async (arg?: FixTrustArgs) => {
      last = await fixTrust(services, docs, arg ?? {});
      return last;
    }),
    services.commands.register(COMMANDS.auditTrust, () => auditTrust(services)),
    services.commands.register(COMMANDS.trustLastOutcome, () => last),
  );
}
