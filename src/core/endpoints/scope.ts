// Which expression an identifier stands for, file-wide and conservatively: a name counts only when it is assigned
// exactly once in the file (`API = "https://…"`, `const API = …`, `API := …`, `static final String API = …`,
// shell `API=…`) and never appears as a function parameter, loop variable or `as` target, which could shadow it.
import type { Scope } from './expr';
import { matchBracket, skipString } from './text';

const PARAM_LISTS = [
  /\bdef\s+\w+\s*\(([^)]*)\)/g,
  /\bfunction\b[\s\w$*]*\(([^)]*)\)/g,
  /\bfunc\s+(?:\([^)]*\)\s*)?\w*\s*\(([^)]*)\)/g,
  /\(([^()]*)\)\s*(?::\s*[\w<>[\]|. ]+)?=>/g,
  /\blambda\b([^:\n]*):/g,
  /\|([^|\n]*)\|/g, // Ruby blocks and Rust closures
];

/** The last file's scope: the editor asks for every finding of one text in a row, and the scope is a whole-text scan. */
let last: { text: string; scope: Scope } | undefined;

/** A Scope over one file's text; results are memoized per name, and the scope itself for the text asked last. */
export function fileScope(text: string): Scope {
  if (last?.text !== text) last = { text, scope: buildScope(text) };
  return last.scope;
}

function buildScope(text: string): Scope {
  const memo = new Map<string, string | undefined>();
  let params: Set<string> | undefined;
  return (name) => {
    if (!memo.has(name)) {
      params ??= parameterNames(text);
      memo.set(name, params.has(name) ? undefined : singleBinding(text, name));
    }
    return memo.get(name);
  };
}

/** Every identifier that appears in a parameter list or as a bare arrow-function parameter. */
function parameterNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const re of PARAM_LISTS) {
    for (const m of text.matchAll(re)) for (const w of m[1].match(/[A-Za-z_$][\w$]*/g) ?? []) names.add(w);
  }
  for (const m of text.matchAll(/([A-Za-z_$][\w$]*)\s*=>/g)) names.add(m[1]);
  return names;
}

/** The right-hand side of the one assignment to `name`, or undefined if there are none or several. */
function singleBinding(text: string, name: string): string | undefined {
  const n = escapeRe(name);
  const other = new RegExp(
    `\\bfor\\s*\\(?\\s*(?:const|let|var)?\\s*${n}\\b|\\bas\\s+${n}\\b|(?<![\\w$.])${n}\\s*(?:[-+*/|&]=|\\+\\+|--)`,
  );
  if (other.test(text)) return undefined;
  const assign = new RegExp(`(?<![\\w$.])${n}\\s*(?::(?!=)[^=\\n;,()]*)?(:=|=)(?![=>~])`, 'g');
  const rhs: string[] = [];
  for (const m of text.matchAll(assign)) {
    if (isArgument(text, m.index)) continue;
    rhs.push(statementRest(text, m.index + m[0].length));
    if (rhs.length > 1) return undefined;
  }
  return rhs[0];
}

/** `f(url=…)` or `def f(url=…)`: a keyword argument or default, not a binding of the name. */
function isArgument(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i--;
  return text[i] === '(' || text[i] === ',';
}

/** The expression from `start` to the end of its statement (newline or `;` outside brackets), minus a comment. */
function statementRest(text: string, start: number): string {
  let i = start;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      i = skipString(text, i) - 1;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') {
      const close = matchBracket(text, i);
      if (close < 0) return '';
      i = close;
      continue;
    }
    if (
      c === '\n' ||
      c === ';' ||
      (c === '#' && /\s/.test(text[i - 1] ?? ' ')) ||
      (c === '/' && text[i + 1] === '/' && /\s/.test(text[i - 1] ?? ' '))
    ) {
      break;
    }
  }
  return text.slice(start, i).trim();
}

function escapeRe(s: string): string {
  return s.replace(/[$]/g, '\\$&');
}
