// Static evaluation of the few expression shapes that name an endpoint: string literals, f-strings and template
// literals, `+` concatenation, `urljoin(BASE, …)` / `new URL(…, BASE)`, and identifiers bound once in the file.
// Everything else evaluates to "unknown": a wrong endpoint would make TLS Doctor probe and blame the wrong server.
import { matchBracket, skipString, splitTopLevel } from './text';

/** A statically known string, or a known prefix of one (`whole` false: something unknown follows). */
export interface StaticString {
  readonly text: string;
  readonly whole: boolean;
}

/** Looks up the single expression an identifier is bound to in the file, if it is bound exactly once. */
export type Scope = (name: string) => string | undefined;

const MAX_DEPTH = 4;
const IDENT = /^[A-Za-z_$][\w$]*$/;

/** Evaluates `expr` to a static string or prefix; undefined when nothing about it is known. */
export function evalString(expr: string, scope: Scope, depth = 0): StaticString | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const e = stripParens(expr.trim());
  const join = evalJoin(e, scope, depth);
  if (join) return join;
  const terms = splitPlus(e);
  let acc: StaticString | undefined;
  for (const term of terms) {
    const v = evalTerm(term, scope, depth);
    if (!v) return acc ? { text: acc.text, whole: false } : undefined;
    acc = { text: (acc?.text ?? '') + v.text, whole: v.whole };
    if (!v.whole) return acc;
  }
  return acc;
}

function evalTerm(term: string, scope: Scope, depth: number): StaticString | undefined {
  const t = stripParens(term.trim());
  if (IDENT.test(t)) {
    const bound = scope(t);
    return bound === undefined ? undefined : evalString(bound, scope, depth + 1);
  }
  const lit = /^([A-Za-z]{0,2})(["'`])/.exec(t);
  if (!lit) return undefined;
  const prefix = lit[1].toLowerCase();
  if (prefix && !/^(?:[rbuf]|rb|br|fr|rf)$/.test(prefix)) return undefined;
  const start = prefix.length;
  const end = skipString(t, start);
  const body = t.slice(start + 1, end - 1);
  const interpolated = lit[2] === '`' || prefix.includes('f');
  const value = interpolated
    ? evalInterpolated(body, lit[2] === '`', scope, depth)
    : { text: unescape(body), whole: true };
  // `"…%s" % x`, `"…{}".format(x)`: the literal is a prefix up to its first placeholder.
  if (end < t.length) return { text: value.text.split(/[%{$]/)[0], whole: false };
  return value;
}

/** f"{BASE}/x" or `${BASE}/x`: identifiers are substituted, anything else ends the known prefix. */
function evalInterpolated(body: string, js: boolean, scope: Scope, depth: number): StaticString {
  const re = js ? /\$\{([^}]*)\}/g : /\{([^{}]*)\}/g;
  let text = '';
  let last = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    text += unescape(body.slice(last, m.index));
    const inner = m[1].trim();
    const v = IDENT.test(inner) ? evalString(inner, scope, depth + 1) : undefined;
    if (!v || !v.whole) return { text: text + (v?.text ?? ''), whole: false };
    text += v.text;
    last = m.index + m[0].length;
  }
  return { text: text + unescape(body.slice(last)), whole: true };
}

/** `urljoin(BASE, "/x")` and `new URL("/x", BASE)`: the result keeps the base's origin unless the path is absolute. */
function evalJoin(e: string, scope: Scope, depth: number): StaticString | undefined {
  const m = /^(new\s+URL|(?:[\w.]+\.)?urljoin)\s*\(/.exec(e);
  if (!m) return undefined;
  const open = m[0].length - 1;
  if (matchBracket(e, open) !== e.length - 1) return undefined;
  const args = splitTopLevel(e.slice(open + 1, -1)).map((p) => p.text);
  if (args.length !== 2) return undefined;
  const [base, ref] = m[1].startsWith('new') ? [args[1], args[0]] : args;
  const r = evalString(ref, scope, depth + 1);
  if (r && /^[a-z][\w+.-]*:/i.test(r.text)) return r;
  if (!r || r.text.startsWith('//')) return undefined;
  const b = evalString(base, scope, depth + 1);
  const origin = b && /^https?:\/\/[^/?#]+(?=[/?#])/i.exec(b.text + (b.whole ? '/' : ''));
  return origin ? { text: `${origin[0]}/`, whole: false } : undefined;
}

/** Splits at top-level `+` (outside strings and brackets). */
function splitPlus(e: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < e.length; i++) {
    const c = e[i];
    if (c === '"' || c === "'" || c === '`') {
      i = skipString(e, i) - 1;
      continue;
    }
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === '+' && depth === 0 && e[i + 1] !== '=' && e[i + 1] !== '+') {
      parts.push(e.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(e.slice(start));
  return parts;
}

function stripParens(e: string): string {
  while (e.startsWith('(') && matchBracket(e, 0) === e.length - 1) e = e.slice(1, -1).trim();
  return e;
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}
