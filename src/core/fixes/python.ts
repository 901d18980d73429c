// Python fixes: `verify=False` → `verify="<bundle>"` (requests) or an SSL context from the bundle (httpx, which
// deprecates string paths), `session.verify = False` → the path, `ssl._create_unverified_context()` →
// `ssl.create_default_context(cafile="<bundle>")`, adding `import ssl` when the module isn't imported.
import { eolOf, lineSpan } from '../text/lines';
import type { Target } from './text';
import type { OffsetEdit } from './types';

/** `verify=False` / `verify = False` → the same keyword with `replacement` as its value. */
export function replaceFalse(t: Target, replacement: string): OffsetEdit | undefined {
  const m = /False\s*$/.exec(t.value);
  return m ? { start: t.start + m.index, end: t.start + m.index + 5, newText: replacement } : undefined;
}

/**
 * The kwarg fix: requests takes a path; httpx gets a context (a string `verify` is deprecated since httpx 0.28).
 * `path` is the bundle as a Python expression: a string literal, or an anchored `str(Path(__file__)…)`.
 */
export function verifyKwarg(t: Target, path: string, httpx: boolean): OffsetEdit[] | undefined {
  if (!httpx) return one(replaceFalse(t, path));
  const ssl = sslModule(t.text);
  const edit = replaceFalse(t, `${ssl.name}.create_default_context(cafile=${path})`);
  return edit ? [...ssl.edits, edit] : undefined;
}

/** `ssl._create_unverified_context(...)` → `ssl.create_default_context(cafile=<path expression>)`; undefined for unusual arguments. */
export function unverifiedContext(t: Target, path: string): OffsetEdit[] | undefined {
  const m = /^(?:([\w.]+)\.)?_create_unverified_context\s*(?:\(([\s\S]*)\))?$/.exec(t.value);
  if (!m || m[2] === undefined) return undefined; // a reference to the function, not a call: rewrite by hand
  const args = m[2].trim();
  const purpose = /^(?:purpose\s*=\s*)?(?:[\w.]+\.)?Purpose\.SERVER_AUTH$/.test(args);
  if (args !== '' && !purpose) return undefined; // cert/key/protocol arguments: a human should rewrite this one
  const ssl = m[1] ? { name: m[1], edits: [] } : sslModule(t.text);
  const cafile = `cafile=${path}`;
  return [...ssl.edits, { start: t.start, end: t.end, newText: `${ssl.name}.create_default_context(${cafile})` }];
}

/** The name the `ssl` module is bound to, with the `import ssl` edit when it isn't imported as a module. */
export function sslModule(text: string): { name: string; edits: OffsetEdit[] } {
  const m =
    /^[ \t]*import[ \t]+(?:[\w.]+(?:[ \t]+as[ \t]+\w+)?[ \t]*,[ \t]*)*ssl(?:[ \t]+as[ \t]+(\w+))?[ \t]*(?:,|#|$)/m.exec(
      text,
    );
  if (m) return { name: m[1] ?? 'ssl', edits: [] };
  return { name: 'ssl', edits: [addImport(text, 'import ssl')] };
}

/** Inserts `line` after the last top-level import (multi-line `from x import (...)` included), else at the top. */
export function addImport(text: string, line: string): OffsetEdit {
  const eol = eolOf(text);
  let at = -1;
  const re = /^(?:import[ \t]|from[ \t]+[\w.]+[ \t]+import[ \t])/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) at = statementEnd(text, m.index);
  if (at < 0) at = preambleEnd(text);
  const [, , next] = at > 0 ? lineSpan(text, at - 1) : [0, 0, 0];
  const needsBreak = next === text.length && next > 0 && !text.endsWith('\n');
  return { start: next, end: next, newText: `${needsBreak ? eol : ''}${line}${eol}` };
}

/** End offset (before the line break) of the import statement starting at `start`, following parentheses. */
function statementEnd(text: string, start: number): number {
  const [, end] = lineSpan(text, start);
  const open = text.slice(start, end).indexOf('(');
  if (open < 0) return end;
  const close = text.indexOf(')', start + open);
  return close < 0 ? end : lineSpan(text, close)[1];
}

/** After a shebang, encoding comment and module docstring: where a first import goes. */
function preambleEnd(text: string): number {
  const m =
    /^(?:#![^\n]*\n)?(?:#[^\n]*coding[:=][^\n]*\n)?(?:[ \t]*\n)*(?:(?:[rRuU]?)("""|''')[\s\S]*?\1[^\n]*(?:\n|$))?/.exec(
      text,
    );
  return m ? m[0].length : 0;
}

function one(e: OffsetEdit | undefined): OffsetEdit[] | undefined {
  return e ? [e] : undefined;
}
