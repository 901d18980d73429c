// The CLI's promise that generated keys stay out of git: an out folder inside a git work tree gets listed in that
// work tree's top-level .gitignore (the text comes from gitignore.ts's ensureGitignored, the one writer of the entry).
import * as fs from 'fs';
import * as path from 'path';
import { ensureGitignored } from './gitignore';
import { gitWorkTreeOf } from './integrity';
import { CERT_MODE, writeFileAtomic } from './store';

/** What ignoreOutDir did: the .gitignore it looked at and whether it had to add the entry. */
export interface IgnoreResult {
  gitignore: string;
  updated: boolean;
  /** The entry as written (e.g. `/.certs/`), relative to the work tree. */
  entry: string;
}

/**
 * Lists `outDir` in the .gitignore at the top of its git work tree when no rule ignores it yet; undefined outside a
 * work tree (nothing to protect) or when outDir is the work tree itself (ensureGitignored refuses that).
 */
export function ignoreOutDir(outDir: string): IgnoreResult | undefined {
  const tree = gitWorkTreeOf(outDir);
  if (!tree) return undefined;
  const rel = path.relative(tree, path.resolve(outDir)).replace(/\\/g, '/');
  if (rel === '') return undefined;
  const gitignore = path.join(tree, '.gitignore');
  const old = fs.existsSync(gitignore) ? fs.readFileSync(gitignore, 'utf8') : '';
  const next = ensureGitignored(old, rel);
  if (next !== undefined) {
    writeFileAtomic(gitignore, next, fs.existsSync(gitignore) ? fs.statSync(gitignore).mode & 0o777 : CERT_MODE);
  }
  return { gitignore, updated: next !== undefined, entry: `/${rel}/` };
}
