// The facts about a file's surroundings that anchored paths need (anchor.ts): how Node runs it (the nearest
// package.json's "type") and whether git ignores it (a git-ignored .env may hold an absolute path). Shared by the CLI's
// scan --fix and the editor's quick fixes, so both write the same reference. Small synchronous reads: one package.json
// per folder (cached), one `git check-ignore` per .env file.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as nodePath from 'path';
import type { AnchorOptions } from './types';

/** The facts about a file's surroundings the anchored paths need: package.json "type", git-ignored. */
export class Surroundings {
  private readonly types = new Map<string, 'commonjs' | 'module' | undefined>();

  /** The "type" of the nearest package.json above `file` (undefined when there is none or it has no type). */
  moduleType(file: string): 'commonjs' | 'module' | undefined {
    let dir = nodePath.dirname(file);
    const seen: string[] = [];
    for (;;) {
      if (this.types.has(dir)) return this.remember(seen, this.types.get(dir));
      seen.push(dir);
      const type = readPackageType(nodePath.join(dir, 'package.json'));
      if (type !== null) return this.remember(seen, type);
      const up = nodePath.dirname(dir);
      if (up === dir) return this.remember(seen, undefined);
      dir = up;
    }
  }

  private remember(dirs: readonly string[], type: 'commonjs' | 'module' | undefined) {
    for (const d of dirs) this.types.set(d, type);
    return type;
  }

  /** True when git says `file` is ignored (false outside a repository or without git). */
  gitIgnored(file: string): boolean {
    const r = spawnSync('git', ['check-ignore', '-q', '--', nodePath.basename(file)], {
      cwd: nodePath.dirname(file),
      stdio: 'ignore',
      timeout: 10_000,
    });
    return r.status === 0;
  }
}

/** `type` of a package.json: the value, undefined for a package.json without one, null when there is no file. */
function readPackageType(file: string): 'commonjs' | 'module' | undefined | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const type = (JSON.parse(text) as { type?: unknown }).type;
    return type === 'module' || type === 'commonjs' ? type : undefined;
  } catch {
    return undefined;
  }
}

/** True for a dotenv file by its name (`.env`, `.env.local`, `prod.env`): the only files whose git status matters. */
export function isDotenvFile(file: string): boolean {
  return /(?:^|[\\/])\.env(?:\.[^\\/]*)?$|\.env$/i.test(file);
}

/**
 * The anchor options for editing `file` (absolute) to trust `bundleFile` (absolute): the facts anchor.ts needs,
 * git consulted only for a .env. `workspaceFolder` is where `${workspaceFolder}` points for .vscode/*.json.
 */
export function anchorFor(
  file: string,
  bundleFile: string,
  workspaceFolder?: string,
  env: Surroundings = new Surroundings(),
): AnchorOptions {
  const moduleType = env.moduleType(file);
  const gitIgnored = isDotenvFile(file) && env.gitIgnored(file);
  return {
    bundleFile,
    ...(workspaceFolder ? { workspaceFolder } : {}),
    ...(moduleType ? { moduleType } : {}),
    ...(gitIgnored ? { gitIgnored } : {}),
  };
}
