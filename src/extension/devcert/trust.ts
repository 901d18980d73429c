// "Install Development CA…", "Uninstall Development CA…" and "Development CA Status": the same trust-store core as
// `tls-doctor devcert --install/--uninstall/--status` (src/core/certs/stores), with a multi-select picker of the stores,
// the system store's sudo command shown in a modal and run in a terminal only when confirmed, progress while certutil
// and keytool run, and one notification saying what changed. The CA key's path never reaches the log.
import * as vscode from 'vscode';
import type { StoreChoice, StoreName, StoreOutcome, StoreStatus } from '../../core/certs/index';
import { COMMANDS } from '../commands';
import { loadCerts } from '../lazy';
import { devCertRemoteNote } from '../remote';
import { Services } from '../services';
import { caDirSetting } from './caDir';

/** Arguments of tlsDoctor.installCa / uninstallCa; any given value skips its prompt (tests pass them). */
export interface TrustArgs {
  caDir?: string;
  /** Return the system store's command (and the stores that would be offered) without asking or changing anything. */
  dryRun?: boolean;
  /** The stores to act on; skips the picker. The system store still asks before its command runs in a terminal. */
  stores?: StoreName[];
}

/** What installCa / uninstallCa return (no key material, no key path). */
export interface TrustResult {
  caDir: string;
  caSha256?: string;
  /** The stores acted on (the system store only when its command was run in a terminal). */
  stores: StoreName[];
  outcomes: StoreOutcome[];
  /** The system store's command line (install or uninstall), when there is one for this platform. */
  command?: string;
  /** True when the system store's command was sent to a terminal. */
  ran: boolean;
  /** The notification's text; a refusal (CA folder in a repository or the workspace) says why instead. */
  message?: string;
  refused?: string;
}

/** What devCaStatus returns. */
export interface CaStatusResult {
  caDir: string;
  caSha256?: string;
  statuses: StoreStatus[];
  message: string;
}

type Certs = ReturnType<typeof loadCerts>;

const STORE_LABELS = (): Record<StoreName, string> => ({
  system: vscode.l10n.t('System trust store'),
  nss: vscode.l10n.t('NSS (Chromium, Firefox profiles)'),
  java: vscode.l10n.t('Java (keytool)'),
});

function storeList(stores: readonly StoreName[]): string {
  const labels = STORE_LABELS();
  return stores.map((s) => labels[s]).join(', ');
}

/** "SHA-256 AB:CD:EF:01…": enough of the fingerprint to tell two CAs apart in a sentence (the log has all of it). */
function shortFingerprint(sha256: string): string {
  return `SHA-256 ${(sha256.match(/../g) ?? []).slice(0, 4).join(':')}…`;
}

/** Folders on disk of the open workspace: the CA folder must be in none of them. */
function workspaceDirs(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
}

/**
 * Refuses a CA folder inside a git work tree or a workspace folder (as the CLI does): an error notification with the
 * reason, the log without the key's path. Returns the reason, or undefined when the folder is fine.
 */
export function refusal(certs: Certs, caDir: string, services: Services): string | undefined {
  try {
    certs.assertCaOutsideGit(caDir);
    certs.assertCaOutsideFolders(caDir, workspaceDirs());
    return undefined;
  } catch (e) {
    return reportRefusal(certs, e, caDir, services);
  }
}

/** Tells the user why a CA folder (or key) was refused; the log line leaves the key's path out. */
export function reportRefusal(certs: Certs, e: unknown, caDir: string, services: Services): string {
  const message = (e as Error).message;
  services.log.warn(`Development CA refused: ${certs.withoutCaKeyPath(message, caDir)}`);
  void vscode.window.showErrorMessage(vscode.l10n.t('TLS Doctor: {0}', message));
  return message;
}

/** Statuses of every store, with a progress notification (keytool starts a JVM: seconds on a busy machine). */
function readStatuses(certs: Certs, ctx: Parameters<Certs['caStatus']>[0]): Thenable<StoreStatus[]> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('TLS Doctor: reading the trust stores…') },
    () => certs.caStatus(ctx),
  );
}

interface StoreItem extends vscode.QuickPickItem {
  store: StoreName;
}

function storeItem(c: StoreChoice): StoreItem {
  const state = c.trusted
    ? vscode.l10n.t('trusts the CA now')
    : c.present
      ? vscode.l10n.t('does not trust the CA yet')
      : vscode.l10n.t('not found on this machine');
  return {
    store: c.store,
    label: STORE_LABELS()[c.store],
    description: state,
    detail:
      [
        c.store === 'system' ? vscode.l10n.t('sudo: the command is shown before it runs in a terminal') : undefined,
        c.note ?? (c.targets.join(', ') || undefined),
      ]
        .filter(Boolean)
        .join(' · ') || undefined,
    picked: c.picked,
  };
}

/** The multi-select picker of the stores; undefined when dismissed. */
async function pickStores(
  kind: 'install' | 'uninstall',
  statuses: StoreStatus[],
  certs: Certs,
): Promise<StoreName[] | undefined> {
  const items = certs.storeChoices(statuses, kind).map(storeItem);
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title:
      kind === 'install'
        ? vscode.l10n.t('Install Development CA: trust stores')
        : vscode.l10n.t('Uninstall Development CA: trust stores'),
    placeHolder:
      kind === 'install'
        ? vscode.l10n.t('Stores to add the CA to (those on this machine are ticked)')
        : vscode.l10n.t('Stores to remove the CA from (those trusting it are ticked)'),
    ignoreFocusOut: true,
  });
  return picked?.map((i) => i.store);
}

/**
 * The system store: its exact command in a modal, run in a terminal only when confirmed (sudo asks there). 'skip'
 * leaves it out and goes on with the other stores; undefined cancels everything.
 */
async function confirmSystem(
  kind: 'install' | 'uninstall',
  outcome: StoreOutcome,
  others: boolean,
): Promise<'run' | 'skip' | undefined> {
  const RUN = vscode.l10n.t('Run in Terminal');
  const SKIP = vscode.l10n.t('Skip the System Store');
  const command = outcome.commands?.[0] ?? '';
  const choice = await vscode.window.showWarningMessage(
    kind === 'install'
      ? vscode.l10n.t('Trust the TLS Doctor development CA system-wide ({0})?', outcome.target)
      : vscode.l10n.t('Remove the TLS Doctor development CA from the {0} trust store?', outcome.target),
    {
      modal: true,
      detail: [
        vscode.l10n.t('This command needs admin rights and will run in a terminal, where sudo asks for your password:'),
        '',
        command,
        '',
        devCertRemoteNote(),
      ]
        .filter((l) => l !== undefined)
        .join('\n'),
    },
    RUN,
    ...(others ? [SKIP] : []),
  );
  return choice === RUN ? 'run' : choice === SKIP ? 'skip' : undefined;
}

function runInTerminal(command: string): void {
  const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('TLS Doctor: trust store') });
  terminal.show();
  terminal.sendText(command);
}

/** The result notification's sentence: what changed, what was already so, what waits in the terminal. */
function resultText(
  kind: 'install' | 'uninstall',
  certs: Certs,
  sha256: string,
  outcomes: StoreOutcome[],
  ran: boolean,
) {
  const t = certs.tallyOutcomes(outcomes);
  const parts: string[] = [];
  if (t.changed.length) {
    parts.push(
      kind === 'install'
        ? vscode.l10n.t('installed into {0}', storeList(t.changed))
        : vscode.l10n.t('removed from {0}', storeList(t.changed)),
    );
  }
  if (t.unchanged.length) {
    parts.push(
      kind === 'install'
        ? vscode.l10n.t('already in {0}', storeList(t.unchanged))
        : vscode.l10n.t('was not in {0}', storeList(t.unchanged)),
    );
  }
  if (ran) parts.push(vscode.l10n.t('the system store command runs in the terminal'));
  if (t.failed.length) {
    parts.push(vscode.l10n.t('failed for {0}', storeList([...new Set(t.failed.map((o) => o.store))])));
  }
  return vscode.l10n.t(
    'TLS Doctor: development CA {0}: {1}.',
    shortFingerprint(sha256),
    parts.join('; ') || vscode.l10n.t('nothing to do'),
  );
}

/** tlsDoctor.installCa / uninstallCa. */
export async function manageCa(
  kind: 'install' | 'uninstall',
  args: TrustArgs,
  services: Services,
): Promise<TrustResult | undefined> {
  const certs = loadCerts();
  const caDir = certs.resolveCaDir(caDirSetting(undefined, args.caDir), process.env);
  const refused = refusal(certs, caDir, services);
  if (refused) return { caDir, stores: [], outcomes: [], ran: false, refused, message: refused };
  if (kind === 'install' && !args.dryRun) {
    const made = await vscode.window
      .withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: vscode.l10n.t('TLS Doctor: preparing the development CA…'),
        },
        () => certs.ensureUsableCa(caDir),
      )
      .then(
        (r) => r,
        (e: unknown) => e as Error,
      );
    if (made instanceof Error) {
      const reason = reportRefusal(certs, made, caDir, services);
      return { caDir, stores: [], outcomes: [], ran: false, refused: reason, message: reason };
    }
    for (const w of made.warnings) void vscode.window.showWarningMessage(vscode.l10n.t('TLS Doctor: {0}', w));
    if (made.created) services.log.info(`Created the development CA in ${caDir}`);
  }
  const ca = certs.storeCa(caDir);
  if (!ca) {
    const message =
      kind === 'install'
        ? vscode.l10n.t(
            'TLS Doctor: there is no development CA in {0} yet: create a development certificate first.',
            caDir,
          )
        : vscode.l10n.t('TLS Doctor: there is no development CA in {0}: nothing to uninstall.', caDir);
    if (args.dryRun && kind === 'install') throw new Error(message.replace(/^TLS Doctor: /, ''));
    void vscode.window.showInformationMessage(message);
    return { caDir, stores: [], outcomes: [], ran: false, message };
  }
  const ctx = certs.storeContext(ca, process.env);
  // Without consent the system store only returns its command: what the modal shows and the terminal runs.
  const [systemPlan] =
    kind === 'install' ? await certs.installCa(ctx, ['system']) : await certs.uninstallCa(ctx, ['system']);
  const command = systemPlan?.action === 'needs-consent' ? systemPlan.commands?.[0] : undefined;
  const base = { caDir, caSha256: ca.sha256, ...(command ? { command } : {}) };
  if (args.dryRun) return { ...base, stores: [], outcomes: [], ran: false };
  const chosen = args.stores ?? (await pickStores(kind, await readStatuses(certs, ctx), certs));
  if (!chosen || chosen.length === 0) return undefined;
  let ran = false;
  const outcomes: StoreOutcome[] = [];
  const rest = chosen.filter((s) => s !== 'system');
  if (chosen.includes('system')) {
    if (!command) {
      outcomes.push(systemPlan); // unavailable on this platform: reported with the other failures
    } else {
      const answer = await confirmSystem(kind, systemPlan, rest.length > 0);
      if (!answer) return undefined;
      if (answer === 'run') {
        runInTerminal(command);
        services.log.info(`Ran in a terminal (${kind} CA): ${command}`);
        ran = true;
      }
    }
  }
  if (rest.length) {
    outcomes.push(
      ...(await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title:
            kind === 'install'
              ? vscode.l10n.t('TLS Doctor: installing the development CA into {0}…', storeList(rest))
              : vscode.l10n.t('TLS Doctor: removing the development CA from {0}…', storeList(rest)),
        },
        () => (kind === 'install' ? certs.installCa(ctx, rest) : certs.uninstallCa(ctx, rest)),
      )),
    );
  }
  for (const o of outcomes) {
    services.log.info(`${kind} CA, ${o.store}: ${o.action}: ${certs.withoutCaKeyPath(o.message, caDir)}`);
  }
  const message = resultText(kind, certs, ca.sha256, outcomes, ran);
  const failed = certs.tallyOutcomes(outcomes).failed;
  if (failed.length) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('{0} {1}', message, failed.map((o) => `${STORE_LABELS()[o.store]}: ${o.message}.`).join(' ')),
    );
  } else {
    void vscode.window.showInformationMessage(message);
  }
  return { ...base, stores: ran ? ['system', ...rest] : rest, outcomes, ran, message };
}

/** tlsDoctor.devCaStatus: which stores trust the CA (by fingerprint), with Install… and the details in the log. */
export async function caStatusCommand(
  args: { caDir?: string; stores?: StoreName[] },
  services: Services,
): Promise<CaStatusResult> {
  const certs = loadCerts();
  const caDir = certs.resolveCaDir(caDirSetting(undefined, args.caDir), process.env);
  const ca = certs.storeCa(caDir);
  if (!ca) {
    const message = vscode.l10n.t(
      'TLS Doctor: there is no development CA in {0} yet. "Create Development Certificate…" or "Install Development CA…" creates it.',
      caDir,
    );
    void vscode.window.showInformationMessage(message);
    return { caDir, statuses: [], message };
  }
  const ctx = certs.storeContext(ca, process.env);
  const statuses = args.stores ? await certs.caStatus(ctx, args.stores) : await readStatuses(certs, ctx);
  const tally = certs.statusTally(statuses);
  const none = vscode.l10n.t('none');
  const message = vscode.l10n.t(
    'TLS Doctor: development CA {0} in {1}. Trusted by: {2}. Not trusted by: {3}.',
    shortFingerprint(ca.sha256),
    caDir,
    storeList(tally.trusted) || none,
    storeList(tally.untrusted) || none,
  );
  services.log.info(`Development CA ${caDir}, SHA-256 ${ca.sha256}:`);
  for (const s of statuses) {
    for (const t of s.targets) {
      services.log.info(
        `  ${s.store}: ${t.trusted === true ? 'trusted' : t.trusted === false ? 'not trusted' : 'unknown'}  ${t.target}`,
      );
    }
    if (s.note) services.log.info(`  ${s.store}: ${s.note}`);
  }
  const INSTALL = vscode.l10n.t('Install Development CA…');
  const DETAILS = vscode.l10n.t('Show Details');
  void Promise.resolve(
    vscode.window.showInformationMessage(message, ...(tally.untrusted.length ? [INSTALL] : []), DETAILS),
  ).then((choice) => {
    if (choice === INSTALL) void vscode.commands.executeCommand(COMMANDS.installCa, { caDir });
    if (choice === DETAILS) services.log.show(true);
  });
  return { caDir, caSha256: ca.sha256, statuses, message };
}
