// The panel's file actions: save the chain's CA as PEM, write a CA bundle (public roots + that CA), copy the
// environment lines that point clients at the bundle. Files go to <workspace>/<tlsDoctor.devcert.outDir>/ and are
// never replaced without asking; they are written through the one workspace writer (../workspaceFiles.ts).
import * as path from 'path';
import * as vscode from 'vscode';
import type { CheckReport } from '../../core/tls/types';
import { loadCerts } from '../lazy';
import { folderFor, outDirIn } from '../settings';
import { WorkspaceWrite } from '../workspaceFiles';
import { anchorCert, envLines, safeFileStem } from './model';

function pemText(pem: string): string {
  return pem.endsWith('\n') ? pem : `${pem}\n`;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function defaultTarget(report: CheckReport, suffix: string): vscode.Uri | undefined {
  const folder = folderFor(vscode.window.activeTextEditor?.document.uri);
  return folder ? vscode.Uri.joinPath(outDirIn(folder), `${safeFileStem(report.host)}-${suffix}`) : undefined;
}

/**
 * Writes `content` to `uri` through the one workspace writer (undoable), with the out dir in the folder's .gitignore
 * when `uri` is inside it (as tlsDoctor.devcert.outDir promises). The user already chose or confirmed the target.
 */
async function write(uri: vscode.Uri, content: string): Promise<void> {
  const w = new WorkspaceWrite();
  w.createFile(uri, content, `save ${path.basename(uri.fsPath)}`);
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const outDir = folder && outDirIn(folder);
  const inside = outDir && path.relative(outDir.fsPath, uri.fsPath);
  if (folder && outDir && inside && !inside.startsWith('..') && !path.isAbsolute(inside)) {
    await w.ignoreDir(folder.uri, outDir);
  }
  if (!(await w.apply())) throw new Error(`could not write ${uri.fsPath}`);
}

/** Asks before replacing a different file; identical content counts as done. Returns false when the user declines. */
async function confirmReplace(uri: vscode.Uri, content: string): Promise<boolean> {
  if (!(await exists(uri))) return true;
  const old = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
  if (old === content) return true;
  const choice = await vscode.window.showWarningMessage(
    `${vscode.workspace.asRelativePath(uri)} already exists and differs. Replace it?`,
    { modal: true },
    'Replace',
  );
  return choice === 'Replace';
}

/** When the server did not send a self-signed root, say what saving its top certificate would and would not do. */
async function confirmPartialAnchor(report: CheckReport): Promise<boolean> {
  const a = anchorCert(report.chain);
  if (!a || a.complete) return !!a;
  const detail =
    `The chain the server sent ends at "${a.cert.subject.replace(/\n/g, ', ')}", issued by "${a.cert.issuer.replace(/\n/g, ', ')}", which it did not send. ` +
    'Get that root certificate from whoever runs the CA (your IT department for a TLS-inspecting proxy). Saving the top certificate only helps clients that accept intermediate anchors.';
  const choice = await vscode.window.showWarningMessage(
    'The server did not send its root CA certificate.',
    { modal: true, detail },
    'Save Anyway',
  );
  return choice === 'Save Anyway';
}

/** "Save CA certificate as PEM": a save dialog that defaults to <outDir>/<host>-ca.pem. */
export async function saveCaPem(report: CheckReport, log: vscode.LogOutputChannel): Promise<vscode.Uri | undefined> {
  if (!(await confirmPartialAnchor(report))) return undefined;
  const pem = pemText(anchorCert(report.chain)!.cert.pem);
  // Both the native and VS Code's own save dialog ask before overwriting an existing file.
  const uri = await vscode.window.showSaveDialog({
    defaultUri: defaultTarget(report, 'ca.pem'),
    filters: { 'PEM certificate': ['pem', 'crt'] },
    saveLabel: vscode.l10n.t('Save CA Certificate'),
    title: vscode.l10n.t('Save the CA certificate of {0}', report.host),
  });
  if (!uri) return undefined;
  await write(uri, pem);
  log.info(`saved the CA certificate of ${report.host} to ${uri.fsPath}`);
  const open = vscode.l10n.t('Open');
  void vscode.window
    .showInformationMessage(
      vscode.l10n.t('Saved the CA certificate to {0}.', vscode.workspace.asRelativePath(uri)),
      open,
    )
    .then((c) => {
      if (c === open) void vscode.window.showTextDocument(uri);
    });
  return uri;
}

/** Writes <outDir>/<host>-bundle.pem (public roots + this CA). Returns its URI, or undefined if the user declined. */
export async function createCaBundle(
  report: CheckReport,
  log: vscode.LogOutputChannel,
  quiet = false,
): Promise<vscode.Uri | undefined> {
  if (!(await confirmPartialAnchor(report))) return undefined;
  const bundle = loadCerts().createBundle([pemText(anchorCert(report.chain)!.cert.pem)]);
  let uri = defaultTarget(report, 'bundle.pem');
  if (!uri) {
    uri = await vscode.window.showSaveDialog({ filters: { 'PEM bundle': ['pem'] }, saveLabel: 'Save CA Bundle' });
  }
  if (!uri || !(await confirmReplace(uri, bundle))) return undefined;
  await write(uri, bundle);
  log.info(`wrote a CA bundle for ${report.host} to ${uri.fsPath}`);
  if (!quiet) {
    void vscode.window
      .showInformationMessage(
        `Wrote ${vscode.workspace.asRelativePath(uri)}: the public roots plus this CA. Point your clients at it.`,
        'Copy Environment Settings',
      )
      .then((c) => {
        if (c) void copyEnvSettings(report, log);
      });
  }
  return uri;
}

/** Where "Create a CA bundle" writes for this report (<outDir>/<host>-bundle.pem), when there is a workspace. */
export function bundleTarget(report: CheckReport): string | undefined {
  return defaultTarget(report, 'bundle.pem')?.fsPath;
}

/** Copies REQUESTS_CA_BUNDLE / SSL_CERT_FILE / NODE_EXTRA_CA_CERTS lines for the bundle (creating it if missing). */
export async function copyEnvSettings(report: CheckReport, log: vscode.LogOutputChannel): Promise<string | undefined> {
  const target = defaultTarget(report, 'bundle.pem');
  const uri = target && (await exists(target)) ? target : await createCaBundle(report, log, true);
  if (!uri) return undefined;
  const certs = loadCerts();
  const lines = envLines(certs.caBundleEnv(uri.fsPath), certs.formatEnvValue);
  await vscode.env.clipboard.writeText(lines);
  void vscode.window.showInformationMessage(
    'Copied the environment settings: paste them into a .env file, or prefix each line with "export" in your shell profile. Node reads NODE_EXTRA_CA_CERTS only at start-up.',
  );
  return lines;
}
