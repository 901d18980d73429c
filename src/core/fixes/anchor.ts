// Paths that work from any working directory (issue 19 item 1). A relative path written into code is resolved by the
// running program against ITS working directory, so `verify=".certs/bundle.pem"` breaks as soon as the program starts
// from a subfolder. With `FixOptions.anchor` the fixers write a reference anchored to the file itself:
//   Python      str(Path(__file__).resolve().parent / "../.certs/bundle.pem")   (+ `from pathlib import Path`)
//   Node CJS    path.join(__dirname, '../.certs/bundle.pem')                     (+ `const path = require('path')`)
//   Node ESM    new URL('../.certs/bundle.pem', import.meta.url)                 (fs.readFileSync accepts a URL)
//   sh scripts  "$(dirname "$0")/../.certs/bundle.pem"
//   npm scripts the path relative to package.json (npm runs scripts from the package folder)
//   .vscode/*.json  ${workspaceFolder}/.certs/bundle.pem   (launch.json, settings: VS Code expands it)
//   .env        see dotenvValue below
// Go binaries do not know where their source was: the Go helper reads $TLS_CA_BUNDLE first (see go.ts).
// Everything else (Dockerfile, CI YAML, tool config files) keeps the path as the caller gave it.
import * as nodePath from 'path';
import { cString } from '../text/quote';
import { addImport } from './python';
import { isCommonJs, moduleImport } from './node';
import type { AnchorOptions, FixOptions, OffsetEdit } from './types';
import type { Host } from './host';
import { isDotenvFile } from './surroundings';

/** How the edited file names the bundle: code (an expression), or a plain string for the host to quote. */
export interface BundleRef {
  /** A ready expression / word for the host (already quoted), or undefined: quote `path` as the host does. */
  readonly code?: string;
  /** The path string to quote when there is no `code`. */
  readonly path: string;
  /** Imports the expression needs. */
  readonly edits: readonly OffsetEdit[];
  /** What the caller should know about the path (e.g. "absolute: .env is git-ignored"). */
  readonly note?: string;
}

/** `to` relative to the folder `fromDir`, `/`-separated (`./` when it is the same folder's file). */
export function relativeRef(fromDir: string, to: string): string {
  const rel = nodePath.relative(fromDir, to).split(nodePath.sep).join('/');
  return rel === '' ? '.' : rel;
}

/** The anchored reference for a file of `host` (undefined: no anchoring applies, use `opts.bundle` as before). */
export function anchoredRef(host: Host, text: string, opts: FixOptions, use: 'read' | 'value'): BundleRef | undefined {
  const a = opts.anchor;
  if (!a) return undefined;
  const dir = nodePath.dirname(nodePath.resolve(opts.path));
  const rel = relativeRef(dir, a.bundleFile);
  switch (host) {
    case 'python':
      return pythonRef(text, rel);
    case 'js':
      return jsRef(text, opts.path, a, rel, use);
    case 'shell':
      return isShellScript(opts.path, text) ? { path: rel, code: scriptRelative(rel), edits: [] } : undefined;
    case 'json-shell':
      return /(?:^|[\\/])package\.json$/i.test(opts.path)
        ? { path: rel, edits: [], note: 'relative to package.json: npm runs scripts from the package folder' }
        : undefined;
    case 'json':
      return vscodeRef(opts.path, a);
    case 'dotenv':
      return dotenvRef(dir, a);
    default:
      return undefined;
  }
}

/** `str(Path(__file__).resolve().parent / "rel")`, reusing the file's `Path` / `pathlib` binding or importing Path. */
function pythonRef(text: string, rel: string): BundleRef {
  const named = /^[ \t]*from[ \t]+pathlib[ \t]+import[ \t]+[^\n#]*\bPath\b(?![ \t]+as)/m.test(text);
  const module = /^[ \t]*import[ \t]+(?:[\w.]+[ \t]*,[ \t]*)*pathlib[ \t]*(?:,|#|$)/m.test(text);
  const ctor = named ? 'Path' : module ? 'pathlib.Path' : 'Path';
  const edits = named || module ? [] : [addImport(text, 'from pathlib import Path')];
  return { path: rel, code: `str(${ctor}(__file__).resolve().parent / ${cString(rel)})`, edits };
}

/**
 * Node: CommonJS gets `path.join(__dirname, 'rel')`; ES modules `new URL('rel', import.meta.url)` for a file read, and
 * `fileURLToPath(new URL(…))` where a string is needed (an env value). Which one the program RUNS as decides
 * (a .ts file written with `import` usually compiles to CommonJS unless package.json says `"type": "module"`).
 */
function jsRef(text: string, file: string, a: AnchorOptions, rel: string, use: 'read' | 'value'): BundleRef {
  const quote = /(?:\bfrom\s*|\brequire\s*\(\s*)(['"])/.exec(text)?.[1] === '"' ? '"' : "'";
  if (runsAsEsm(text, file, a.moduleType)) {
    const url = `new URL(${cString(urlRef(rel), quote)}, import.meta.url)`;
    if (use === 'read') return { path: rel, code: url, edits: [] };
    const bound = /\bfileURLToPath\b/.test(text);
    return {
      path: rel,
      code: `fileURLToPath(${url})`,
      edits: bound ? [] : [moduleImport(text, file, '{ fileURLToPath }', 'url')],
    };
  }
  const binding = pathBinding(text);
  const name = binding ?? (/\bpath\b/.test(text) ? 'nodePath' : 'path');
  const edits = binding ? [] : [moduleImport(text, file, name, 'path')];
  return { path: rel, code: `${name}.join(__dirname, ${cString(rel, quote)})`, edits };
}

/** True when Node runs the file as an ES module: .mjs/.mts, or `"type": "module"`, or a .js file using `import`. */
function runsAsEsm(text: string, file: string, moduleType: AnchorOptions['moduleType']): boolean {
  if (/\.m[jt]s$/i.test(file)) return true;
  if (/\.c[jt]s$/i.test(file)) return false;
  if (moduleType === 'module') return true;
  if (moduleType === 'commonjs') return false;
  return /\.jsx?$/i.test(file) && !isCommonJs(text, file);
}

/** The name of the file's `path` module binding (`const p = require('path')`, `import * as path from 'node:path'`). */
function pathBinding(text: string): string | undefined {
  const m =
    /(?:import\s+(?:\*\s+as\s+)?([\w$]+)\s+from\s*(['"])(?:node:)?path\2|(?:const|let|var|import)\s+([\w$]+)\s*=\s*require\s*\(\s*(['"])(?:node:)?path\4\s*\))/.exec(
      text,
    );
  return m ? (m[1] ?? m[3]) : undefined;
}

/** A relative URL reference for `rel`: each segment percent-encoded (spaces, `#`, `?`), `./` in front. */
function urlRef(rel: string): string {
  const enc = rel
    .split('/')
    .map((s) => (s === '..' || s === '.' ? s : encodeURIComponent(s)))
    .join('/');
  return /^\.\.?\//.test(enc) ? enc : `./${enc}`;
}

/** True for a shell script (`.sh`/`.bash`/`.zsh`/`.ksh`, or a shebang naming a shell): `$0` is its own path. */
function isShellScript(file: string, text: string): boolean {
  return /\.(?:sh|bash|zsh|ksh)$/i.test(file) || /^#!\s*\S*\b(?:sh|bash|zsh|ksh|dash)\b/.test(text);
}

/** `"$(dirname "$0")/rel"`: the script's own folder, then `rel` escaped for double quotes. */
function scriptRelative(rel: string): string {
  return `"$(dirname "$0")/${rel.replace(/[\\"$`]/g, (c) => `\\${c}`)}"`;
}

/** launch.json, settings.json (terminal.integrated.env.*) and tasks.json: `${workspaceFolder}/…`, which VS Code expands. */
function vscodeRef(file: string, a: AnchorOptions): BundleRef | undefined {
  const abs = nodePath.resolve(file);
  const inVscode = /[\\/]\.vscode[\\/][^\\/]+\.jsonc?$/i.test(abs);
  // Only .vscode/*.json: in a .code-workspace file `${workspaceFolder}` is ambiguous (several folders).
  const folder = inVscode ? (a.workspaceFolder ?? nodePath.dirname(nodePath.dirname(abs))) : undefined;
  if (!folder) return undefined;
  const rel = relativeRef(folder, a.bundleFile);
  if (rel.startsWith('../') || nodePath.isAbsolute(rel)) return undefined; // outside the folder: keep the caller's path
  return { path: `\${workspaceFolder}/${rel}`, edits: [] };
}

/**
 * `.env` values are literal strings: neither python-dotenv (`load_dotenv()` finds the file by walking up from the
 * caller, but does not resolve values) nor Node's `--env-file` / dotenv make a path relative to the .env file; the
 * client then resolves it against the process's working directory. So: an absolute path when the .env is
 * git-ignored (a machine-local file: the absolute path never reaches the repository), else the path relative to the
 * .env's folder (the project root, where these tools are started from), with a note saying so.
 */
function dotenvRef(dir: string, a: AnchorOptions): BundleRef {
  if (a.gitIgnored) {
    return {
      path: nodePath.resolve(a.bundleFile),
      edits: [],
      note: 'absolute path: this .env is git-ignored, so it stays on this machine',
    };
  }
  const rel = relativeRef(dir, a.bundleFile);
  return {
    path: rel,
    edits: [],
    note: `relative to ${nodePath.basename(dir) || dir}/ (the folder of this .env, which is committed): programs must start there; git-ignore the .env for an absolute path`,
  };
}

/**
 * The value a CA variable gets when written into `file` itself (the env-variable route: a .env, launch.json,
 * .vscode/settings.json), by the same rules as the fixes: `${workspaceFolder}/…` in .vscode/*.json, a .env relative to
 * its folder or (git-ignored) absolute; otherwise (a bundle outside the folder, a .code-workspace) absolute, with a note.
 */
export function anchoredValue(file: string, a: AnchorOptions): { path: string; note?: string } {
  const abs = nodePath.resolve(file);
  const ref = /\.jsonc?$/i.test(abs)
    ? vscodeRef(abs, a)
    : isDotenvFile(abs)
      ? dotenvRef(nodePath.dirname(abs), a)
      : undefined;
  if (ref) return { path: ref.path, ...(ref.note ? { note: ref.note } : {}) };
  return {
    path: nodePath.resolve(a.bundleFile),
    note: `absolute path in ${nodePath.basename(abs)}: no \${workspaceFolder} reference reaches the bundle from there`,
  };
}
