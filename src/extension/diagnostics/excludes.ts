// Which workspace files a scan leaves out: the core's built-in folders (node_modules, .git, virtualenvs, build
// outputs), `files.exclude` and `tlsDoctor.scan.exclude`. VS Code has no public glob matcher, so patterns are
// matched with gitignore semantics (the `ignore` package), which agrees with VS Code globs for the usual
// `**/name`, `name/**` and `*.ext` forms.
import ignore, { Ignore } from 'ignore';
import * as vscode from 'vscode';
import { DEFAULT_EXCLUDES } from '../../core/scan/index';
import { scanSettings } from '../settings';

/** `files.exclude` patterns that are switched on (`true`; conditional `{ when }` entries are left to VS Code). */
function filesExclude(folder?: vscode.WorkspaceFolder): string[] {
  const raw = vscode.workspace.getConfiguration('files', folder?.uri).get<Record<string, unknown>>('exclude') ?? {};
  return Object.entries(raw)
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
}

/** Every exclude pattern that applies in `folder`. */
export function excludePatterns(folder?: vscode.WorkspaceFolder): string[] {
  return [...DEFAULT_EXCLUDES.map((d) => `**/${d}/**`), ...filesExclude(folder), ...scanSettings(folder?.uri).exclude];
}

/** A glob for `findFiles`' exclude argument: the patterns VS Code can group in one `{a,b}` (others are post-filtered). */
export function findFilesExclude(patterns: readonly string[]): string {
  const simple = patterns.filter((p) => !/[{},]/.test(p));
  return `{${simple.join(',')}}`;
}

/** Decides, for workspace-relative paths, whether a file is excluded. */
export class ExcludeMatcher {
  private readonly ig: Ignore;

  constructor(patterns: readonly string[]) {
    // gitignore treats a trailing `/**` as "everything inside"; strip a leading `./` VS Code users sometimes write.
    this.ig = ignore().add(patterns.map((p) => p.replace(/^\.\//, '')));
  }

  /** `rel` uses forward slashes and is relative to the workspace folder. */
  excludes(rel: string): boolean {
    if (!rel || rel.startsWith('..') || /^[a-zA-Z]:|^\//.test(rel)) return false;
    try {
      return this.ig.ignores(rel);
    } catch {
      return false; // `ignore` rejects odd paths; never hide a file because of a matcher quirk
    }
  }
}

/**
 * The workspace's excludes: matchers per workspace folder, built on first use and dropped by reset() when an exclude
 * setting changes. One instance, created in activate() and shared through Services, so the workspace scan, live
 * scanning and the endpoints inventory leave out the same files.
 */
export class WorkspaceExcludes {
  private readonly matchers = new Map<string, ExcludeMatcher>();

  /** Forgets cached matchers (call when files.exclude or tlsDoctor.scan.exclude change). */
  reset(): void {
    this.matchers.clear();
  }

  private matcherFor(folder: vscode.WorkspaceFolder): ExcludeMatcher {
    const key = folder.uri.toString();
    let matcher = this.matchers.get(key);
    if (!matcher) this.matchers.set(key, (matcher = new ExcludeMatcher(excludePatterns(folder))));
    return matcher;
  }

  /** The matcher for the folder that holds `uri`, and the path relative to it (undefined outside the workspace). */
  excludeFor(uri: vscode.Uri): { matcher: ExcludeMatcher; rel: string } | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder && { matcher: this.matcherFor(folder), rel: vscode.workspace.asRelativePath(uri, false) };
  }

  /** True for a file inside a workspace folder that no exclude pattern matches (what file events may add). */
  isIncluded(uri: vscode.Uri): boolean {
    const ex = this.excludeFor(uri);
    return ex !== undefined && !ex.matcher.excludes(ex.rel);
  }

  /**
   * Every file of `folder` that no exclude pattern matches: findFiles drops what its glob can express, the matcher the
   * rest. The one lister for the workspace scan and the endpoints inventory, so both leave out the same files.
   */
  async includedFiles(
    folder: vscode.WorkspaceFolder,
    maxResults?: number,
    token?: vscode.CancellationToken,
  ): Promise<vscode.Uri[]> {
    const found = await vscode.workspace.findFiles(
      new vscode.RelativePattern(folder, '**/*'),
      findFilesExclude(excludePatterns(folder)),
      maxResults,
      token,
    );
    const matcher = this.matcherFor(folder);
    return found.filter((uri) => !matcher.excludes(vscode.workspace.asRelativePath(uri, false)));
  }
}
