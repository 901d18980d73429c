// Wires "Explain TLS Error": the command (argument, selection, or input box), the terminal links on TLS error lines,
// and "Check <host>", which runs the Check TLS for URL command and re-states the explanation from its report. The
// explanation shows in the check panel (one panel for both), whose host the checkUrl feature owns and passes in.
import * as vscode from 'vscode';
import { restateFromProbe } from '../../core/explain/index';
import type { CheckReport } from '../../core/tls/types';
import { COMMANDS } from '../commands';
import { Services } from '../services';
import { explainErrorCommand } from './command';
import type { ExplainView } from './model';
import { ErrorLinkProvider, TerminalOutput } from './terminal';

/**
 * "Check <host>" from an explanation: the Check command probes (and shows its report), then the explanation is
 * re-stated from what the probe saw and shown instead. Undefined when the check produced no report.
 */
export async function checkAndRestate(
  view: ExplainView,
  url: string,
  show: (view: ExplainView) => void,
): Promise<ExplainView | undefined> {
  const report = await vscode.commands.executeCommand<CheckReport | { failed: true } | undefined>(
    COMMANDS.checkUrl,
    url,
  );
  if (!report || 'failed' in report) return undefined;
  const restated: ExplainView = {
    text: view.text,
    hint: view.hint,
    explanation: restateFromProbe(view.explanation, report, view.hint),
    checked: { url: report.url, verdict: report.verdict },
  };
  show(restated);
  return restated;
}

/** Registers tlsDoctor.explainError, the terminal link provider and its inspection command. */
export function registerExplain(
  context: vscode.ExtensionContext,
  services: Services,
  show: (view: ExplainView) => void,
): void {
  const { log } = services;
  const deps = { log, show, check: (view: ExplainView, url: string) => checkAndRestate(view, url, show) };
  const output = new TerminalOutput(log);
  // Commands that started before the features were loaded (the entry read their output from the start).
  for (const t of services.entry.takeTerminalStarts()) void output.record(t.terminal, t.execution, t.stream);
  const links = new ErrorLinkProvider(output, (text) =>
    vscode.commands.executeCommand(COMMANDS.explainError, { text }),
  );
  context.subscriptions.push(
    output,
    services.commands.register(COMMANDS.explainError, (arg?: unknown) => explainErrorCommand(arg, deps)),
    services.slots.fill('terminalLinks', links),
    // What the registered provider makes of one terminal line (the link API offers no way to ask it from outside:
    // integration tests and diagnostics use this), and with `activate` what clicking the first link opens.
    services.commands.register(
      COMMANDS.explainTerminalLinks,
      async (terminal: vscode.Terminal, line: string, activate?: boolean) => {
        if (typeof line !== 'string' || typeof terminal !== 'object' || terminal === null) return { links: [] };
        const found = links.provideTerminalLinks({ terminal, line });
        const described = found.map((l) => ({
          startIndex: l.startIndex,
          length: l.length,
          tooltip: l.tooltip,
          text: links.textOf(l),
        }));
        return { links: described, ...(activate && found[0] ? { opened: await links.activate(found[0]) } : {}) };
      },
    ),
  );
}
