// Registers "Fix Trust for All Tools…" and "Audit Tool Trust" (the trust checklist over src/core/trust).
import * as vscode from 'vscode';
import { COMMANDS } from '../commands';
import type { Services } from '../services';
import { auditTrust } from './audit';
import { TrustDocs } from './docs';
import { fixTrust, FixTrustArgs } from './flow';

export type { FixTrustArgs, FixTrustOutcome } from './flow';

export function registerTrust(context: vscode.ExtensionContext, services: Services): void {
  const docs = new TrustDocs();
  context.subscriptions.push(
    docs,
    services.commands.register(COMMANDS.fixTrust, (arg?: FixTrustArgs) => fixTrust(services, docs, arg ?? {})),
    services.commands.register(COMMANDS.auditTrust, () => auditTrust(services)),
  );
}
