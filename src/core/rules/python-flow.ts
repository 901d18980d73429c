// Python, same-file data flow: the `verify=False` that reaches an HTTP call indirectly. A module constant
// (`VERIFY = False … verify=VERIFY`), an options dict spread into the call (`opts = {"verify": False} … **opts`,
// `kwargs["verify"] = False`), `functools.partial(requests.get, verify=False)`, a wrapper whose parameter defaults to
// False and is passed on (`def fetch(url, verify=False): return requests.get(url, verify=verify)`), monkeypatched
// `Session.request`, and import aliases (`from requests import get as fetch`). Each finding sits where the False is
// written, so the CA-bundle fix rewrites the literal itself.
import { Kind, Lexed } from './lexer';
import { Call, enclosingCall, finding, lineAt, matchingClose } from './match';
import { escapeRe } from './flow';
import { Finding, RuleMeta } from './types';

/** Tells which rule an HTTP call's `verify`-like keyword belongs to (undefined: not an HTTP client call). */
export type CallRule = (call: Pick<Call, 'callee' | 'name'>, kw: string) => RuleMeta | undefined;

/** Import aliases of the HTTP modules: `import httpx as hx`, `from requests import get as fetch`. */
export interface Aliases {
  /** Alias → module: `hx` → `httpx`. */
  readonly modules: ReadonlyMap<string, string>;
  /** Imported name (or alias) → `module.name`: `fetch` → `requests.get`. */
  readonly names: ReadonlyMap<string, string>;
}

// Literal-first (no `^` with the m flag), so the regex engine jumps between occurrences of the keyword.
const IMPORT_AS = /import[ \t]+(requests|httpx|aiohttp|urllib3)[ \t]+as[ \t]+(\w+)/g;
const FROM_IMPORT = /from[ \t]+(requests|httpx|aiohttp|urllib3)(?:\.[\w.]+)?[ \t]+import[ \t]+(\([^)]*\)|[^\n#]+)/g;

/** Reads the import aliases of the HTTP modules. */
export function aliasesOf(lx: Lexed): Aliases {
  const modules = new Map<string, string>();
  const names = new Map<string, string>();
  if (!/requests|httpx|aiohttp|urllib3/.test(lx.code)) return { modules, names };
  for (const m of lx.code.matchAll(IMPORT_AS)) modules.set(m[2], m[1]);
  for (const m of lx.code.matchAll(FROM_IMPORT)) {
    for (const part of m[2].replace(/[()]/g, '').split(',')) {
      const [name, alias] = part.trim().split(/\s+as\s+/);
      if (/^\w+$/.test(name)) names.set(alias?.trim() || name, `${m[1]}.${name}`);
    }
  }
  return { modules, names };
}

/** The call as if written without aliases: `hx.get` → `httpx.get`, `fetch` → `requests.get`. */
export function unalias(call: Pick<Call, 'callee' | 'name'>, aliases: Aliases): Pick<Call, 'callee' | 'name'> {
  const head = /^(\w+)/.exec(call.callee)?.[1] ?? '';
  const mod = aliases.modules.get(head);
  if (mod) return { callee: mod + call.callee.slice(head.length), name: call.name };
  const full = call.callee === call.name ? aliases.names.get(call.name) : undefined;
  return full ? { callee: full, name: full.slice(full.lastIndexOf('.') + 1) } : call;
}

/** `functools.partial(requests.get, verify=False)`: the call that the partial stands for (its first argument). */
export function partialTarget(lx: Lexed, call: Call): Pick<Call, 'callee' | 'name'> | undefined {
  if (call.name !== 'partial' && call.name !== 'partialmethod') return undefined;
  const first = /^\s*([\w.]+(?:\(\))?(?:\.[\w]+)*)\s*,/.exec(lx.code.slice(call.open + 1, call.open + 200));
  if (!first) return undefined;
  const callee = first[1];
  return { callee, name: /(\w+)$/.exec(callee)?.[1] ?? '' };
}

/** A `def` header around `offset` (a parameter default): its name, indentation and body range. */
interface Def {
  readonly name: string;
  readonly bodyStart: number;
  readonly bodyEnd: number;
}

export function defAt(lx: Lexed, call: Call): Def | undefined {
  const head = /\bdef\s+(\w+)\s*$/.exec(lx.code.slice(Math.max(0, call.start - 80), call.open));
  if (!head) return undefined;
  const [ls] = lineAt(lx, call.start);
  const indent = /^[ \t]*/.exec(lx.code.slice(ls))![0].length;
  let end = lx.code.indexOf('\n', call.end);
  if (end === -1) return { name: head[1], bodyStart: call.end, bodyEnd: lx.code.length };
  for (;;) {
    const next = lx.code.indexOf('\n', end + 1);
    const line = lx.code.slice(end + 1, next === -1 ? lx.code.length : next);
    const ind = /^[ \t]*/.exec(line)![0].length;
    if (line.trim() !== '' && ind <= indent && lx.kinds[end + 1 + ind] === Kind.Code) break;
    if (next === -1) {
      end = lx.code.length;
      break;
    }
    end = next;
  }
  return { name: head[1], bodyStart: call.end, bodyEnd: end };
}

const VERB_NAMES = /^(?:get|post|put|patch|delete|head|options|request|send|stream)$/;

/** Names installed over an HTTP method (`requests.Session.request = name`), read once per file. */
const installed = new WeakMap<Lexed, ReadonlySet<string>>();
const INSTALL = /\.\s*(?:get|post|put|patch|delete|head|options|request|send)\s*=(?!=)\s*([A-Za-z_]\w*)\b/g;

/** True when the function `name` is installed over an HTTP method: `requests.Session.request = name`. */
export function isMonkeypatch(lx: Lexed, name: string): boolean {
  let names = installed.get(lx);
  if (!names) {
    // One pass for the file, not one per wrapper (a file of many wrappers was quadratic).
    names = new Set([...lx.code.matchAll(INSTALL)].map((m) => m[1]));
    installed.set(lx, names);
  }
  return names.has(name);
}

/**
 * A parameter default `verify=False` of a wrapper: a finding when the body passes the parameter on to an HTTP call
 * (`requests.get(url, verify=verify)`), or when the function overrides or replaces an HTTP method and passes it to
 * any call (`super().request(…, verify=verify)`, `Session.request = patched`), or stores it as a session's switch
 * (`session.verify = verify`).
 */
export function wrapperDefault(lx: Lexed, call: Call, kw: string, ruleOf: CallRule): RuleMeta | undefined {
  const def = defAt(lx, call);
  if (!def) return undefined;
  const method = VERB_NAMES.test(def.name) || isMonkeypatch(lx, def.name);
  const use = new RegExp(`(?<![\\w.])(\\w+)\\s*=\\s*${escapeRe(kw)}\\b(?!\\s*[.(\\[])`, 'g');
  // On the body alone: a search from the body into the rest of the file, for every wrapper, was quadratic.
  const body = lx.code.slice(def.bodyStart, def.bodyEnd);
  for (let b = use.exec(body); b; b = use.exec(body)) {
    const m = { index: def.bodyStart + b.index, 1: b[1] };
    if (lx.kinds[m.index] !== Kind.Code) continue;
    const inner = enclosingCall(lx, m.index);
    if (!inner) continue;
    const rule =
      ruleOf(inner, m[1]) ?? (method ? ruleOf({ callee: 'requests.request', name: 'request' }, m[1]) : undefined);
    if (rule) return rule;
  }
  return attributeUse(lx, def, body, kw)
    ? ruleOf({ callee: 'requests.request', name: 'request' }, 'verify')
    : undefined;
}

/** Receivers whose `.verify` is a requests/httpx session's: anything but the bare `self`/`cls` of a class of one's own. */
const SELF = /^(?:self|cls)$/;

/**
 * The parameter stored as a session's verification switch in the body: `session.verify = verify_ssl`,
 * `self.session.verify = verify` (a bare `self.verify = verify` counts only in a subclass of a requests Session).
 * Reported as the requests keyword rule at the default, whose fix rewrites the default (deleting the `def` line, the
 * attribute rule's removal, would break the function).
 */
function attributeUse(lx: Lexed, def: Def, body: string, kw: string): boolean {
  if (!body.includes('.verify')) return false;
  const re = new RegExp(`([\\w.]+)\\.verify[ \\t]*=(?!=)[ \\t]*${escapeRe(kw)}[ \\t]*$`, 'gm');
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const at = def.bodyStart + m.index;
    if (lx.kinds[at] !== Kind.Code || enclosingCall(lx, at)) continue;
    if (SELF.test(m[1]) && !insideSessionClass(lx, def.bodyStart)) continue;
    return true;
  }
  return false;
}

/** True when the nearest `class` header before `offset` subclasses a requests/httpx Session or Client. */
function insideSessionClass(lx: Lexed, offset: number): boolean {
  const at = lx.code.lastIndexOf('class ', offset);
  if (at < 0) return false;
  return /^class[ \t]+\w+[ \t]*\([^)]*\b(?:Session|Client|AsyncClient)\b[^)]*\)/.test(lx.code.slice(at, offset));
}

/** `NAME = False` (or 0) bound once at the start of a line, and never rebound to anything else. */
export function falseConstant(lx: Lexed, name: string): { start: number; end: number } | undefined {
  const re = new RegExp(`^[ \\t]*(${escapeRe(name)})[ \\t]*(?::[ \\t]*bool[ \\t]*)?=(?!=)[ \\t]*([^\\n#]*)`, 'dgm');
  let hit: { start: number; end: number } | undefined;
  for (let m = re.exec(lx.code); m; m = re.exec(lx.code)) {
    if (lx.kinds[m.index + m[0].indexOf(name)] !== Kind.Code) continue;
    const value = m[2].trim();
    if (!/^(?:False|0)$/.test(value)) return undefined;
    const start = m.indices![1]![0];
    hit ??= { start, end: m.indices![2]![0] + value.length };
  }
  return hit;
}

/** A value that ends its line (`False` or `0`, a comment after it), then the start of that binding's line. */
const FALSE_VALUE = /(?:False|0)[ \t]*(?:#[^\n]*)?$/gm;
const BINDING_HEAD = /^[ \t]*([A-Za-z_]\w*)[ \t]*(?::[ \t]*bool[ \t]*)?=[ \t]*$/;
const isLineBreak = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/**
 * The names bound to False or 0 at the start of some line (`VERIFY = False`, `verify: bool = 0  # off`): what
 * `/^[ \t]*([A-Za-z_]\w*)[ \t]*(?::[ \t]*bool[ \t]*)?=(?!=)[ \t]*(?:False|0)[ \t]*(?:#[^\n]*)?$/gm` finds, value
 * first: the regex engine skips ahead to `F`/`0` instead of trying every line start (0.65 -> 0.25 ms on 10,000 lines).
 * A value's match runs to the end of its line, so a later one on that line could only sit in the comment.
 */
export function falseBindings(code: string): Set<string> {
  const names = new Set<string>();
  FALSE_VALUE.lastIndex = 0;
  for (let m = FALSE_VALUE.exec(code); m; m = FALSE_VALUE.exec(code)) {
    if (m[0].length === 0) FALSE_VALUE.lastIndex++;
    let start = m.index;
    while (start > 0 && !isLineBreak(code.charCodeAt(start - 1))) start--;
    const head = BINDING_HEAD.exec(code.slice(start, m.index));
    if (head) names.add(head[1]);
  }
  return names;
}

const DICT_KEY = /(["'])(verify|verify_ssl|ssl)\1\s*:\s*(?:False\b|0(?![\w.]))/dg;

/**
 * Where the dict spread into an HTTP call (`**NAME`) sets verification off: `NAME = {"verify": False}`,
 * `NAME = dict(verify=False)`, `NAME["verify"] = False`, `NAME.setdefault("verify", False)`, `NAME.update(verify=False)`.
 */
export function dictFindings(
  lx: Lexed,
  name: string,
  rule: RuleMeta,
  context: readonly [number, number],
  out: Finding[],
): void {
  const n = escapeRe(name);
  const literal = new RegExp(`(?<![\\w.])${n}\\s*(?::[^=\\n]+)?=(?!=)\\s*(\\{|dict\\s*\\()`, 'dg');
  for (let m = literal.exec(lx.code); m; m = literal.exec(lx.code)) {
    if (lx.kinds[m.index] !== Kind.Code) continue;
    const open = m.indices![1]![1] - 1;
    const close = matchingClose(lx, open);
    const body = lx.code.slice(open, close);
    const re = m[1] === '{' ? DICT_KEY : /(?<![\w.])(verify|verify_ssl|ssl)\s*=\s*(?:False\b|0(?![\w.]))/dg;
    re.lastIndex = 0;
    for (let k = re.exec(body); k; k = re.exec(body)) {
      if (lx.kinds[open + k.index] === Kind.Comment) continue;
      out.push(finding(lx, rule, open + k.index, open + k.index + k[0].length, context));
    }
  }
  const set = new RegExp(
    `(?<![\\w.])${n}\\s*(?:\\[\\s*(["'])(?:verify|verify_ssl)\\1\\s*\\]\\s*=(?!=)\\s*(?:False\\b|0(?![\\w.]))|\\.\\s*setdefault\\s*\\(\\s*(["'])(?:verify|verify_ssl)\\2\\s*,\\s*(?:False\\b|0(?![\\w.]))\\s*\\)|\\.\\s*update\\s*\\(\\s*(?:verify|verify_ssl)\\s*=\\s*(?:False\\b|0(?![\\w.]))\\s*\\))`,
    'g',
  );
  for (let m = set.exec(lx.code); m; m = set.exec(lx.code)) {
    if (lx.kinds[m.index] === Kind.Code) out.push(finding(lx, rule, m.index, m.index + m[0].length, context));
  }
}
