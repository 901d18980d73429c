// Python, same-file data flow: the `verify=False` that reaches an HTTP call indirectly. A module constant
// (`VERIFY = False … verify=VERIFY`), an options dict spread into the call (`opts = {"verify": False} … **opts`,
// `kwargs["verify"] = False`), `functools.partial(requests.get, verify=False)`, a wrapper whose parameter defaults to
// False and is passed on (`def fetch(url, verify=False): return requests.get(url, verify=verify)`), monkeypatched
// `Session.request`, and import aliases (`from requests import get as fetch`). Each finding sits where the False is
// written, so the CA-bundle fix rewrites the literal itself.
import { Kind, Lexed } from './lexer';
import { Call, enclosingCall, finding, lineAt, literalOffsets, matchingClose } from './match';
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
  /** A name (or `self.` attribute) holding an HTTP method, often the original a monkeypatch wraps:
   *  `old_request = requests.Session.request` → `old_request` → `requests.Session.request`. */
  readonly bound: () => ReadonlyMap<string, string>;
}

// Literal-first (no `^` with the m flag), so the regex engine jumps between occurrences of the keyword.
const IMPORT_AS = /import[ \t]+(requests|httpx|aiohttp|urllib3)[ \t]+as[ \t]+(\w+)/g;
const FROM_IMPORT = /from[ \t]+(requests|httpx|aiohttp|urllib3)(?:\.[\w.]+)?[ \t]+import[ \t]+(\([^)]*\)|[^\n#]+)/g;

/**
 * `NAME = <chain>.get` (any HTTP verb) ending its line, found from `.verb` at the line end (a literal `.` first, so
 * the engine skips ahead instead of trying a name at every position); the line is then read back to its start.
 */
const BOUND_METHOD = /\.(?:get|post|put|patch|delete|head|options|request|send|stream)[ \t]*$/gm;
const BOUND_LINE = /^[ \t]*((?:self\.)?[A-Za-z_]\w*)[ \t]*=[ \t]*([A-Za-z_][\w.]*)$/;
/** Chains that name an HTTP client, not any object with a `get`: `requests.…`, `httpx.…`, `session.…`, `Client.…`. */
const HTTP_CHAIN = /^(?:requests|httpx|aiohttp)\.|(?:^|[._])(?:[sS]ession|[cC]lient|AsyncClient)\./;

/** Names bound to an HTTP method (`_orig = requests.Session.request`), read where the chain heads an HTTP client. */
function boundMethods(code: string, modules: ReadonlyMap<string, string>, names: ReadonlyMap<string, string>) {
  const bound = new Map<string, string>();
  BOUND_METHOD.lastIndex = 0;
  for (let m = BOUND_METHOD.exec(code); m; m = BOUND_METHOD.exec(code)) {
    const lineStart = code.lastIndexOf('\n', m.index) + 1;
    const line = BOUND_LINE.exec(code.slice(lineStart, m.index + m[0].length).trimEnd());
    if (!line) continue;
    const chain = line[2];
    const first = /^\w+/.exec(chain)![0];
    const resolved = modules.has(first)
      ? modules.get(first)! + chain.slice(first.length)
      : names.has(first)
        ? names.get(first)! + chain.slice(first.length)
        : chain;
    if (HTTP_CHAIN.test(resolved)) bound.set(line[1], resolved);
  }
  return bound;
}

/** Reads the import aliases of the HTTP modules. */
export function aliasesOf(lx: Lexed): Aliases {
  const modules = new Map<string, string>();
  const names = new Map<string, string>();
  const imports = importsOf(lx);
  if (!imports.named) return { modules, names, bound: () => NONE };
  if (imports.importAs) for (const m of lx.code.matchAll(IMPORT_AS)) modules.set(m[2], m[1]);
  for (const m of imports.from ? lx.code.matchAll(FROM_IMPORT) : []) {
    for (const part of m[2].replace(/[()]/g, '').split(',')) {
      const [name, alias] = part.trim().split(/\s+as\s+/);
      if (/^\w+$/.test(name)) names.set(alias?.trim() || name, `${m[1]}.${name}`);
    }
  }
  // Read on the first call to a plain name that no import explains (most files never get there).
  let bound: ReadonlyMap<string, string> | undefined;
  return { modules, names, bound: () => (bound ??= boundMethods(lx.code, modules, names)) };
}
const NONE: ReadonlyMap<string, string> = new Map();

/** The HTTP modules' names. */
const HTTP_MODULES = ['requests', 'httpx', 'aiohttp', 'urllib3'];

/**
 * Whether an HTTP module is named at all, whether its name follows `import` and blanks (`import  requests`), and
 * whether one follows `from`: where every match of IMPORT_AS and of FROM_IMPORT starts. Found from the names' few
 * occurrences (match.ts's literal offsets, kept across a re-scan's edit; the names cannot overlap, so these are the
 * matches of their alternation), walking back over the blanks; the regexes themselves were tried at every `from`
 * and `import` of the file (0.3 ms of a re-scan of a 10,000-line module of the standard library, which imports none
 * of them), and the alternation read all of it each re-scan (0.9 ms).
 */
function importsOf(lx: Lexed): { named: boolean; importAs: boolean; from: boolean } {
  const code = lx.code;
  const found = { named: false, importAs: false, from: false };
  for (const name of HTTP_MODULES) {
    for (const at of literalOffsets(lx, name)) {
      found.named = true;
      let r = at;
      while (r > 0 && (code.charCodeAt(r - 1) === 32 || code.charCodeAt(r - 1) === 9)) r--;
      if (r === at) continue;
      if (r >= 6 && code.startsWith('import', r - 6)) found.importAs = true;
      if (r >= 4 && code.startsWith('from', r - 4)) found.from = true;
    }
  }
  return found;
}

/** Callees that may hold a saved method: `old_request`, `self._orig_get` (not `requests.get`, not `x.y.z`). */
const SAVED_CALLEE = /^(?:self\.)?[A-Za-z_]\w*$/;

/** The call as if written without aliases: `hx.get` → `httpx.get`, `fetch` → `requests.get`. */
export function unalias(
  call: Pick<Call, 'callee' | 'name'>,
  aliases: Aliases,
  saved = true,
): Pick<Call, 'callee' | 'name'> {
  const head = /^(\w+)/.exec(call.callee)?.[1] ?? '';
  const mod = aliases.modules.get(head);
  if (mod) return { callee: mod + call.callee.slice(head.length), name: call.name };
  const full = call.callee === call.name ? aliases.names.get(call.name) : undefined;
  if (full) return { callee: full, name: full.slice(full.lastIndexOf('.') + 1) };
  const bound = saved && SAVED_CALLEE.test(call.callee) ? aliases.bound().get(call.callee) : undefined;
  return bound ? { callee: bound, name: bound.slice(bound.lastIndexOf('.') + 1) } : call;
}

/** `functools.partial(requests.get, verify=False)`: the call that the partial stands for (its first argument). */
export function partialTarget(lx: Lexed, call: Call): Pick<Call, 'callee' | 'name'> | undefined {
  if (call.name !== 'partial' && call.name !== 'partialmethod') return undefined;
  const first = /^\s*([\w.]+(?:\(\))?(?:\.[\w]+)*)\s*,/.exec(lx.code.slice(call.open + 1, call.open + 200));
  if (!first) return undefined;
  const callee = first[1];
  return { callee, name: /(\w+)$/.exec(callee)?.[1] ?? '' };
}

/** `super().__init__`, `super(C, self).__init__`, `httpx.Client.__init__` (an explicit base call). */
const BASE_INIT = /^(?:super\([^)]*\)|([A-Za-z_][\w.]*))\.__init__$/;
const CLASS_HEAD = /^([ \t]*)class[ \t]+\w+[ \t]*\(([^)]*)\)[ \t]*:/gm;

/**
 * What a base-class constructor call constructs: the bases of the class around it for `super().__init__(…)`
 * (`class PatchedClient(httpx.AsyncClient)` → `httpx.AsyncClient`), or the class named in `httpx.Client.__init__(self,
 * …)`. Undefined for any other call, or a `super()` outside a class with bases.
 */
export function baseTargets(lx: Lexed, call: Call): Pick<Call, 'callee' | 'name'>[] | undefined {
  if (call.name !== '__init__') return undefined;
  const m = BASE_INIT.exec(call.callee);
  if (!m) return undefined;
  const named = (c: string) => ({ callee: c, name: /(\w+)$/.exec(c)?.[1] ?? '' });
  if (m[1]) return [named(m[1])];
  const bases = classBasesAt(lx, call.start);
  return bases
    ?.split(',')
    .map((b) => b.trim())
    .filter((b) => /^[A-Za-z_][\w.]*$/.test(b))
    .map(named);
}

/** The base list of the innermost class whose body holds `offset`. */
function classBasesAt(lx: Lexed, offset: number): string | undefined {
  const at = enclosingHeader(lx, offset, /^class[ \t]/);
  if (at === undefined) return undefined;
  CLASS_HEAD.lastIndex = at;
  const m = CLASS_HEAD.exec(lx.code);
  return m && m.index === at ? m[2] : undefined;
}

/**
 * The line start of the innermost block header around `offset` whose text (after its indentation) matches `head`
 * (`/^class[ \t]/`): walks back line by line, and each code line shallower than all below it is an
 * enclosing header. Costs the distance to that header, not the file (a whole-file search per call was quadratic).
 */
function enclosingHeader(lx: Lexed, offset: number, head: RegExp): number | undefined {
  const [ls] = lineAt(lx, offset);
  let depth = /^[ \t]*/.exec(lx.code.slice(ls, offset))![0].length;
  for (let end = ls - 1; end > 0 && depth > 0;) {
    const start = lx.code.lastIndexOf('\n', end - 1) + 1;
    const line = lx.code.slice(start, end);
    end = start - 1;
    const ind = /^[ \t]*/.exec(line)![0].length;
    if (ind === line.trimEnd().length || lx.kinds[start + ind] !== Kind.Code || ind >= depth) continue;
    depth = ind;
    const text = line.slice(ind);
    if (head.test(text)) return start;
  }
  return undefined;
}

/** The line start of the innermost `def` around `offset` (-1 at module level): the scope of a local name. */
export function functionStartAt(lx: Lexed, offset: number): number {
  return enclosingHeader(lx, offset, /^(?:async[ \t]+)?def[ \t]/) ?? -1;
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

/** Where a wrapper's parameter reaches a call: the rule, and each keyword that passes it on (`verify=verify`). */
export interface WrapperUse {
  readonly rule: RuleMeta;
  /** [start, end) of the keyword (or the session assignment) and [start, end) of its call or statement. */
  readonly sinks: readonly (readonly [number, number, number, number])[];
}

/**
 * A parameter default `verify=False` of a wrapper: a finding when the body passes the parameter on to an HTTP call
 * (`requests.get(url, verify=verify)`), or when the function overrides or replaces an HTTP method and passes it to
 * any call (`super().request(…, verify=verify)`, `Session.request = patched`), or stores it as a session's switch
 * (`session.verify = verify`). The sinks are those keywords (or that assignment), one per call.
 */
export function wrapperDefault(lx: Lexed, call: Call, kw: string, ruleOf: CallRule): WrapperUse | undefined {
  const def = defAt(lx, call);
  if (!def) return undefined;
  const method = VERB_NAMES.test(def.name) || isMonkeypatch(lx, def.name);
  const use = new RegExp(`(?<![\\w.])(\\w+)\\s*=\\s*${escapeRe(kw)}\\b(?!\\s*[.(\\[])`, 'g');
  // On the body alone: a search from the body into the rest of the file, for every wrapper, was quadratic.
  const body = lx.code.slice(def.bodyStart, def.bodyEnd);
  let rule: RuleMeta | undefined;
  const sinks: [number, number, number, number][] = [];
  for (let b = use.exec(body); b; b = use.exec(body)) {
    const at = def.bodyStart + b.index;
    if (lx.kinds[at] !== Kind.Code) continue;
    const inner = enclosingCall(lx, at);
    if (!inner) continue;
    const r =
      ruleOf(inner, b[1]) ?? (method ? ruleOf({ callee: 'requests.request', name: 'request' }, b[1]) : undefined);
    if (!r) continue;
    rule ??= r;
    if (r === rule) sinks.push([at, at + b[0].length, inner.start, inner.end]);
  }
  if (rule) return { rule, sinks };
  const assigned = attributeUse(lx, def, body, kw);
  const r = assigned && ruleOf({ callee: 'requests.request', name: 'request' }, 'verify');
  return r ? { rule: r, sinks: [assigned] } : undefined;
}

/** Receivers whose `.verify` is a requests/httpx session's: anything but the bare `self`/`cls` of a class of one's own. */
const SELF = /^(?:self|cls)$/;

/**
 * The parameter stored as a session's verification switch in the body: `session.verify = verify_ssl`,
 * `self.session.verify = verify` (a bare `self.verify = verify` counts only in a subclass of a requests Session).
 * Reported as the requests keyword rule at the assignment, with the default as its origin, whose fix rewrites the
 * default (deleting the `def` line, the attribute rule's removal, would break the function).
 */
function attributeUse(lx: Lexed, def: Def, body: string, kw: string): [number, number, number, number] | undefined {
  if (!body.includes('.verify')) return undefined;
  const re = new RegExp(`([\\w.]+)\\.verify[ \\t]*=(?!=)[ \\t]*${escapeRe(kw)}[ \\t]*$`, 'gm');
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const at = def.bodyStart + m.index;
    if (lx.kinds[at] !== Kind.Code || enclosingCall(lx, at)) continue;
    if (SELF.test(m[1]) && !insideSessionClass(lx, def.bodyStart)) continue;
    const start = at + m[1].length + 1;
    const end = at + m[0].trimEnd().length;
    return [start, end, at, end];
  }
  return undefined;
}

/** True when the nearest `class` header before `offset` subclasses a requests/httpx Session or Client. */
function insideSessionClass(lx: Lexed, offset: number): boolean {
  const at = lx.code.lastIndexOf('class ', offset);
  if (at < 0) return false;
  return /^class[ \t]+\w+[ \t]*\([^)]*\b(?:Session|Client|AsyncClient)\b[^)]*\)/.test(lx.code.slice(at, offset));
}

/** `NAME = False` (or 0) bound once at the start of a line, and never rebound to anything else. */
export function falseConstant(lx: Lexed, name: string): { start: number; end: number } | undefined {
  const re = new RegExp(`^([ \\t]*)(${escapeRe(name)})[ \\t]*(?::[ \\t]*bool[ \\t]*)?=(?!=)[ \\t]*([^\\n#]*)`, 'dgm');
  let hit: { start: number; end: number; line: number; indent: number } | undefined;
  const others: { line: number; indent: number }[] = [];
  for (let m = re.exec(lx.code); m; m = re.exec(lx.code)) {
    if (lx.kinds[m.indices![2]![0]] !== Kind.Code) continue;
    const value = m[3].trim();
    const place = { line: m.index, indent: m[1].length };
    if (!/^(?:False|0)$/.test(value)) others.push(place);
    else hit ??= { start: m.indices![2]![0], end: m.indices![3]![0] + value.length, ...place };
  }
  // Another value cancels the constant, unless it is the other arm of the same `if … else` (or `try … except`):
  // `if DEBUG: VERIFY = False` / `else: VERIFY = True` still turns verification off on one path.
  if (!hit || others.some((o) => !otherBranch(lx, hit!, o))) return undefined;
  return { start: hit.start, end: hit.end };
}

/** A branch header (`else:`, `elif x:`, `except E:`, `finally:` does not count: it runs on every path). */
const BRANCH_HEAD = /^(?:else[ \t]*:|elif\b|except\b)/;

/**
 * True when the bindings at line starts `a` and `b` sit at the same indentation in two arms of one `if`/`try`
 * chain: every code line between them that is shallower is an `else`/`elif`/`except` header one level up.
 */
function otherBranch(lx: Lexed, a: { line: number; indent: number }, b: { line: number; indent: number }): boolean {
  if (a.indent === 0 || a.indent !== b.indent) return false;
  const [from, to] = a.line < b.line ? [a.line, b.line] : [b.line, a.line];
  let headers = 0;
  let header = -1;
  for (const line of lx.code.slice(from, to).split('\n').slice(1)) {
    const indent = /^[ \t]*/.exec(line)![0].length;
    if (line.trim() === '' || indent >= a.indent) continue;
    if (header >= 0 && indent !== header) return false;
    if (!BRANCH_HEAD.test(line.slice(indent))) return false;
    header = indent;
    headers++;
  }
  return headers > 0;
}

/** A value that ends its line (`False` or `0`, a comment after it), then the start of that binding's line. */
const FALSE_VALUE = /(?:False|0)[ \t]*(?:#[^\n\r\u2028\u2029]*)?$/gm;
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
  scope: readonly [number, number] = [0, lx.code.length],
): void {
  const n = escapeRe(name);
  // The searches run on the scope's text alone: a file of many small wrappers reads each body once, not the file
  // once per wrapper (a regex given a start offset still runs on to the end of the text when nothing matches).
  const from = scope[0];
  const code = from === 0 && scope[1] === lx.code.length ? lx.code : lx.code.slice(from, scope[1]);
  // `NAME = {…}`, `NAME = dict(…)`, `NAME |= {…}`, `NAME.update({…})`, `NAME.update(dict(…))`.
  const literal = new RegExp(
    `(?<![\\w.])${n}\\s*(?:(?::[^=\\n]+)?=(?!=)|\\|=|\\.\\s*update\\s*\\()\\s*(\\{|dict\\s*\\()`,
    'dg',
  );
  for (let m = literal.exec(code); m; m = literal.exec(code)) {
    if (lx.kinds[from + m.index] !== Kind.Code) continue;
    const open = from + m.indices![1]![1] - 1;
    const close = matchingClose(lx, open);
    const body = lx.code.slice(open, close);
    const re = m[1] === '{' ? DICT_KEY : /(?<![\w.])(verify|verify_ssl|ssl)\s*=\s*(?:False\b|0(?![\w.]))/dg;
    re.lastIndex = 0;
    for (let k = re.exec(body); k; k = re.exec(body)) {
      if (lx.kinds[open + k.index] === Kind.Comment) continue;
      out.push(finding(lx, rule, open + k.index, open + k.index + k[0].length, context));
    }
  }
  updateKeywords(lx, code, from, n, rule, context, out);
  const set = new RegExp(
    `(?<![\\w.])${n}\\s*(?:\\[\\s*(["'])(?:verify|verify_ssl)\\1\\s*\\]\\s*=(?!=)\\s*(?:False\\b|0(?![\\w.]))|\\.\\s*setdefault\\s*\\(\\s*(["'])(?:verify|verify_ssl)\\2\\s*,\\s*(?:False\\b|0(?![\\w.]))\\s*\\)|\\.\\s*update\\s*\\(\\s*(?:verify|verify_ssl)\\s*=\\s*(?:False\\b|0(?![\\w.]))\\s*\\))`,
    'g',
  );
  for (let m = set.exec(code); m; m = set.exec(code)) {
    const at = from + m.index;
    if (lx.kinds[at] === Kind.Code) out.push(finding(lx, rule, at, at + m[0].length, context));
  }
}

/** `NAME.update(timeout=5, verify=False)`: a keyword among others (the single `update(verify=False)` is a statement
 * finding of dictFindings' own). `code` is the scope's text, starting at offset `from` of the file. */
function updateKeywords(
  lx: Lexed,
  code: string,
  from: number,
  n: string,
  rule: RuleMeta,
  context: readonly [number, number],
  out: Finding[],
) {
  const update = new RegExp(`(?<![\\w.])${n}\\s*\\.\\s*update\\s*\\((?!\\s*(?:\\{|dict\\s*\\())`, 'g');
  for (let m = update.exec(code); m; m = update.exec(code)) {
    if (lx.kinds[from + m.index] !== Kind.Code) continue;
    const open = from + m.index + m[0].length - 1;
    const body = lx.code.slice(open, matchingClose(lx, open));
    if (/^\(\s*(?:verify|verify_ssl)\s*=\s*(?:False\b|0(?![\w.]))\s*\)$/.test(body)) continue;
    const kw = /(?<![\w.])(?:verify|verify_ssl|ssl)\s*=(?!=)\s*(?:False\b|0(?![\w.]))/g;
    for (let k = kw.exec(body); k; k = kw.exec(body)) {
      if (lx.kinds[open + k.index] === Kind.Code) {
        out.push(finding(lx, rule, open + k.index, open + k.index + k[0].length, context));
      }
    }
  }
}

const DEF_HEAD = /^([ \t]*)(?:async[ \t]+)?def[ \t]+\w+[ \t]*\(/gm;

/**
 * The innermost function around `offset` whose parameters name `name` (`def request(self, *a, **kwargs)`): from
 * its header to the end of its body. A `**kwargs` spread in one method then reads only that method's
 * `kwargs[…] = False`, not another function's dict of the same name. Undefined when no such function holds it.
 */
export function parameterScope(lx: Lexed, offset: number, name: string): [number, number] | undefined {
  const at = enclosingHeader(lx, offset, /^(?:async[ \t]+)?def[ \t]/);
  if (at === undefined) return undefined;
  DEF_HEAD.lastIndex = at;
  const m = DEF_HEAD.exec(lx.code);
  if (!m || m.index !== at) return undefined;
  const open = m.index + m[0].length - 1;
  const params = lx.code.slice(open, matchingClose(lx, open));
  if (!new RegExp(`(?<![\\w.])${escapeRe(name)}\\b`).test(params)) return undefined;
  return [at, blockEnd(lx, at, m[1].length)];
}

/** End of the block opened on the line at `header` (indentation `indent`): the next code line at that depth or less. */
function blockEnd(lx: Lexed, header: number, indent: number): number {
  for (let at = lx.code.indexOf('\n', header) + 1; at > 0; at = lx.code.indexOf('\n', at) + 1) {
    const ind = /^[ \t]*/.exec(lx.code.slice(at, at + 200))![0].length;
    const c = lx.code[at + ind];
    if (c !== '\n' && c !== '\r' && c !== undefined && lx.kinds[at + ind] === Kind.Code && ind <= indent) return at;
  }
  return lx.code.length;
}
