// "Create Development Certificate…" and the OS trust-store commands. The certificate work happens in the lazily
// loaded certs bundle; this file only asks, shows progress, writes workspace files and offers the next steps.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DevCertResult } from '../../core/certs/index';
import { COMMANDS } from '../commands';
import { EnvTarget, EnvWriteResult, pickEnvTargets, writeEnv } from '../envTargets';
import { loadCerts } from '../lazy';
import { suggestDevHosts } from './hosts';
import { HostsMode, plannedHosts, readPrevious, writeManifest } from './manifest';
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

/** The CA folder: a command argument, else the setting (user value only in untrusted workspaces), else the default. */
function caDirSetting(folder: vscode.Uri | undefined, explicit?: string): string | undefined {
  if (explicit) return explicit;
  const value = vscode.workspace.isTrusted
    ? devcertSettings(folder).caDir
    : String(vscode.workspace.getConfiguration('tlsDoctor', folder).inspect('devcert.caDir')?.globalValue ?? '').trim();
  if (!value) return undefined;
  const expanded = value.replace(/^~(?=$|[\\/])/, os.homedir());
  return path.isAbsolute(expanded) ? expanded : path.join(os.homedir(), expanded);
}

async function pickFolder(explicit?: string): Promise<vscode.Uri | undefined> {
  if (explicit) return vscode.Uri.file(explicit);
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder =
    folders.length > 1
      ? await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder for the certificate' })
      : folders[0];
  if (!folder) {
    void vscode.window.showErrorMessage(
      'TLS Doctor: open a folder first: the certificate is written into the workspace.',
    );
  } else if (folder.uri.scheme !== 'file') {
    void vscode.window.showErrorMessage(
      'TLS Doctor: development certificates need a folder on disk (this workspace is virtual).',
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
    title: 'Create Development Certificate',
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
  if (!(await write.apply())) throw new Error(`could not update ${path.join(folder.fsPath, '.gitignore')}`);
  return true;
}

/** Asks what to do with the certificate already in the out dir; undefined when cancelled. */
async function askMode(
  previous: readonly string[],
  requested: readonly string[],
  where: string,
): Promise<HostsMode | undefined> {
  const ADD = 'Add Hosts';
  const REPLACE = 'Replace';
  const added = plannedHosts(previous, requested, 'add');
  const choice = await vscode.window.showWarningMessage(
    `TLS Doctor: ${where} already holds a development certificate for ${previous.join(', ')}.`,
    {
      modal: true,
      detail: `Add Hosts: a new certificate for ${added.join(', ')}.\nReplace: a new certificate for ${requested.join(', ')} only (servers using the old names stop matching).`,
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
): Promise<CreateDevCertResult | undefined> {
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
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'TLS Doctor: creating a development certificate…' },
    () =>
      loadCerts().writeDevCert({
        hosts,
        outDir: outAbs,
        caDir: caDirSetting(folder, args.caDir),
        env: process.env,
        validityDays: args.validityDays ?? settings.validityDays,
        nameConstrained: args.nameConstrained ?? settings.nameConstrained,
        workspaceDir: folder.fsPath,
        // The hosts were already planned above (old + new, or replaced, as the user chose): the core must not add the
        // previous leaf's hosts a second time.
        replace: true,
      }),
  );
  writeManifest(outAbs, result);
  services.log.info(
    `Development certificate for ${result.hosts.join(', ')} written to ${path.dirname(result.cert)} (CA ${result.caDir}, ${result.caCreated ? 'created' : 'reused'}, SHA-256 ${result.caSha256})`,
  );
  for (const w of result.warnings) void vscode.window.showWarningMessage(`TLS Doctor: ${w}`);
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
  const files = `${path.basename(result.cert)} and ${path.basename(result.key)}; clients trust ${path.basename(result.bundle)}`;
  const before = !previous
    ? ''
    : mode === 'replace'
      ? `; replaced the certificate for ${previous.join(', ')}`
      : `; kept ${previous.join(', ')}${result.hosts.length > previous.length ? `, added ${result.hosts.filter((h) => !previous.includes(h)).join(', ')}` : ''}`;
  return `TLS Doctor: development certificate for ${result.hosts.join(', ')} written to ${dir} (${files})${before}.`;
}

/** tlsDoctor.showLastDevCert: the notification of the last certificate again (its actions stay reachable). */
async function showLast(services: Services, state: vscode.Memento): Promise<CreateDevCertResult | undefined> {
  const last = state.get<LastDevCert>(LAST_KEY);
  if (!last || !fs.existsSync(last.result.cert)) {
    void vscode.window.showInformationMessage(
      'TLS Doctor: no development certificate created in this workspace yet. Run "Create Development Certificate…".',
    );
    return undefined;
  }
  void offerNextSteps(vscode.Uri.file(last.folder), last.result, services);
  return last.result;
}

/** The notification after creation: env vars, snippets, OS trust (again any time from "Show Last Development Certificate"). */
async function offerNextSteps(folder: vscode.Uri, result: CreateDevCertResult, services: Services): Promise<void> {
  const ENV = 'Write Env Vars…';
  const SNIPPETS = 'Show Server Snippets';
  const TRUST = 'Install CA into OS Trust Store…';
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
        (e: Error) => void vscode.window.showErrorMessage(`TLS Doctor: ${e.message}`),
      );
    }
  } else if (choice === SNIPPETS) {
    await showSnippets(folder, result);
  } else if (choice === TRUST) {
    await vscode.commands.executeCommand(COMMANDS.installCa);
  }
}

/** Arguments of tlsDoctor.installCa / uninstallCa: `dryRun` returns the command without asking or running. */
export interface TrustArgs {
  caDir?: string;
  dryRun?: boolean;
}

/** tlsDoctor.installCa / uninstallCa: shows the exact command in a modal and runs it in a terminal if confirmed. */
async function trustCommand(
  kind: 'install' | 'uninstall',
  args: TrustArgs,
  services: Services,
): Promise<{ command: string; ran: boolean } | undefined> {
  const certs = loadCerts();
  const caDir = certs.resolveCaDir(caDirSetting(undefined, args.caDir), process.env);
  let commands;
  try {
    const osRelease =
      process.platform === 'linux' && fs.existsSync('/etc/os-release')
        ? fs.readFileSync('/etc/os-release', 'utf8')
        : '';
    commands = certs.trustCommands(process.platform, certs.caIdentity(caDir), osRelease);
  } catch (e) {
    void vscode.window.showErrorMessage(`TLS Doctor: ${(e as Error).message}`);
    return undefined;
  }
  const command = commands[kind];
  if (args.dryRun) return { command, ran: false };
  const RUN = 'Run in Terminal';
  const what =
    kind === 'install'
      ? `Trust the TLS Doctor development CA system-wide (${commands.platform})?`
      : `Remove the TLS Doctor development CA from the ${commands.platform} trust store?`;
  const choice = await vscode.window.showWarningMessage(
    what,
    {
      modal: true,
      detail: [`This command will run in a terminal:\n\n${command}\n`, ...commands.notes, devCertRemoteNote()]
        .filter(Boolean)
        .join('\n'),
    },
    RUN,
  );
  if (choice !== RUN) return { command, ran: false };
  const terminal = vscode.window.createTerminal({ name: 'TLS Doctor: trust store' });
  terminal.show();
  terminal.sendText(command);
  services.log.info(`Ran in a terminal (${kind} CA): ${command}`);
  return { command, ran: true };
}

/** Registers tlsDoctor.createDevCert, tlsDoctor.installCa and tlsDoctor.uninstallCa. */
export function registerDevCert(context: vscode.ExtensionContext, services: Services): void {
  const { commands } = services;
  context.subscriptions.push(
    snippetDocuments(),
    commands.register(COMMANDS.createDevCert, (args?: CreateDevCertArgs) =>
      createDevCert(args ?? {}, services, context.workspaceState),
    ),
    commands.register(COMMANDS.showLastDevCert, () => showLast(services, context.workspaceState)),
    commands.register(COMMANDS.showDevCertSnippets, async () => {
      const last = context.workspaceState.get<LastDevCert>(LAST_KEY);
      return last ? showSnippets(vscode.Uri.file(last.folder), last.result) : undefined;
    }),
    commands.register(COMMANDS.installCa, (args?: TrustArgs) => trustCommand('install', args ?? {}, services)),
    commands.register(COMMANDS.uninstallCa, (args?: TrustArgs) => trustCommand('uninstall', args ?? {}, services)),
  );
}
