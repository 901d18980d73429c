// CA integrity and hygiene: the key must match the certificate, be private (0400 in a 0700 folder), and never live
// where git could pick it up. A mismatched key makes every leaf fail verification with a confusing error far from
// the cause; a readable or committed key lets anyone mint certificates the developer's machine trusts.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { CA_DIR_MODE, CA_KEY_FILE, CA_KEY_MODE, isInside } from './store';

/** Why a CA folder was refused; the CLI exits 2 for these (bad input the user must fix, not a transient failure). */
export type RefusalCode = 'CA_KEY_MISMATCH' | 'CA_IN_GIT_WORK_TREE' | 'CA_IN_WORKSPACE';

/** A CA folder TLS Doctor will not use, with a message saying what to do instead. */
export class CaRefusedError extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'CaRefusedError';
  }
}

/** True for errors that refuse a CA folder (see CaRefusedError), whatever module instance threw them. */
export function isCaRefusal(e: unknown): e is CaRefusedError {
  return e instanceof Error && e.name === 'CaRefusedError';
}

function spkiOf(key: crypto.KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' });
}

/**
 * Throws CA_KEY_MISMATCH when `key` is not the private key of `certPem`. Comparing SubjectPublicKeyInfo DER is exact
 * for RSA and EC keys and costs well under a millisecond (no signing).
 */
export function assertKeyMatchesCert(certPem: string, key: crypto.KeyObject, caDir: string): void {
  const certKey = new crypto.X509Certificate(certPem).publicKey;
  if (!spkiOf(certKey).equals(spkiOf(crypto.createPublicKey(key)))) {
    throw new CaRefusedError(
      'CA_KEY_MISMATCH',
      `the CA key ${path.join(caDir, CA_KEY_FILE)} does not belong to the CA certificate in ${caDir} (leaves signed with it would not verify); restore the matching key, or move the folder away to create a new CA`,
    );
  }
}

/**
 * Makes the CA key 0400 and the folder 0700 when they are looser, and says so: a key others can read (or the owner
 * can overwrite by accident) is fixed rather than used silently. POSIX only: Windows has no such mode bits.
 */
export function tightenCaPermissions(caDir: string, platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'win32') return [];
  const warnings: string[] = [];
  const keyPath = path.join(caDir, CA_KEY_FILE);
  tighten(caDir, CA_DIR_MODE, 'CA folder', warnings);
  tighten(keyPath, CA_KEY_MODE, 'CA key', warnings);
  return warnings;
}

function tighten(file: string, wanted: number, what: string, warnings: string[]): void {
  let mode: number;
  try {
    mode = fs.statSync(file).mode & 0o777;
  } catch {
    return; // absent: created with the right mode later
  }
  if ((mode & ~wanted) === 0) return;
  const octal = (m: number) => `0${m.toString(8)}`;
  try {
    fs.chmodSync(file, wanted);
    warnings.push(
      `the ${what} ${file} was ${octal(mode)}, looser than ${octal(wanted)}; changed it to ${octal(wanted)}`,
    );
  } catch (e) {
    warnings.push(
      `the ${what} ${file} is ${octal(mode)}, looser than ${octal(wanted)}, and could not be changed (${(e as NodeJS.ErrnoException).code}); fix it with chmod ${octal(wanted)}`,
    );
  }
}

/** The top folder of the git work tree holding `dir` (a `.git` folder or file in it or a parent), or undefined. */
export function gitWorkTreeOf(dir: string): string | undefined {
  let d = path.resolve(dir);
  for (;;) {
    if (fs.existsSync(path.join(d, '.git'))) return d;
    const parent = path.dirname(d);
    if (parent === d) return undefined;
    d = parent;
  }
}

/** Refuses a CA folder inside a git work tree: one `git add -A` would commit the key. */
export function assertCaOutsideGit(caDir: string): void {
  const tree = gitWorkTreeOf(caDir);
  if (tree) {
    throw new CaRefusedError(
      'CA_IN_GIT_WORK_TREE',
      `refusing to keep the CA key in ${caDir}: it is inside the git work tree ${tree}, where it could be committed; choose a CA folder outside it (--ca-dir, tlsDoctor.devcert.caDir or TLS_DOCTOR_CAROOT)`,
    );
  }
}

/**
 * Refuses a CA folder inside (or equal to, or containing) the workspace or the output folder: the key would be
 * shared with the project. `what` names the folder in the message.
 */
export function assertCaOutsideWorkspace(caDir: string, workspaceDir: string, what = 'workspace'): void {
  if (isInside(caDir, workspaceDir) || isInside(workspaceDir, caDir)) {
    throw new CaRefusedError(
      'CA_IN_WORKSPACE',
      `refusing to keep the CA key in ${caDir}: it overlaps the ${what} ${workspaceDir}; choose a CA folder outside it (--ca-dir, tlsDoctor.devcert.caDir or TLS_DOCTOR_CAROOT)`,
    );
  }
}

/** assertCaOutsideWorkspace for every folder of a (multi-root) workspace: the key must be in none of them. */
export function assertCaOutsideFolders(caDir: string, folders: readonly string[]): void {
  for (const f of folders) assertCaOutsideWorkspace(caDir, f);
}

/**
 * `text` with the CA key's path replaced by "the CA key file": for logs, which people paste into bug reports (the
 * notification keeps the path, the user needs it there). The folder alone stays: it is where the public CA lives.
 */
export function withoutCaKeyPath(text: string, caDir: string): string {
  const key = path.join(caDir, CA_KEY_FILE);
  return text.split(`the CA key ${key}`).join('the CA key').split(key).join('the CA key file');
}
