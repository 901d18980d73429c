// Where the development CA lives and how its files are written. The CA key is the one secret here: it stays in a
// per-user folder (0700) as a 0400 file, never in a workspace, and no API returns or logs it.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** File names inside the CA folder (mkcert's names, so people recognise them; the folder itself is ours). */
export const CA_CERT_FILE = 'rootCA.pem';
export const CA_KEY_FILE = 'rootCA-key.pem';

/** Mode of the CA folder: only its owner may list or enter it. */
export const CA_DIR_MODE = 0o700;
/** The CA key is written 0600 and then made read-only (0400), as mkcert does. */
export const CA_KEY_MODE = 0o400;
/** Leaf keys stay writable by their owner (re-issuing overwrites them) but unreadable to others. */
export const LEAF_KEY_MODE = 0o600;
/** Certificates are public. */
export const CERT_MODE = 0o644;

/**
 * The default CA folder: `$TLS_DOCTOR_CAROOT`, else the per-user data folder (XDG_DATA_HOME or ~/.local/share on
 * Linux, ~/Library/Application Support on macOS, %LOCALAPPDATA% on Windows) + `/tls-doctor`, like mkcert's CAROOT.
 */
export function defaultCaDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home = os.homedir(),
): string {
  if (env.TLS_DOCTOR_CAROOT) return path.resolve(env.TLS_DOCTOR_CAROOT);
  if (platform === 'win32') {
    return path.win32.join(env.LOCALAPPDATA || path.win32.join(home, 'AppData', 'Local'), 'tls-doctor');
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'tls-doctor');
  const data =
    env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.join(home, '.local', 'share');
  return path.join(data, 'tls-doctor');
}

/** The CA folder to use: an explicit one (CLI flag, setting) wins over the default. */
export function resolveCaDir(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return explicit ? path.resolve(explicit) : defaultCaDir(env);
}

/** Resolves symlinks of the longest existing prefix, so `a/../b` and symlinked folders compare correctly. */
function realish(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync(abs);
  } catch {
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(realish(parent), path.basename(abs));
  }
}

/** True when `child` is `parent` or inside it. */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(realish(parent), realish(child));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Refuses a CA folder inside (or equal to, or containing) a folder we write shareable files to. */
export function assertCaDirOutside(caDir: string, dir: string, what: string): void {
  if (isInside(caDir, dir) || isInside(dir, caDir)) {
    throw new Error(
      `refusing to keep the CA key in ${caDir}: it overlaps the ${what} ${dir}; choose a CA folder outside it (--ca-dir, tlsDoctor.devcert.caDir or TLS_DOCTOR_CAROOT)`,
    );
  }
}

/** Creates `dir` (and parents) with mode 0700 if missing. */
export function ensurePrivateDir(dir: string): void {
  if (fs.existsSync(dir)) return;
  fs.mkdirSync(dir, { recursive: true, mode: CA_DIR_MODE });
  fs.chmodSync(dir, CA_DIR_MODE); // mkdir's mode is filtered by the umask
}

/**
 * Writes `text` to `file` atomically with `mode`: a private temporary file (0600), chmod, then rename over the
 * target, so a key is never readable by others even for a moment and readers never see half a file.
 */
export function writeFileAtomic(file: string, text: string | Uint8Array, mode: number): void {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    fs.writeFileSync(tmp, text, { mode: 0o600, flag: 'wx' });
    fs.chmodSync(tmp, mode);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new Error(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e });
  }
}

/**
 * Like writeFileAtomic but never replaces an existing file (hard link, which fails with EEXIST): two processes
 * creating the CA at once can't overwrite each other's key. Returns false when the file already existed.
 */
export function writeFileExclusive(file: string, text: string, mode: number): boolean {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    fs.writeFileSync(tmp, text, { mode: 0o600, flag: 'wx' });
    fs.chmodSync(tmp, mode);
    fs.linkSync(tmp, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new Error(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e });
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** Reads a file that must exist, with an error naming it otherwise. */
export function readRequired(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read the ${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, {
      cause: e,
    });
  }
}
