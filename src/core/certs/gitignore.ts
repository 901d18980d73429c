// Keeping generated keys out of git: make sure the certificate folder is listed in the workspace .gitignore.
import ignore from 'ignore';
import { eolOf } from '../text/lines';
import { OUT_FILES } from './devcert';

/** The line written for `outDir`: anchored to the workspace root and marked as a folder, e.g. `/.certs/`. */
export function gitignoreLine(outDir: string): string {
  return `/${normalise(outDir)}/`;
}

function normalise(outDir: string): string {
  const rel = outDir
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');
  if (
    rel === '' ||
    rel === '.' ||
    rel.startsWith('../') ||
    rel === '..' ||
    rel.startsWith('/') ||
    /^[A-Za-z]:/.test(rel)
  ) {
    throw new Error(`the certificate folder must be inside the workspace (a relative path); got "${outDir}"`);
  }
  return rel;
}

/** True when git would already ignore the files written into `outDir` (by any rule: `.certs`, `*.pem`, …). */
export function isGitignored(gitignoreText: string, outDir: string): boolean {
  const rel = normalise(outDir);
  const ig = ignore().add(gitignoreText);
  return Object.values(OUT_FILES).every((f) => ig.ignores(`${rel}/${f}`));
}

/**
 * Returns `.gitignore` text that ignores `outDir`, or undefined when it already does. Everything already in the file
 * is kept byte-for-byte; the entry (with a comment) is appended using the file's own line ending.
 * E.g. `ensureGitignored('node_modules\n', '.certs')` → `'node_modules\n\n# …\n/.certs/\n'`.
 */
export function ensureGitignored(gitignoreText: string, outDir: string): string | undefined {
  if (isGitignored(gitignoreText, outDir)) return undefined;
  const eol = eolOf(gitignoreText);
  const sep = gitignoreText === '' ? '' : /\n$/.test(gitignoreText) ? eol : eol + eol;
  return `${gitignoreText}${sep}# TLS Doctor development certificates and private keys${eol}${gitignoreLine(outDir)}${eol}`;
}
