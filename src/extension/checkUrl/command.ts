// "TLS Doctor: Check TLS for URL…": ask for (or take) a URL, probe it under a cancellable progress notification,
// log the outcome, show the panel, and return the CheckReport (tests and other features use the return value).
// The probe goes through the shared ProbeService (checkNow): a fresh connection, as the user asked, but under the
// same trust guard, allow-list and concurrency limit as every other probe, and its report feeds the other features.
import * as vscode from 'vscode';
import type { CheckReport } from '../../core/tls/types';
import { loadTls } from '../lazy';
import { refusalText } from '../endpoints/service';
import type { ProbeService, Refusal } from '../endpoints/service';
import { COMMANDS } from '../commandIds';
import { checkOptions } from '../settings';
import { logLine } from './model';
import { schemeTypo, urlAt } from './urls';

/** What the command needs from the feature module. */
export interface CheckDeps {
  readonly log: vscode.LogOutputChannel;
  /** The one prober (Services.probes). */
  readonly probes: ProbeService;
  show(report: CheckReport): void;
  /** Called when a check ends without a report (cancelled, refused, failed). */
  noReport(): void;
}

/** Explains why nothing connects in an untrusted workspace, and offers the trust editor. */
export async function refuseUntrusted(what: string): Promise<void> {
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'TLS Doctor does not {0} in an untrusted workspace: the workspace could point it at internal hosts, at CA files, or at a Python interpreter to run. Trust the workspace to allow it.',
      what,
    ),
    vscode.l10n.t('Manage Workspace Trust'),
  );
  if (choice) await vscode.commands.executeCommand('workbench.trust.manage');
}

/** The URL the command was given: a string, a Uri, or `{ url }` (CodeLens, hover links, tests). */
export function urlArgument(arg: unknown): string | undefined {
  if (typeof arg === 'string' && arg.trim()) return arg.trim();
  if (arg instanceof vscode.Uri && /^https?$/.test(arg.scheme)) return arg.toString(true);
  if (typeof arg === 'object' && arg !== null && typeof (arg as { url?: unknown }).url === 'string') {
    return (arg as { url: string }).url.trim();
  }
  return undefined;
}

/** The selection (one line) or the URL under the cursor, to prefill the input box. */
function prefill(): string {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return '';
  const sel = editor.selection;
  const selected = editor.document.getText(sel).trim();
  if (selected && !selected.includes('\n') && selected.length < 2048) return selected;
  return urlAt(editor.document.lineAt(sel.active.line).text, sel.active.character) ?? '';
}

/** The message for a mistyped scheme, with the URL it most likely meant. */
export function typoMessage(value: string): string | undefined {
  const meant = schemeTypo(value);
  return meant && vscode.l10n.t('"{0}" has a mistyped scheme: did you mean {1} ?', value.trim(), meant);
}

function validate(value: string): string | undefined {
  if (!value.trim()) return vscode.l10n.t('Enter an https:// URL or host[:port].');
  const typo = typoMessage(value);
  if (typo) return typo;
  try {
    loadTls().parseTarget(value.trim());
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * Asks for the URL: the input box prefilled from the selection or the URL under the cursor; with nothing there, first
 * a pick list of the workspace's endpoints (the TLS Endpoints view's inventory) with "Enter a URL…" on top.
 */
async function askUrl(): Promise<string | undefined> {
  let value = prefill();
  if (!value) {
    const picked = await pickEndpoint();
    if (!picked) return undefined;
    if ('url' in picked) return picked.url;
    value = picked.typed;
  }
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('TLS Doctor: Check TLS for URL'),
    prompt: vscode.l10n.t('The endpoint to probe: an https:// URL, or host[:port] (port 443 by default).'),
    placeHolder: vscode.l10n.t('https://example.com or example.com:8443'),
    value,
    ignoreFocusOut: true,
    validateInput: validate,
  });
  return typed?.trim() || undefined;
}

/** One endpoint of the inventory, as tlsDoctor.endpoints.list returns it. */
interface ListedEndpoint {
  readonly key: string;
  readonly url: string;
  readonly uses: number;
}

/**
 * The workspace's endpoints to pick from (most used first, then by name), "Enter a URL…" first; `{ typed }` when the
 * user wants the input box (with what they typed into the filter), undefined when cancelled. No endpoints: the box.
 */
async function pickEndpoint(): Promise<{ url: string } | { typed: string } | undefined> {
  const listed = await Promise.resolve(
    vscode.commands.executeCommand<ListedEndpoint[] | undefined>(COMMANDS.endpointsList),
  ).then(
    (l) => l ?? [],
    () => [],
  );
  if (listed.length === 0) return { typed: '' };
  type Item = vscode.QuickPickItem & { url?: string };
  const enter: Item = { label: `$(edit) ${vscode.l10n.t('Enter a URL…')}`, alwaysShow: true };
  const items: Item[] = [
    enter,
    ...endpointOrder(listed).map((e) => ({
      label: e.url,
      description:
        e.uses === 1 ? vscode.l10n.t('1 use in the workspace') : vscode.l10n.t('{0} uses in the workspace', e.uses),
      url: e.url,
    })),
  ];
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = vscode.l10n.t('TLS Doctor: Check TLS for URL');
  pick.placeholder = vscode.l10n.t('An endpoint of this workspace, or type a URL');
  pick.items = items;
  pick.matchOnDescription = true;
  try {
    return await new Promise((resolve) => {
      pick.onDidAccept(() => {
        const chosen = pick.selectedItems[0];
        resolve(chosen?.url ? { url: chosen.url } : { typed: pick.value.trim() });
        pick.hide();
      });
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
  } finally {
    pick.dispose();
  }
}

/** The order of the pick list: most uses first, then by key (exported for the test that drives the list). */
export function endpointOrder<T extends ListedEndpoint>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => b.uses - a.uses || a.key.localeCompare(b.key));
}

/** Says which `tlsDoctor.check.extraCaFiles` hold no readable certificate: the check runs without them. */
async function warnUnreadableCaFiles(log: vscode.LogOutputChannel): Promise<void> {
  const tls = loadTls();
  for (const file of checkOptions(vscode.window.activeTextEditor?.document.uri).extraCaFiles ?? []) {
    if ((await tls.readableCertCount(file).catch(() => 0)) > 0) continue;
    const why = `${file} (tlsDoctor.check.extraCaFiles) holds no readable certificate; the check runs without it`;
    log.warn(why);
    void vscode.window.showWarningMessage(vscode.l10n.t('TLS Doctor: {0}.', why));
  }
}

/** Runs the probe with a cancellable progress notification; undefined when cancelled, `{ refused }` when not allowed. */
async function probe(
  target: { url: string; host: string; port: number },
  probes: ProbeService,
): Promise<CheckReport | { refused: Refusal } | undefined> {
  const scope = vscode.window.activeTextEditor?.document.uri;
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('TLS Doctor: checking {0}:{1}…', target.host, target.port),
      cancellable: true,
    },
    async (_progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        const report = await probes.checkNow(target, { ...(scope ? { scope } : {}), signal: abort.signal });
        return token.isCancellationRequested ? undefined : report;
      } catch (e) {
        if (token.isCancellationRequested) return undefined;
        throw e;
      } finally {
        sub.dispose();
      }
    },
  );
}

/** The command body. Returns the report, or undefined when there is none (cancelled, untrusted, bad input, error). */
export async function checkUrlCommand(arg: unknown, deps: CheckDeps): Promise<CheckReport | undefined> {
  if (!vscode.workspace.isTrusted) {
    deps.log.info('check refused: the workspace is not trusted');
    void refuseUntrusted('connect to endpoints');
    return undefined;
  }
  const input = urlArgument(arg) ?? (await askUrl());
  if (!input) return undefined;
  const typo = typoMessage(input);
  if (typo) {
    // Never looked up: "htps//x" would otherwise be probed as a host name.
    deps.log.warn(`check refused: ${typo}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('TLS Doctor: {0}', typo));
    deps.noReport();
    return undefined;
  }
  try {
    const target = loadTls().parseTarget(input);
    await warnUnreadableCaFiles(deps.log);
    const report = await probe(target, deps.probes);
    if (!report || 'refused' in report) {
      if (report) {
        void vscode.window.showWarningMessage(
          `TLS Doctor: not checking ${target.host}:${target.port}: ${refusalText(report.refused, target.host)}.`,
        );
      } else deps.log.info(`check ${target.host}:${target.port} cancelled`);
      deps.noReport();
      return undefined;
    }
    deps.log.info(logLine(report));
    deps.show(report);
    return report;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    deps.log.error(`check "${input}" failed: ${why}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('TLS Doctor: cannot check "{0}": {1}', input, why));
    deps.noReport();
    return undefined;
  }
}
