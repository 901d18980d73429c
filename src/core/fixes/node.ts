// Node fixes: `rejectUnauthorized: false` → `ca: fs.readFileSync("<bundle>")` (assignments too), reusing the file's
// own `fs` binding or adding one in its module style: ESM `import * as fs from 'fs'` or CJS `const fs = require('fs')`,
// with its quote, `node:` prefix and semicolon habits.
import { cString } from '../text/quote';
import { eolOf, lineSpan } from '../text/lines';
import type { Target } from './text';
import type { OffsetEdit } from './types';

/** How the file reads files synchronously: a callee (`fs.readFileSync`, `readFileSync`) and the edits to get it. */
interface ReadFile {
  readonly callee: string;
  readonly edits: OffsetEdit[];
}

/** `import fs from 'fs'`, `import * as fs from 'node:fs'`, `const fs = require('fs')`, `import fs = require('fs')`. */
const NAMESPACE =
  /(?:import\s+(?:\*\s+as\s+)?([\w$]+)\s+from\s*(['"])(?:node:)?fs\2|(?:const|let|var|import)\s+([\w$]+)\s*=\s*require\s*\(\s*(['"])(?:node:)?fs\4\s*\))/;
/** `import { readFileSync } from 'fs'`, `const { readFileSync: read } = require('fs')`. */
const NAMED =
  /(?:import\s*\{([^}]*)\}\s*from\s*(['"])(?:node:)?fs\2|(?:const|let|var)\s*\{([^}]*)\}\s*=\s*require\s*\(\s*(['"])(?:node:)?fs\4\s*\))/;

/**
 * The `rejectUnauthorized` fix. `rejectUnauthorized: false` → `ca: <read>("<bundle>")`; `x.rejectUnauthorized = false`
 * → `x.ca = …`. `ref` (an anchored expression such as `path.join(__dirname, '…')`, with its imports) replaces the string.
 */
export function rejectUnauthorized(
  t: Target,
  bundle: string,
  path: string,
  ref?: { code: string; edits: readonly OffsetEdit[] },
): OffsetEdit[] | undefined {
  const m = /^(["']?)rejectUnauthorized\1(\s*)(:|=)(\s*)false$/.exec(t.value);
  if (!m) return undefined;
  const rf = readFileSync(t.text, path);
  const quote = moduleQuote(t.text);
  const key = m[1] ? `${m[1]}ca${m[1]}` : 'ca';
  const newText = `${key}${m[2]}${m[3]}${m[4]}${rf.callee}(${ref ? ref.code : cString(bundle, quote)})`;
  return [...rf.edits, ...(ref?.edits ?? []), { start: t.start, end: t.end, newText }];
}

/** Finds or adds a synchronous file read in `text`. */
export function readFileSync(text: string, path: string): ReadFile {
  const ns = NAMESPACE.exec(text);
  if (ns) return { callee: `${ns[1] ?? ns[3]}.readFileSync`, edits: [] };
  const named = NAMED.exec(text);
  const binding = named ? /\breadFileSync\b(?:\s*(?:as|:)\s*([\w$]+))?/.exec(named[1] ?? named[3]) : null;
  if (binding) return { callee: binding[1] ?? 'readFileSync', edits: [] };
  return { callee: 'fs.readFileSync', edits: [moduleImport(text, path, 'fs', 'fs')] };
}

/** The quote character the file uses for module specifiers (double when it has none). */
function moduleQuote(text: string): '"' | "'" {
  const m = /(?:\bfrom\s*|\brequire\s*\(\s*|^import\s*)(['"])/m.exec(text);
  return m?.[1] === "'" ? "'" : '"';
}

/**
 * `import * as fs from 'fs';` or `const fs = require('fs');` (for `binding` `fs` and `module` `fs`; a `{ a }` binding
 * imports names), after the last import/require, in the file's style: quotes, `node:` prefix, semicolons.
 */
export function moduleImport(text: string, path: string, binding: string, module: string): OffsetEdit {
  const cjs = isCommonJs(text, path);
  const q = moduleQuote(text);
  const prefix = /(['"])node:[\w/]+\1/.test(text) ? 'node:' : '';
  const last = lastModuleLine(text, cjs);
  const semi = last >= 0 ? /;\s*$/.test(text.slice(...(lineSpan(text, last).slice(0, 2) as [number, number]))) : true;
  const spec = `${q}${prefix}${module}${q}`;
  const named = binding.startsWith('{');
  const stmt = cjs
    ? `const ${binding} = require(${spec})`
    : named
      ? `import ${binding} from ${spec}`
      : `import * as ${binding} from ${spec}`;
  const at = last >= 0 ? lineSpan(text, last)[2] : directivesEnd(text);
  const eol = eolOf(text);
  const lead = at === text.length && at > 0 && !text.endsWith('\n') ? eol : '';
  return { start: at, end: at, newText: `${lead}${stmt}${semi ? ';' : ''}${eol}` };
}

/**
 * CommonJS or ESM: the extension decides (.cjs/.mjs), then the file's own syntax, then the default of the language
 * (a plain .js file is CommonJS for Node unless package.json says otherwise; TypeScript is written with imports).
 */
export function isCommonJs(text: string, path: string): boolean {
  if (/\.c[jt]s$/i.test(path)) return true;
  if (/\.m[jt]s$/i.test(path) || /^\s*(?:import|export)\b/m.test(text)) return false;
  return /\brequire\s*\(/.test(text) || /\.jsx?$/i.test(path);
}

/** Offset inside the last top-level import (or require) statement's final line, or -1. */
function lastModuleLine(text: string, cjs: boolean): number {
  const re = cjs ? /^(?:const|let|var)\s+[^=\n]+=\s*require\s*\([^)]*\)[^\n]*$/gm : /^import\b[^\n]*$/gm;
  let last = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) last = cjs ? m.index : importEnd(text, m.index);
  return last;
}

/** The line where a (possibly multi-line) `import {\n a,\n} from 'x'` ends. */
function importEnd(text: string, start: number): number {
  const rest = text.slice(start);
  const m = /^import\b(?:[^'"`;]*?\bfrom\s*)?\s*(['"])[^'"\n]*\1/.exec(rest);
  return m ? start + m[0].length - 1 : start;
}

/** After a shebang and `'use strict'`/`"use client"` directives: where a first import goes. */
function directivesEnd(text: string): number {
  const m = /^(?:#![^\n]*\n)?(?:\s*(['"])use [\w ]+\1;?[^\S\n]*\n)*/.exec(text);
  return m ? m[0].length : 0;
}
