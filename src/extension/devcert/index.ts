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
}

/** What tlsDoctor.createDevCert returns: the paths (never key material) and what was updated. */
export interface CreateDevCertResult extends DevCertResult {
  gitignoreUpdated: boolean;
  envWritten: EnvWriteResult[];
}

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
  const folder = folders.length > 1 ? await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder for the certificate' }) : folders[0];
  if (!folder) void vscode.window.showErrorMessage('TLS Doctor: open a folder first: the certificate is written into the workspace.');
  else if (folder.uri.scheme !== 'file') void vscode.window.showErrorMessage('TLS Doctor: development certificates need a folder on disk (this workspace is virtual).');
  return folder?.uri.scheme === 'file' ? folder.uri : undefined;
}

/** Hosts the workspace refers to (from the TLS Endpoints inventory), waiting at most `ms` so the prompt stays quick. */
async function referencedHosts(ms = 1500): Promise<string[]> {
  const list = Promise.resolve(vscode.commands.executeCommand<{ host: string }[]>(COMMANDS.endpointsList)).then((l) => l ?? [], () => []);
  const timeout = new Promise<{ host: string }[]>((resolve) => setTimeout(() => resolve([]), ms));
  return (await Promise.race([list, timeout])).map((e) => e.host);
}

async function askHosts(): Promise<string[] | undefined> {
  const certs = loadCerts();
  const text = await vscode.window.showInputBox({
    title: 'Create Development Certificate', value: suggestDevHosts(await referencedHosts()).join(' '),
    prompt: [vscode.l10n.t('Host names and IP addresses, separated by spaces (wildcards like *.app.test work too)'), devCertRemoteNote()].filter(Boolean).join(' '),
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

/** tlsDoctor.createDevCert: returns the result paths, or undefined when cancelled. */
async function createDevCert(args: CreateDevCertArgs, services: Services): Promise<CreateDevCertResult | undefined> {
  const folder = await pickFolder(args.folder);
  if (!folder) return undefined;
  const hosts = args.hosts ?? (await askHosts());
  if (!hosts || hosts.length === 0) return undefined;
  const settings = devcertSettings(folder);
  const outDir = args.outDir ?? settings.outDir;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'TLS Doctor: creating a development certificate…' },
    () => loadCerts().writeDevCert({
      hosts, outDir: path.resolve(folder.fsPath, outDir), caDir: caDirSetting(folder, args.caDir), env: process.env,
      validityDays: args.validityDays ?? settings.validityDays, nameConstrained: args.nameConstrained ?? settings.nameConstrained,
      workspaceDir: folder.fsPath,
    }),
  );
  services.log.info(`Development certificate for ${result.hosts.join(', ')} written to ${path.dirname(result.cert)} (CA ${result.caDir}, ${result.caCreated ? 'created' : 'reused'}, SHA-256 ${result.caSha256})`);
  for (const w of result.warnings) void vscode.window.showWarningMessage(`TLS Doctor: ${w}`);
  const gitignoreUpdated = await updateGitignore(folder, outDir);
  const envWritten = await Promise.all((args.envTargets ?? []).map((t) => writeEnv(t, folder, result.env)));
  if (!args.quiet && !args.hosts) void offerNextSteps(folder, result, services);
  return { ...result, gitignoreUpdated, envWritten };
}

/** The notification after creation: env vars, snippets, OS trust. */
async function offerNextSteps(folder: vscode.Uri, result: DevCertResult, services: Services): Promise<void> {
  const ENV = 'Write Env Vars…';
  const SNIPPETS = 'Show Server Snippets';
  const TRUST = 'Install CA into OS Trust Store…';
  const written = vscode.l10n.t('TLS Doctor: certificate for {0} written to {1}.', result.hosts.join(', '), vscode.workspace.asRelativePath(path.dirname(result.cert)));
  const choice = await vscode.window.showInformationMessage([written, devCertRemoteNote()].filter(Boolean).join(' '), ENV, SNIPPETS, TRUST);
  if (choice === ENV) {
    const targets = await pickEnvTargets(result.env);
    for (const t of targets ?? []) {
      await writeEnv(t, folder, result.env).then(
        (r) => services.log.info(`Wrote ${Object.keys(result.env).join(', ')} to ${r.where}`),
        (e: Error) => void vscode.window.showErrorMessage(`TLS Doctor: ${e.message}`));
    }
  } else if (choice === SNIPPETS) {
    const rel = (p: string) => path.relative(folder.fsPath, p).replace(/\\/g, '/');
    const content = loadCerts().snippetsMarkdown({ cert: rel(result.cert), key: rel(result.key) });
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content }));
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
async function trustCommand(kind: 'install' | 'uninstall', args: TrustArgs, services: Services): Promise<{ command: string; ran: boolean } | undefined> {
  const certs = loadCerts();
  const caDir = certs.resolveCaDir(caDirSetting(undefined, args.caDir), process.env);
  let commands;
  try {
    const osRelease = process.platform === 'linux' && fs.existsSync('/etc/os-release') ? fs.readFileSync('/etc/os-release', 'utf8') : '';
    commands = certs.trustCommands(process.platform, certs.caIdentity(caDir), osRelease);
  } catch (e) {
    void vscode.window.showErrorMessage(`TLS Doctor: ${(e as Error).message}`);
    return undefined;
  }
  const command = commands[kind];
  if (args.dryRun) return { command, ran: false };
  const RUN = 'Run in Terminal';
  const what = kind === 'install' ? `Trust the TLS Doctor development CA system-wide (${commands.platform})?` : `Remove the TLS Doctor development CA from the ${commands.platform} trust store?`;
  const choice = await vscode.window.showWarningMessage(what, { modal: true, detail: [`This command will run in a terminal:\n\n${command}\n`, ...commands.notes, devCertRemoteNote()].filter(Boolean).join('\n') }, RUN);
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
    commands.register(COMMANDS.createDevCert, (args?: CreateDevCertArgs) => createDevCert(args ?? {}, services)),
    commands.register(COMMANDS.installCa, (args?: TrustArgs) => trustCommand('install', args ?? {}, services)),
    commands.register(COMMANDS.uninstallCa, (args?: TrustArgs) => trustCommand('uninstall', args ?? {}, services)),
  );
}
