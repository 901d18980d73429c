// "TLS Doctor: Audit Tool Trust": the core audit of the current environment, a new shell's and the user's tool files,
// listed in a quick pick with each finding's fix: the checklist ("Fix Trust for All Tools…") when trusting the root
// properly is the fix, the file when the setting must be edited by hand.
import * as vscode from 'vscode';
import type { AuditFinding } from '../../core/trust/index';
import { COMMANDS } from '../commands';
import { loadTrust } from '../lazy';
import type { Services } from '../services';
import { auditFix } from './model';

export async function auditTrust(services: Services): Promise<readonly AuditFinding[]> {
  const findings = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('TLS Doctor: reading the trust settings of your tools…'),
    },
    () => loadTrust().auditAll(process.env),
  );
  for (const f of findings) services.log.info(`trust audit ${f.severity}: ${f.where}: ${f.message}`);
  if (!findings.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('TLS Doctor: no broken or unsafe trust settings found.'));
    return findings;
  }
  type Item = vscode.QuickPickItem & { finding: AuditFinding };
  const items: Item[] = findings.map((f) => {
    const fix = auditFix(f);
    return {
      label: `${f.severity === 'error' ? '$(error)' : '$(warning)'} ${f.where}`,
      description:
        fix?.kind === 'trust'
          ? vscode.l10n.t('fix: Fix Trust for All Tools…')
          : fix?.kind === 'open'
            ? vscode.l10n.t('fix: edit the file')
            : '',
      detail: f.message,
      finding: f,
    };
  });
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('TLS Doctor: Audit Tool Trust: {0} finding(s)', findings.length),
    placeHolder: vscode.l10n.t('Pick a finding to fix it'),
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
  const fix = picked ? auditFix(picked.finding) : undefined;
  if (fix?.kind === 'trust') void vscode.commands.executeCommand(COMMANDS.fixTrust);
  if (fix?.kind === 'open') await vscode.window.showTextDocument(vscode.Uri.file(fix.file));
  return findings;
}
