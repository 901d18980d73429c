// Where a CA bundle comes from, in the order issue 5 asks: a bundle already in the workspace (the devcert out dir),
// the CA the referenced endpoint presents (probed through the shared ProbeService), the local development CA, or a
// file the user picks. New bundles are written under tlsDoctor.devcert.outDir through a WorkspaceEdit (undoable with the fix).
// Nothing here writes a private key or touches certifi's own cacert.pem: bundles are new files of certificates only.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Endpoint } from '../../core/endpoints/index';
import { anchorFor } from '../../core/fixes/index';
import type { FixOptions, FixResult } from '../../core/fixes/index';
import { corePath } from '../diagnostics/manager';
import { loadCerts } from '../lazy';
import { devcertOutDir, devcertSettings, folderFor } from '../settings';

/** A bundle to point at: its file, and (for new bundles) the text to write there first. */
export interface BundleChoice {
  readonly file: vscode.Uri;
  /** PEM text to create the file with; undefined for a file that already exists. */
  readonly contents?: string;
  /** Where it came from, for titles and the log. */
  readonly origin: string;
}

/** `*bundle*.pem` files in the out dir, `bundle.pem` first (synchronous: one small directory, fine for the lightbulb). */
export function workspaceBundles(uri: vscode.Uri): vscode.Uri[] {
  const dir = devcertOutDir(uri);
  if (!dir || dir.scheme !== 'file') return [];
  let names: string[];
  try {
    names = fs.readdirSync(dir.fsPath).filter((n) => /bundle.*\.pem$|^.*bundle\.pem$/i.test(n));
  } catch {
    return [];
  }
  names.sort((a, b) => (a === 'bundle.pem' ? -1 : b === 'bundle.pem' ? 1 : a.localeCompare(b)));
  return names.map((n) => vscode.Uri.joinPath(dir, n));
}

/** How the edited file should name the bundle: workspace-relative with `/` when inside its folder, else absolute. */
export function asWritten(bundle: vscode.Uri, doc: vscode.Uri): string {
  const folder = folderFor(doc);
  if (folder) {
    const rel = path.relative(folder.uri.fsPath, bundle.fsPath);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
  }
  return bundle.fsPath;
}

/**
 * The core options for pointing `doc` at `bundle` (issue 19 item 1): anchored like the CLI's scan --fix (anchor.ts:
 * code relative to its own file, .vscode/*.json to `${workspaceFolder}`, a .env relative to its folder or, when
 * git-ignored, absolute); `bundle` as written for the files that take a path as given (Dockerfile, CI YAML, tool
 * configs). An untitled document has no place on disk to anchor to; see pathNote for a bundle outside the folder.
 */
export function fixOptions(doc: vscode.Uri, bundle: vscode.Uri): FixOptions {
  const written = asWritten(bundle, doc);
  // A bundle outside the workspace (a corporate file the user picked) has no project-relative name: written as is.
  if (doc.scheme !== 'file' || bundle.scheme !== 'file' || path.isAbsolute(written)) {
    return { bundle: written, path: corePath(doc) };
  }
  return {
    bundle: written,
    path: doc.fsPath,
    anchor: anchorFor(doc.fsPath, bundle.fsPath, folderFor(doc)?.uri.fsPath),
  };
}

/** What to tell the user about the path a fix wrote (the core's note, or why it is absolute). */
export function pathNote(fix: Pick<FixResult, 'note'>, bundle: vscode.Uri, doc: vscode.Uri): string | undefined {
  if (fix.note) return vscode.l10n.t('About the path: {0}.', fix.note);
  if (path.isAbsolute(asWritten(bundle, doc))) {
    return vscode.l10n.t(
      'About the path: absolute, because the bundle is outside the workspace folder; keep it out of committed files or move the bundle into the workspace.',
    );
  }
  return undefined;
}

/**
 * How the fixed code names the bundle, for titles and messages: a reference relative to the file shown from the
 * workspace (`app/../.certs/x-bundle.pem`: the file's folder, then what the code adds), else the path as written.
 */
export function shownPath(fix: Pick<FixResult, 'fileRelative'>, bundle: vscode.Uri, doc: vscode.Uri): string {
  if (fix.fileRelative === undefined) return asWritten(bundle, doc);
  const dir = path.posix.dirname(vscode.workspace.asRelativePath(doc, false).split(path.sep).join('/'));
  if (path.isAbsolute(dir)) return bundle.fsPath; // a file outside the workspace: no shorter name says where
  return dir === '.' ? fix.fileRelative : `${dir}/${fix.fileRelative}`;
}

/** Where new bundles go: the out dir of `uri`'s workspace folder; throws without a folder. */
function bundleDir(uri: vscode.Uri): vscode.Uri {
  const dir = devcertOutDir(uri);
  if (!dir) {
    throw new Error(
      vscode.l10n.t('open a workspace folder first: the bundle is written under tlsDoctor.devcert.outDir'),
    );
  }
  return dir;
}

/** A bundle of public roots + the CA the endpoint presents, named after the host: `<outDir>/<host>-bundle.pem`. */
export function endpointBundle(
  uri: vscode.Uri,
  ep: Endpoint,
  ca: { subject: string; pem: string },
  publicRootsFile?: string,
): BundleChoice {
  const dir = bundleDir(uri);
  const certs = loadCerts();
  const roots = publicRootsFile
    ? certs.splitPemCertificates(fs.readFileSync(publicRootsFile, 'utf8'), publicRootsFile)
    : undefined;
  const name = ep.host.replace(/[^A-Za-z0-9.-]/g, '_');
  return {
    file: vscode.Uri.joinPath(dir, `${name}-bundle.pem`),
    contents: certs.createBundle([ca.pem], roots),
    origin: vscode.l10n.t('the CA {0} presents ({1})', ep.host, ca.subject),
  };
}

/** A bundle of public roots + the local development CA (created once per user, its key never in the workspace). */
export async function devCaBundle(uri: vscode.Uri): Promise<BundleChoice> {
  const dir = bundleDir(uri);
  const certs = loadCerts();
  const s = devcertSettings(uri);
  const ca = await certs.ensureCa(certs.resolveCaDir(s.caDir || undefined), { nameConstrained: s.nameConstrained });
  return {
    file: vscode.Uri.joinPath(dir, certs.OUT_FILES.bundle),
    contents: certs.createBundle([ca.certPem]),
    origin: vscode.l10n.t('the local development CA'),
  };
}

/** Asks for a PEM file; undefined when cancelled. */
export async function pickBundle(): Promise<BundleChoice | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: vscode.l10n.t('Trust this CA bundle'),
    filters: { [vscode.l10n.t('PEM certificates')]: ['pem', 'crt', 'cer'], [vscode.l10n.t('All files')]: ['*'] },
  });
  return picked?.[0] && { file: picked[0], origin: vscode.l10n.t('a file you picked') };
}
