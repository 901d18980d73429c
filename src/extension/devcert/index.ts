// "Create Development Certificate…" and its follow-ups; the trust-store commands are in trust.ts. The certificate work
// happens in the lazily loaded certs bundle; this file only asks, shows progress, writes workspace files and offers
// the next steps.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DevCertResult } from '../../core/certs/index';
import { COMMANDS } from '../commands';
import { EnvTarget, EnvWriteResult, pickEnvTargets, writeEnv } from '../envTargets';
import { loadCerts } from '../lazy';
import { suggestDevHosts } from './hosts';
import { caDirSetting } from './caDir';
import { HostsMode, plannedHosts, readPrevious } from './manifest';
import { caStatusCommand, manageCa, refusal, reportRefusal, TrustArgs } from './trust';
import { showSnippets, snippetDocuments } from './snippets';
import { Services } from '../services';
import { devcertSettings } from '../settings';
import { devCertRemoteNote } from '../remote';
import { WorkspaceWrite } from '../workspaceFiles';

/** Arguments of tlsDoctor.createDevCert; any given value skips its prompt (tests pass them all). */
export interface CreateDevCertArgs {
  hosts?: string[];
  /** Workspace folder (fs path); default: the first (or the picked) workspace folder. */
  folder?: string;
  outDir?: string;
  caDir?: string;
  validityDays?: number;
  nameConstrained?: boolean;
  /** Write the bundle variables to these targets right away. */
  envTargets?: EnvTarget[];
  /** Skip the "what next" notification (set automatically when hosts are passed). */
  quiet?: boolean;
  /**
   * What to do when the out dir already holds a certificate: add the new hosts to its hosts, or replace it. Without it
   * the prompt asks; with `hosts` given and no mode, hosts are added (nothing a server still uses is dropped).
   */
  mode?: HostsMode;
}

/** What tlsDoctor.createDevCert returns when the CA folder was refused (in a git work tree or the workspace). */
export interface DevCertRefused {
  refused: string;
  message: string;
}

/** What tlsDoctor.createDevCert returns: the paths (never key material) and what was updated. */
export interface CreateDevCertResult extends DevCertResult {
  gitignoreUpdated: boolean;
  envWritten: EnvWriteResult[];
  /** The hosts of the certificate this one replaced (undefined: there was none). */
  previousHosts?: string[];
  /** The sentence the notification shows. */
  message: string;
}

/** The last certificate created in this workspace, for "Show Last Development Certificate" (kept in workspaceState). */
interface LastDevCert {
  readonly folder: string;
  readonly result: CreateDevCertResult;
}

const LAST_KEY = 'tlsDoctor.devcert.last';

async function pickFolder(explicit?: string): Promise<vscode.Uri | undefined> {
  if (explicit) return vscode.Uri.file(explicit);
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder =
    folders.length > 1
      ? await vscode.window.showWorkspaceFolderPick({
          placeHolder: vscode.l10n.t('Workspace folder for the certificate'),
        })
      : folders[0];
  if (!folder) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('TLS Doctor: open a folder first: the certificate is written into the workspace.'),
    );
  } else if (folder.uri.scheme !== 'file') {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('TLS Doctor: development certificates need a folder on disk (this workspace is virtual).'),
    );
  }
  return folder?.uri.scheme === 'file' ? folder.uri : undefined;
}

/** Hosts the workspace refers to (from the TLS Endpoints inventory), waiting at most `ms` so the prompt stays quick. */
async function referencedHosts(ms = 1500): Promise<string[]> {
  const list = Promise.resolve(vscode.commands.executeCommand<{ host: string }[]>(COMMANDS.endpointsList)).then(
    (l) => l ?? [],
    () => [],
  );
  const timeout = new Promise<{ host: string }[]>((resolve) => setTimeout(() => resolve([]), ms));
  return (await Promise.race([list, timeout])).map((e) => e.host);
}

async function askHosts(): Promise<string[] | undefined> {
  const certs = loadCerts();
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('Create Development Certificate'),
    value: suggestDevHosts(await referencedHosts()).join(' '),
    prompt: [
      vscode.l10n.t('Host names and IP addresses, separated by spaces (wildcards like *.app.test work too)'),
      devCertRemoteNote(),
    ]
      .filter(Boolean)
      .join(' '),
    validateInput: (v) => {
      const hosts = v.split(/[\s,]+/).filter(Boolean);
      try {
        certs.parseHosts(hosts);
        return undefined;
      } catch (e) {
        return (e as Error).message;
      }
    },
  });
  return text?.split(/[\s,]+/).filter(Boolean);
}

/** Adds the output folder to `<folder>/.gitignore` when git wouldn't ignore it yet (one undoable edit, saved). */
async function updateGitignore(folder: vscode.Uri, outDir: string): Promise<boolean> {
  const write = new WorkspaceWrite();
  if (!(await write.ignoreDir(folder, vscode.Uri.file(path.resolve(folder.fsPath, outDir))))) return false;
  if (!(await write.apply())) {
    throw new Error(vscode.l10n.t('could not update {0}', path.join(folder.fsPath, '.gitignore')));
  }
  return true;
}

/** Asks what to do with the certificate already in the out dir; undefined when cancelled. */
async function askMode(
  previous: readonly string[],
  requested: readonly string[],
  where: string,
): Promise<HostsMode | undefined> {
  const ADD = vscode.l10n.t('Add Hosts');
  const REPLACE = vscode.l10n.t('Replace');
  const added = plannedHosts(previous, requested, 'add');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('TLS Doctor: {0} already holds a development certificate for {1}.', where, previous.join(', ')),
    {
      modal: true,
      detail: [
        vscode.l10n.t('Add Hosts: a new certificate for {0}.', added.join(', ')),
        vscode.l10n.t(
          'Replace: a new certificate for {0} only (servers using the old names stop matching).',
          requested.join(', '),
        ),
      ].join('\n'),
    },
    ADD,
    REPLACE,
  );
  return choice === ADD ? 'add' : choice === REPLACE ? 'replace' : undefined;
}

/** tlsDoctor.createDevCert: returns the result paths, or undefined when cancelled. */
async function createDevCert(
  args: CreateDevCertArgs,
  services: Services,
  state: vscode.Memento,
): Promise<CreateDevCertResult | DevCertRefused | undefined> {
  const folder = await pickFolder(args.folder);
  if (!folder) return undefined;
  const requested = args.hosts ?? (await askHosts());
  if (!requested || requested.length === 0) return undefined;
  const settings = devcertSettings(folder);
  const outDir = args.outDir ?? settings.outDir;
  const outAbs = path.resolve(folder.fsPath, outDir);
  const previous = readPrevious(outAbs);
  const mode = !previous
    ? 'replace'
    : (args.mode ??
      (args.hosts ? 'add' : await askMode(previous.hosts, requested, vscode.workspace.asRelativePath(outAbs))));
  if (!mode) return undefined;
  const hosts = plannedHosts(previous?.hosts, requested, mode);
  const certs = loadCerts();
  const caDir = certs.resolveCaDir(caDirSetting(folder, args.caDir), process.env);
  // Every folder of the workspace, not only this one: the key must not end up in any of them (nor in a git work tree).
  const refused = refusal(certs, caDir, services);
  if (refused) return { refused, message: refused };
  const result = await vscode.window
    .withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('TLS Doctor: creating a development certificate…'),
      },
      () =>
        certs.writeDevCert({
          hosts,
          outDir: outAbs,
          caDir,
          env: process.env,
          validityDays: args.validityDays ?? settings.validityDays,
          nameConstrained: args.nameConstrained ?? settings.nameConstrained,
          workspaceDir: folder.fsPath,
          // The hosts were already planned above (old + new, or replaced, as the user chose): the core must not add
          // the previous leaf's hosts a second time. It writes hosts.json beside the leaf.
          replace: true,
        }),
    )
    .then(
      (r) => r,
      (e: unknown) => {
        if (!certs.isCaRefusal(e)) throw e;
        return { refused: reportRefusal(certs, e, caDir, services) };
      },
    );
  if ('refused' in result) return { refused: result.refused, message: result.refused };
  services.log.info(
    `Development certificate for ${result.hosts.join(', ')} written to ${path.dirname(result.cert)} (CA ${result.caDir}, ${result.caCreated ? 'created' : 'reused'}, SHA-256 ${result.caSha256})`,
  );
  for (const w of result.warnings) void vscode.window.showWarningMessage(vscode.l10n.t('TLS Doctor: {0}', w));
  const gitignoreUpdated = await updateGitignore(folder, outDir);
  const envWritten = await Promise.all((args.envTargets ?? []).map((t) => writeEnv(t, folder, result.env)));
  const message = createdText(result, previous?.hosts, mode);
  const full: CreateDevCertResult = {
    ...result,
    gitignoreUpdated,
    envWritten,
    ...(previous ? { previousHosts: [...previous.hosts] } : {}),
    message,
  };
  await state.update(LAST_KEY, { folder: folder.fsPath, result: full } satisfies LastDevCert);
  if (!args.quiet && !args.hosts) void offerNextSteps(folder, full, services);
  return full;
}

/** "certificate for a, b written to .certs (cert.pem, key.pem; CA bundle bundle.pem), added b to a". */
function createdText(result: DevCertResult, previous: readonly string[] | undefined, mode: HostsMode): string {
  const dir = vscode.workspace.asRelativePath(path.dirname(result.cert), false);
  const files = vscode.l10n.t(
    '{0} and {1}; clients trust {2}',
    path.basename(result.cert),
    path.basename(result.key),
    path.basename(result.bundle),
  );
  const addedHosts = previous ? result.hosts.filter((h) => !previous.includes(h)) : [];
  const before = !previous
    ? ''
    : mode === 'replace'
      ? vscode.l10n.t('; replaced the certificate for {0}', previous.join(', '))
      : addedHosts.length
        ? vscode.l10n.t('; kept {0}, added {1}', previous.join(', '), addedHosts.join(', '))
        : vscode.l10n.t('; kept {0}', previous.join(', '));
  return vscode.l10n.t(
    'TLS Doctor: development certificate for {0} written to {1} ({2}){3}.',
    result.hosts.join(', '),
    dir,
    files,
    before,
  );
}

/** tlsDoctor.showLastDevCert: the notification of the last certificate again (its actions stay reachable). */
async function showLast(services: Services, state: vscode.Memento): Promise<CreateDevCertResult | undefined> {
  const last = state.get<LastDevCert>(LAST_KEY);
  if (!last || !fs.existsSync(last.result.cert)) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'TLS Doctor: no development certificate created in this workspace yet. Run "Create Development Certificate…".',
      ),
    );
    return undefined;
  }
  void offerNextSteps(vscode.Uri.file(last.folder), last.result, services);
  return last.result;
}

/** The notification after creation: env vars, snippets, OS trust (again any time from "Show Last Development Certificate"). */
async function offerNextSteps(folder: vscode.Uri, result: CreateDevCertResult, services: Services): Promise<void> {
  const ENV = vscode.l10n.t('Write Env Vars…');
  const SNIPPETS = vscode.l10n.t('Show Server Snippets');
  const TRUST = vscode.l10n.t('Install Development CA…');
  const choice = await vscode.window.showInformationMessage(
    [
      result.message,
      devCertRemoteNote(),
      vscode.l10n.t('"Show Last Development Certificate" brings these actions back.'),
    ]
      .filter(Boolean)
      .join(' '),
    ENV,
    SNIPPETS,
    TRUST,
  );
  if (choice === ENV) {
    const targets = await pickEnvTargets(result.env);
    for (const t of targets ?? []) {
      await writeEnv(t, folder, result.env).then(
        (r) => services.log.info(`Wrote ${Object.keys(result.env).join(', ')} to ${r.where}`),
        (e: Error) => void vscode.window.showErrorMessage(vscode.l10n.t('TLS Doctor: {0}', e.message)),
      );
    }
  } else if (choice === SNIPPETS) {
    await showSnippets(folder, result);
  } else if (choice === TRUST) {
    await vscode.commands.executeCommand(COMMANDS.installCa);
  }
}

/** Registers tlsDoctor.createDevCert, its follow-ups and the trust-store commands (installCa, uninstallCa, devCaStatus). */
export function registerDevCert(context: vscode.ExtensionContext, services: Services): void {
  const { commands } = services;
  context.subscriptions.push(
    snippetDocuments(services.slots),
    commands.register(COMMANDS.createDevCert, (args?: CreateDevCertArgs) =>
      createDevCert(args ?? {}, services, context.workspaceState),
    ),
    commands.register(COMMANDS.showLastDevCert, () => showLast(services, context.workspaceState)),
    commands.register(COMMANDS.showDevCertSnippets, async () => {
      const last = context.workspaceState.get<LastDevCert>(LAST_KEY);
      return last ? showSnippets(vscode.Uri.file(last.folder), last.result) : undefined;
    }),
    commands.register(COMMANDS.installCa, (args?: TrustArgs) => manageCa('install', args ?? {}, services)),
    commands.register(COMMANDS.uninstallCa, (args?: TrustArgs) => manageCa('uninstall', args ?? {}, services)),
    commands.register(COMMANDS.devCaStatus, (args?: { caDir?: string }) => caStatusCommand(args ?? {}, services)),
  );
}
