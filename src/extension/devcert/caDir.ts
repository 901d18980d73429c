// Which folder holds the development CA, as the extension sees it: a command argument, else the setting (its user
// value only in an untrusted workspace, so a workspace can't point the CA into itself), else the core's default.
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { devcertSettings } from '../settings';

/** The CA folder: a command argument, else tlsDoctor.devcert.caDir (`~` and relative values from the home folder). */
export function caDirSetting(folder: vscode.Uri | undefined, explicit?: string): string | undefined {
  if (explicit) return explicit;
  const value = vscode.workspace.isTrusted
    ? devcertSettings(folder).caDir
    : String(vscode.workspace.getConfiguration('tlsDoctor', folder).inspect('devcert.caDir')?.globalValue ?? '').trim();
  if (!value) return undefined;
  const expanded = value.replace(/^~(?=$|[\\/])/, os.homedir());
  return path.isAbsolute(expanded) ? expanded : path.join(os.homedir(), expanded);
}
