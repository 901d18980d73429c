// Where TLS Doctor's trust files and the user's tool configuration live. Everything is derived from HOME (and
// XDG_CONFIG_HOME, XDG_DATA_HOME, APPDATA, LOCALAPPDATA), never from os.homedir(), so a test can point it all at a
// temporary folder.
import * as path from 'node:path';

/** The folders every plan starts from. */
export interface UserPaths {
  readonly platform: NodeJS.Platform;
  readonly home: string;
  /** XDG_CONFIG_HOME or ~/.config (Windows: %APPDATA%). */
  readonly config: string;
  /** TLS Doctor's per-user data folder + `/trust`: the bundle, the root, the journal. Stable: not a venv, not a workspace. */
  readonly data: string;
  /** TLS Doctor's env files (env.sh, env.fish). */
  readonly envDir: string;
}

/** Data files inside UserPaths.data. */
export const DATA_FILES = {
  bundle: 'bundle.pem', // public roots + confirmed roots + intermediates: for tools whose setting replaces their roots
  ca: 'ca.pem', //         the confirmed roots alone: for tools that add to their own roots
  truststore: 'truststore.p12', // Java
  journal: 'journal.json',
  state: 'state.json',
} as const;

function abs(v: string | undefined): string | undefined {
  return v && path.isAbsolute(v) ? v : undefined;
}

/** The user's folders from `env` (HOME or USERPROFILE must be set). */
export function userPaths(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): UserPaths {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const home = env.HOME || env.USERPROFILE;
  if (!home) throw new Error('HOME is not set: cannot find the user configuration files');
  let config: string;
  let dataRoot: string;
  if (platform === 'win32') {
    config = env.APPDATA || p.join(home, 'AppData', 'Roaming');
    dataRoot = env.LOCALAPPDATA || p.join(home, 'AppData', 'Local');
  } else if (platform === 'darwin') {
    config = abs(env.XDG_CONFIG_HOME) ?? p.join(home, '.config');
    dataRoot = p.join(home, 'Library', 'Application Support');
  } else {
    config = abs(env.XDG_CONFIG_HOME) ?? p.join(home, '.config');
    dataRoot = abs(env.XDG_DATA_HOME) ?? p.join(home, '.local', 'share');
  }
  return {
    platform,
    home,
    config,
    data: p.join(dataRoot, 'tls-doctor', 'trust'),
    envDir: p.join(config, 'tls-doctor'),
  };
}

/** Path of a data file. */
export function dataFile(u: UserPaths, name: keyof typeof DATA_FILES): string {
  return (u.platform === 'win32' ? path.win32 : path.posix).join(u.data, DATA_FILES[name]);
}
