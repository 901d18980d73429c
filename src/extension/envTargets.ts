// Writes environment variables (e.g. REQUESTS_CA_BUNDLE / SSL_CERT_FILE / NODE_EXTRA_CA_CERTS) where the user's
// programs will see them: the workspace `.env`, the integrated terminal's env setting, or launch.json configurations.
// Every writer merges: existing lines, entries, comments and formatting are kept. Reused by the quick-fixes.
import { isUtf8 } from 'buffer';
import * as path from 'path';
import * as vscode from 'vscode';
import { rewriteFile, WorkspaceWrite } from './workspaceFiles';
import { openDocument } from './documents';
import { applyEdits, FormattingOptions, modify, parse, ParseError } from 'jsonc-parser';
import { loadCerts } from './lazy';
import { launchShapeError } from './launchShape';

/** Where variables can be written. */
export type EnvTarget = 'dotenv' | 'terminal' | 'launch';

/** What a writer did, for messages and tests. */
export interface EnvWriteResult {
  target: EnvTarget;
  /** The file or setting written. */
  where: string;
  /** Number of launch configurations updated (launch only). */
  count?: number;
  /** The values written (a path may read differently per target: `${workspaceFolder}/…` in launch.json). */
  values?: Readonly<Record<string, string>>;
  /** Variables that were already set there to something else (another CA, say): replaced, and said so. */
  replaced?: readonly { readonly key: string; readonly old: string }[];
}

/** The variables of `vars` that `current` (key → value as read) sets to another value. */
function replacedIn(
  current: Readonly<Record<string, string | null | undefined>>,
  vars: Readonly<Record<string, string>>,
): { key: string; old: string }[] {
  return Object.entries(vars)
    .filter(([k, v]) => typeof current[k] === 'string' && current[k] !== v)
    .map(([k]) => ({ key: k, old: current[k] as string }));
}

/** The values a .env text assigns (quotes taken off; the last assignment wins, as the loaders read it). */
function dotenvValues(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of loadCerts().parseDotenv(text).entries) {
    if (e.assignment) out[e.assignment.key] = e.assignment.value.trim().replace(/^(["'])([\s\S]*)\1$/, '$2');
  }
  return out;
}

/**
 * Replaces the text of `uri` with `transform(old)` through the one workspace writer (an undoable WorkspaceEdit, then
 * saved). Does nothing when the text doesn't change.
 */
export function editTextFile(uri: vscode.Uri, transform: (text: string) => string): Promise<boolean> {
  return rewriteFile(uri, transform, `update ${path.basename(uri.fsPath)}`);
}

/**
 * Sets `vars` in `<folder>/<fileName>` (default `.env`), keeping every other byte. An open editor's text goes through
 * mergeEnvFile (undoable, unsaved edits kept) unless the editor is clean and the file on disk is not UTF-8: its text
 * then already holds U+FFFD where those bytes were, so the bytes on disk go through mergeEnvBytes instead. With
 * `batch` the change joins it (applied and undone with it); without, it is applied on its own.
 */
export async function writeEnvToDotenv(
  folder: vscode.Uri,
  vars: Record<string, string>,
  fileName = '.env',
  batch?: WorkspaceWrite,
): Promise<EnvWriteResult> {
  const uri = vscode.Uri.joinPath(folder, fileName);
  const { mergeEnvFile, mergeEnvBytes } = loadCerts();
  const open = openDocument(uri);
  const bytes = open?.isDirty ? undefined : await readBytes(uri);
  const write = batch ?? new WorkspaceWrite();
  // What is there now, to say which variables get replaced (never silently: another CA may be named there).
  const text =
    open && (bytes === undefined || isUtf8(bytes))
      ? open.getText()
      : Buffer.from(bytes ?? []).toString(bytes && isUtf8(bytes) ? 'utf8' : 'latin1');
  const replaced = replacedIn(dotenvValues(text), vars);
  if (open && (bytes === undefined || isUtf8(bytes))) {
    await write.rewrite(uri, (text) => mergeEnvFile(text, vars), `update ${fileName}`);
  } else {
    write.rewriteBytes(uri, bytes, mergeEnvBytes(bytes ?? new Uint8Array(), vars), `update ${fileName}`);
  }
  if (!batch && !(await write.apply())) throw new Error(vscode.l10n.t('could not edit {0}', uri.fsPath));
  return { target: 'dotenv', where: uri.fsPath, values: vars, ...(replaced.length ? { replaced } : {}) };
}

/** The file's bytes; undefined when it does not exist. */
async function readBytes(uri: vscode.Uri): Promise<Uint8Array | undefined> {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
    throw e;
  }
}

/** The `terminal.integrated.env.<os>` key for the extension host's platform (where the terminals run). */
export function terminalEnvKey(platform: NodeJS.Platform = process.platform): string {
  return `env.${platform === 'darwin' ? 'osx' : platform === 'win32' ? 'windows' : 'linux'}`;
}

/**
 * Merges `vars` into the workspace (or folder, in multi-root workspaces) `terminal.integrated.env.<os>` setting,
 * through the configuration API (it owns settings.json); with `batch` as one of its steps, restored by its Undo.
 */
export async function writeEnvToTerminalSettings(
  folder: vscode.Uri,
  vars: Record<string, string>,
  batch?: WorkspaceWrite,
): Promise<EnvWriteResult> {
  const config = vscode.workspace.getConfiguration('terminal.integrated', folder);
  const key = terminalEnvKey();
  const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  const inspected = config.inspect<Record<string, string | null>>(key);
  const previous = multiRoot ? inspected?.workspaceFolderValue : inspected?.workspaceValue;
  const target = multiRoot ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace;
  const step = {
    file: envTargetFile('terminal', folder),
    run: () => config.update(key, { ...(previous ?? {}), ...vars }, target),
    undo: () => config.update(key, previous, target),
  };
  if (batch) batch.external(step);
  else await step.run();
  const replaced = replacedIn(previous ?? {}, vars);
  return {
    target: 'terminal',
    where: `terminal.integrated.${key}`,
    values: vars,
    ...(replaced.length ? { replaced } : {}),
  };
}

/** The file a target writes: `.env`, launch.json, or the settings file the workspace terminal setting lives in. */
export function envTargetFile(target: EnvTarget, folder: vscode.Uri): vscode.Uri {
  if (target === 'dotenv') return vscode.Uri.joinPath(folder, '.env');
  if (target === 'launch') return vscode.Uri.joinPath(folder, '.vscode', 'launch.json');
  const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  const file = vscode.workspace.workspaceFile;
  return !multiRoot && file?.scheme === 'file' ? file : vscode.Uri.joinPath(folder, '.vscode', 'settings.json');
}

/** Indentation used when adding to launch.json: the file's own, guessed from its first indented line. */
function formattingOf(text: string): FormattingOptions {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '    ';
  return {
    insertSpaces: !indent.startsWith('\t'),
    tabSize: indent.startsWith('\t') ? 4 : indent.length,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

/** Sets `vars` in the `env` of every configuration of a launch.json text, keeping comments (jsonc-parser). Pure. */
export function mergeLaunchEnv(text: string, vars: Record<string, string>): { text: string; count: number } {
  const errors: ParseError[] = [];
  const json = parse(text, errors, { allowTrailingComma: true }) as { configurations?: unknown[] } | undefined;
  if (errors.length > 0 || !json || typeof json !== 'object') {
    throw new Error(vscode.l10n.t('launch.json is not valid JSON with comments; fix it first'));
  }
  const shape = launchShapeError(json);
  if (shape) throw new Error(vscode.l10n.t('{0}; fix it first (the file was not changed)', shape));
  const count = Array.isArray(json.configurations) ? json.configurations.length : 0;
  let out = text;
  for (let i = 0; i < count; i++) {
    for (const [k, v] of Object.entries(vars)) {
      out = applyEdits(out, modify(out, ['configurations', i, 'env', k], v, { formattingOptions: formattingOf(text) }));
    }
  }
  return { text: out, count };
}

/**
 * Sets `vars` in every configuration of `<folder>/.vscode/launch.json`; throws (changing nothing) when there is no
 * configuration or the file has an odd shape. With `batch` the rewrite joins it.
 */
export async function writeEnvToLaunchJson(
  folder: vscode.Uri,
  vars: Record<string, string>,
  batch?: WorkspaceWrite,
): Promise<EnvWriteResult> {
  const uri = vscode.Uri.joinPath(folder, '.vscode', 'launch.json');
  let count = 0;
  const merge = (text: string) => {
    const merged = mergeLaunchEnv(text, vars);
    count = merged.count;
    if (count === 0) {
      throw new Error(
        vscode.l10n.t('{0} has no launch configurations to add the variables to', path.join('.vscode', 'launch.json')),
      );
    }
    return merged.text;
  };
  if (batch) await batch.rewrite(uri, merge, 'update launch.json');
  else await editTextFile(uri, merge);
  return { target: 'launch', where: uri.fsPath, count, values: vars };
}

/** Writes `vars` to one target (with `batch`: as part of it, applied and undone with it). */
export function writeEnv(
  target: EnvTarget,
  folder: vscode.Uri,
  vars: Record<string, string>,
  batch?: WorkspaceWrite,
): Promise<EnvWriteResult> {
  switch (target) {
    case 'dotenv':
      return writeEnvToDotenv(folder, vars, '.env', batch);
    case 'terminal':
      return writeEnvToTerminalSettings(folder, vars, batch);
    case 'launch':
      return writeEnvToLaunchJson(folder, vars, batch);
  }
}

/** Asks where to write (several choices allowed); undefined when cancelled. */
export async function pickEnvTargets(vars: Record<string, string>): Promise<EnvTarget[] | undefined> {
  const names = Object.keys(vars).join(', ');
  const items: (vscode.QuickPickItem & { target: EnvTarget })[] = [
    {
      target: 'dotenv',
      label: vscode.l10n.t('Workspace .env file'),
      description: vscode.l10n.t('merged with the existing lines'),
      picked: true,
    },
    {
      target: 'terminal',
      label: vscode.l10n.t('Integrated terminal environment'),
      description: vscode.l10n.t('workspace setting {0}', 'terminal.integrated.env.*'),
    },
    {
      target: 'launch',
      label: vscode.l10n.t('Debug configurations'),
      description: vscode.l10n.t('"env" of every configuration in .vscode/launch.json'),
    },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: vscode.l10n.t('Write {0}', names),
  });
  return picked?.map((p) => p.target);
}
