// Same-file data flow, the small kind: a name bound once to a literal (`VERIFY = False`, `const insecure = false`,
// `skip := true`), and where a piece of code sits (a TypeScript type declaration is not a value). No parser: each
// helper answers one question over the lexed text, so a file that never reaches the question pays nothing.
import { Kind, Lexed } from './lexer';
import { Call, enclosingCall, enclosingOpen, literalOffsets, rangeOf } from './match';
import type { Finding, Position, Range } from './types';

/** Escapes `s` for use inside a RegExp. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Offset of the first code binding of `name` to a value matching `value` (a regex source), or -1. `forms` are
 * the binding prefixes of the language, e.g. `(?:const|let|var)\s+` for JavaScript or `` for Python.
 * Example: `bindingOf(lx, 'VERIFY', 'False', '')` finds `VERIFY = False` at the start of a line.
 */
export function bindingOf(
  lx: Lexed,
  name: string,
  value: string,
  forms: string,
  op = '=(?!=)',
): { start: number; end: number } | undefined {
  const re = new RegExp(
    `(?:^|[;{(\\n])[ \\t]*${forms}(${escapeRe(name)})[ \\t]*(?::[ \\t]*[\\w$.]+[ \\t]*)?${op}[ \\t]*(${value})(?![\\w$.(])`,
    'dg',
  );
  for (let m = re.exec(lx.code); m; m = re.exec(lx.code)) {
    const [start] = m.indices![1]!;
    const [, end] = m.indices![2]!;
    if (lx.kinds[start] === Kind.Code && lx.kinds[m.indices![2]![0]] === Kind.Code) return { start, end };
  }
  return undefined;
}

const TYPE_HEAD =
  /(?:\binterface\s+[\w$]+(?:\s*<[^{}]*>)?(?:\s+extends\s+[^{}]+?)?|\btype\s+[\w$]+(?:\s*<[^{}]*>)?\s*=)\s*$/;

/** `let x: {`, `const x?: {`: an object type annotating a variable. */
const VARIABLE_TYPE = /\b(?:let|const|var)\s+[\w$]+\s*:\s*$/;
/** `(o: {`, `, opts?: {`: an object type annotating a parameter (only where the `{` sits directly in parentheses). */
const PARAMETER_TYPE = /[(,]\s*(?:\.\.\.)?[\w$]+\??\s*:\s*$/;
/** `Partial<{`, `Record<string, {`: a type argument. `function f(…): {`: a return type (no brace or `=` between). */
const TYPE_ARGUMENT = /<\s*$|\b[A-Z][\w$]*<(?:[^<>{};=]*,)?\s*$/;
const RETURN_TYPE = /\bfunction\b[^{};=]*\)\s*:\s*$/;

/**
 * True when `offset` is inside a TypeScript `interface X { … }` or `type X = { … }` body, or an object type that
 * annotates a variable or parameter (`function f(o: { … })`), is a type argument (`Partial<{ … }>`) or a function's
 * return type: a type, not a value. An object literal's `key: { … }` is a value, and so is a ternary's `: { … }`.
 */
export function inTypeDeclaration(lx: Lexed, offset: number): boolean {
  let at = offset;
  for (let depth = 0; depth < 6; depth++) {
    const open = enclosingOpen(lx, at, '{', 4000);
    if (open < 0) return false;
    const before = lx.code.slice(Math.max(0, open - 200), open);
    if (TYPE_HEAD.test(before) || VARIABLE_TYPE.test(before) || TYPE_ARGUMENT.test(before)) return true;
    if (RETURN_TYPE.test(before)) return true;
    if (PARAMETER_TYPE.test(before)) {
      const outer = enclosingOpen(lx, open, '([{', 4000);
      if (outer >= 0 && lx.code[outer] === '(') return true;
    }
    at = open;
  }
  return false;
}

// ---- Sinks: where a value written elsewhere reaches a call (CodeQL's convention: the alert sits at the sink, the
// source is the flow's origin). A switch written inline where it enters a TLS API (a call's keyword, a property of an
// object literal given as the argument, a field of the TLS API's own config) is found where it is written; a switch
// held in a variable, constant, option object or default parameter is found at each call it reaches, and carries the
// value's place as `origin` (what the quick fix rewrites) and as related information. One that reaches no call seen
// in the file (exported, returned, module-level config) stays on the value.

/** The related-information message that points from a sink to the value. */
export const ORIGIN_MESSAGE = 'verification is turned off by this value';

/** The offset of a position of `lx` (the start of a finding's range). */
export function offsetOf(lx: Pick<Lexed, 'lineStarts'>, p: Position): number {
  return lx.lineStarts[p.line] + p.character;
}

/**
 * `f`, a finding on a value, moved to the sink [start, end): the value's place becomes its origin and its first
 * related location. `context` is the call at the sink; `message` says through what the value arrives.
 */
export function atSink(
  lx: Pick<Lexed, 'text' | 'lineStarts'>,
  f: Finding,
  start: number,
  end: number,
  context: readonly [number, number],
  message: string,
): Finding {
  return {
    ...f,
    range: rangeOf(lx, start, end),
    value: lx.text.slice(start, end),
    context: rangeOf(lx, context[0], context[1]),
    message,
    origin: { range: f.range, value: f.value, ...(f.context ? { context: f.context } : {}), reaches: 1 },
    related: [{ range: f.range, message: ORIGIN_MESSAGE }, ...(f.related ?? [])],
  };
}

/**
 * `f`, found where a named value enters a TLS API (`rejectUnauthorized: insecure`, `InsecureSkipVerify: skip`), with
 * the value's binding [start, end) as related information. No origin: the finding and its fix stay at the switch.
 */
export function namingValue(lx: Pick<Lexed, 'lineStarts'>, f: Finding, start: number, end: number): Finding {
  return { ...f, related: [{ range: rangeOf(lx, start, end), message: ORIGIN_MESSAGE }, ...(f.related ?? [])] };
}

/** `<title> (through NAME, set on line N)`: the message of a finding at a sink. */
export function throughMessage(title: string, name: string, origin: Range): string {
  return `${title} (through ${name}, set on line ${origin.start.line + 1})`;
}

/**
 * The findings with one finding per rule and sink (two switches of one object reaching one call are one finding there,
 * the second value a further related location) and `origin.reaches` set to the number of sinks of each origin (for
 * the fix's title).
 */
export function countReaches(findings: readonly Finding[]): Finding[] {
  if (!findings.some((f) => f.origin)) return [...findings];
  const at = (r: Range) => `${r.start.line}:${r.start.character}`;
  const merged: Finding[] = [];
  const bySink = new Map<string, number>();
  for (const f of findings) {
    const key = f.origin && `${f.ruleId}@${at(f.range)}`;
    const i = key === undefined ? undefined : bySink.get(key);
    if (i === undefined) {
      if (key !== undefined) bySink.set(key, merged.length);
      merged.push(f);
      continue;
    }
    const first = merged[i];
    const more = (f.related ?? []).filter((r) => !first.related?.some((q) => at(q.range) === at(r.range)));
    merged[i] = { ...first, related: [...(first.related ?? []), ...more] };
  }
  const origin = (f: Finding) => `${f.ruleId}@${at(f.origin!.range)}`;
  const counts = new Map<string, number>();
  for (const f of merged) if (f.origin) counts.set(origin(f), (counts.get(origin(f)) ?? 0) + 1);
  return merged.map((f) => {
    const n = f.origin ? counts.get(origin(f))! : 1;
    return n > 1 ? { ...f, origin: { ...f.origin!, reaches: n } } : f;
  });
}

/** How a language binds an option object to a name and passes it on. */
export interface ObjectFlow {
  /** Matches the text just before a literal's opening bracket when the literal is bound to a name (group 1), or to
   * an entry of it (group 2 matched: `$opts['ssl'] = [`). */
  readonly binding: RegExp;
  /** The brackets that open a literal (`{`, `[`); `(` is a call, which ends the walk (the literal is inline there). */
  readonly opens: string;
  /** Matches the text before a nested literal's opening bracket (`key: {`, `'ssl' => [`, `[{`). */
  readonly nested: RegExp;
  /** Matches the text before a `(` that opens a literal all the same (PHP `array(`). */
  readonly literalCall?: RegExp;
  /** An excerpt's literal may close with `)` (PHP's `array(…);`); elsewhere that is a call with the value inline. */
  readonly excerptParen?: boolean;
  /** A keyword argument's head before the name (`sslopt=`, `ssl: `), as a regex source. */
  readonly keyword?: string;
  /**
   * Matches a line's text before a finding that sets one member of a plain option object (`options.` before
   * `rejectUnauthorized = false`, `$args` before `['sslverify'] = false`); group 1 is the object's name. Only where
   * such an object is plain data: not Python or Ruby, whose `ctx.verify_mode =` is a TLS API's own field.
   */
  readonly member?: RegExp;
  /** Matches the text after a call's `)` when it was a definition (JavaScript's `connect(opts) {`, `(opts) =>`);
   * without it only the words before the name tell (`def`, `function`): a Ruby block `open(uri, opts) { |f| … }`
   * is a call. */
  readonly definitionAfter?: RegExp;
  /** The operator that spreads a mapping into a call's keywords (Python's `**`): `f(url, **opts)` takes `opts`. */
  readonly spread?: string;
  /** Matches the text before a literal that a method returns (Ruby's `def ssl_options` … `{ ssl_verify_peer: false }`
   * as its last statement); group 1 is the method's name, which the calls then take (`**ssl_options`). */
  readonly returned?: RegExp;
  /** Matches a line's text before an argument of a call written without parentheses (Ruby's `Client.new a, b, ssl:
   * `): group 1 the callee, group 2 the argument's head (`, ssl: `, as `keyword` would). */
  readonly command?: RegExp;
}

/**
 * Callees that read an object without connecting with it: logging, printing, serialising, copying, assertions,
 * and the words a definition or a statement starts with (`function f(opts)`, `if (opts)`).
 */
const NOT_A_SINK =
  /^(?:if|elif|elsif|unless|while|for|foreach|switch|catch|return|typeof|await|yield|and|or|not|in|isset|empty|unset|print|puts|p|pp|echo|var_dump|var_export|print_r|len|str|repr|type|id|dict|list|deepcopy|copy|clone|merge|assign|freeze|keys|values|entries|items|stringify|parse|dump|dumps|safe_dump|json_encode|serialize|to_json|to_yaml|write|WriteLine|log|Log(?:Information|Debug|Warning|Error|Trace|Critical)|debug|info|warn|warning|error|trace|inspect|assert\w*|expect|equal|deepEqual|strictEqual|eq|is_a|instanceof|console|describe|it|test)$/;
const DEFINITION_BEFORE = /\b(?:def|function|fn|func|sub)\s+[\w$]*\s*$|\bfunction\s*\*?\s*$/;

/**
 * The name the outermost literal around `offset` is bound to (`options` for `var options = { secureProtocol: … }`),
 * with the offset of that literal; undefined when a call's parenthesis encloses the value first (the literal is
 * written inline as an argument) or the literal is bound to nothing simple (`module.exports = {…}`, a return value).
 */
export function boundLiteral(
  lx: Lexed,
  offset: number,
  flow: ObjectFlow,
): { name: string; at: number; after?: number } | undefined {
  let at = offset;
  for (let depth = 0; depth < 8; depth++) {
    const open = enclosingOpen(lx, at, `${flow.opens}(`, 6000);
    if (open < 0) return undefined;
    const before = lx.code.slice(Math.max(0, open - 160), open);
    if (lx.code[open] === '(' && !(flow.literalCall && flow.literalCall.test(before))) return undefined;
    const head = lx.code[open] === '(' ? before.replace(flow.literalCall!, '') : before;
    const bound = flow.binding.exec(head);
    // Group 2: an entry of the named object is set (`$opts['ssl'] = [`): only the calls after it take the value.
    if (bound) return bound[2] ? { name: bound[1], at: open, after: open } : { name: bound[1], at: open };
    const method = flow.returned?.exec(head);
    if (method) return { name: method[1], at: open };
    if (!flow.nested.test(head)) return undefined;
    at = lx.code[open] === '(' ? open - (before.length - head.length) : open;
  }
  return undefined;
}

/** The first call of the next lines taking a bare name (`request(options, cb)`, `await puppeteer.launch(opts)`); group
 * 1 its arguments. */
const NEXT_CALL =
  /^(?:[^\n]*\n){0,2}?[^\n]*?\b[A-Za-z_$][\w$.]*[ \t]*\(((?:[ \t]*[A-Za-z_$][\w$]*[ \t]*,)*[ \t]*[A-Za-z_$][\w$]*[ \t]*)[,)]/;
/** An argument named as options (`$opts` beside the handle in `curl_setopt_array($curl, $opts)`). */
const OPTIONS_ARGUMENT = /opt|conf|cfg|param|setting|arg/i;

/** Any bracket (excerptLiteral jumps between them). */
const ANY_BRACKET = /[()[\]{}]/g;

/**
 * A text that begins inside an option literal (an excerpt, a diff hunk: `secureProtocol: 'TLSv1_1_method' } };` and
 * then `request(options, …)`, the `var options = {` above the first line): no bracket around the value opens in the
 * text, and the one that closes it ends a statement. The literal's name is the bare name the next call takes that the
 * text never binds; its sinks are the calls after the close. Undefined for a literal whose opening is in the text.
 */
function excerptLiteral(
  lx: Lexed,
  at: number,
  flow: ObjectFlow,
): { name: string; at: number; after: number } | undefined {
  let levels = 0;
  for (let o = at; levels < 8; levels++) {
    o = enclosingOpen(lx, o, '{[(', 6000);
    if (o < 0) break;
  }
  let depth = 0;
  let close = -1;
  // From bracket to bracket (the regex engine skips the rest natively; a test per character was most of the look).
  const stop = Math.min(lx.code.length, at + 6000);
  ANY_BRACKET.lastIndex = at;
  while (close < 0 && ANY_BRACKET.test(lx.code)) {
    const i = ANY_BRACKET.lastIndex - 1;
    if (i >= stop) break;
    if (lx.kinds[i] !== Kind.Code) continue;
    const c = lx.code[i];
    if (c === '{' || c === '[' || c === '(') depth++;
    else if (--depth === -(levels + 1)) close = i;
  }
  // `}` or `]` closes a literal; `)` a call, save in PHP (`array(`, seldom a call whose statement ends a line).
  const closes = flow.excerptParen ? '}])' : '}]';
  if (close < 0 || !closes.includes(lx.code[close])) return undefined;
  const end = /^[ \t]*;?[ \t]*\r?\n/.exec(lx.code.slice(close + 1, close + 40));
  if (!end) return undefined;
  const from = close + 1 + end[0].length;
  const call = NEXT_CALL.exec(lx.code.slice(from, from + 400));
  const names = call ? call[1].split(',').map((n) => n.trim()) : commandArguments(lx, from, flow);
  // `new MongoClient(uri, options)`, `curl_setopt_array($curl, $opts)`: an argument named as options that the text never
  // binds is the literal, before any other.
  const name =
    names.find((n) => (OPTIONS_ARGUMENT.test(n) || OPTIONS_NAME.test(n)) && bindingsOf(lx, n).length === 0) ?? names[0];
  if (name === undefined || bindingsOf(lx, name).length > 0) return undefined;
  return { name, at: close, after: close };
}

/** The bare names a call without parentheses on the next non-blank line takes (`Client.new master, ssl_options:
 * ssl_options`), for flows with `command`. */
function commandArguments(lx: Lexed, from: number, flow: ObjectFlow): string[] {
  if (!flow.command) return [];
  const line = /^(?:[ \t]*\r?\n){0,2}([^\n]*)/.exec(lx.code.slice(from, from + 400));
  if (!line) return [];
  const start = from + line[0].length - line[1].length;
  const out: string[] = [];
  for (const m of line[1].matchAll(/([A-Za-z_]\w*)[ \t]*(?=,|[ \t]*$)/g)) {
    const at = start + m.index;
    if (lx.kinds[at] === Kind.Code && /[ \t,:]/.test(lx.code[at - 1] ?? '') && commandHead(lx, at, flow)) {
      out.push(m[1]);
    }
  }
  return out;
}

/** `options.rejectUnauthorized = false` as a statement: the object's name; its sinks are the calls after it. */
function memberOf(lx: Lexed, at: number, flow: ObjectFlow): { name: string; at: number; after: number } | undefined {
  if (!flow.member) return undefined;
  const head = flow.member.exec(lx.code.slice(lx.code.lastIndexOf('\n', at - 1) + 1, at));
  return head ? { name: head[1], at, after: at } : undefined;
}

/** The sinks of `name` in the file: [start, end) of each argument that is exactly the name (or `kw=name`), and its call. */
export interface Sink {
  readonly start: number;
  readonly end: number;
  readonly call: Call;
}

/**
 * Every call that takes `name` as a whole argument (`mqtt.connect(options)`, `ApiClient(config)`, `sslopt=opts`,
 * `$client->get($url, $opts)`), where the binding at `boundAt` is the one in force: the nearest binding of the name
 * before the call (or, for a call above every binding, the file's only binding). `after`: only calls from there on.
 */
export function sinksOf(lx: Lexed, name: string, boundAt: number | undefined, flow: ObjectFlow, after = 0): Sink[] {
  const code = lx.code;
  const spread = flow.spread ? `|${escapeRe(flow.spread)}` : '';
  const kw = new RegExp(`[(,][ \\t\\r\\n]*(?:${flow.keyword ?? '(?!)'}${spread})?$`);
  const out: Sink[] = [];
  let bindings: number[] | undefined;
  // Occurrences by indexOf, boundaries by hand: most names reach no call, and a regex with a look-behind at its start
  // tried every position of the file (a 10,000-line Ruby file's re-scan paid 10% for it).
  for (let at = code.indexOf(name, after); at >= 0; at = code.indexOf(name, at + 1)) {
    const spreadAt = flow.spread !== undefined && code.startsWith(flow.spread, at - flow.spread.length);
    if (
      lx.kinds[at] !== Kind.Code ||
      (!spreadAt && /[\w$.*&>:]/.test(code[at - 1] ?? '')) ||
      /[\w$]/.test(code[at + name.length] ?? '')
    ) {
      continue;
    }
    const after = code.slice(at + name.length, at + name.length + 40);
    // The name alone, or with an empty fallback (`broker_use_ssl=_ssl_opts or None`, `opts || undefined`).
    const inCall = ARGUMENT_END.test(after) ? kw.exec(code.slice(Math.max(0, at - 60), at)) : null;
    const head: ArgumentHead | undefined =
      inCall ?? (/^[ \t]*(?:\r?\n|$)/.test(after) ? commandHead(lx, at, flow) : undefined);
    if (!head) continue;
    const call = head.command ?? enclosingCall(lx, at);
    if (!call || call.name === '' || NOT_A_SINK.test(call.name) || isDefinition(lx, call, flow)) continue;
    if (buildsOptions(lx, call)) continue;
    if (boundAt !== undefined) {
      bindings ??= bindingsOf(lx, name);
      if (governing(bindings, at) !== governing(bindings, boundAt)) continue;
    }
    out.push({ start: keywordStart(at, head[0]), end: at + name.length, call });
  }
  return out;
}

/** What follows a name that is a whole argument: `,` or `)`, maybe after an empty fallback (`or None`, `?? {}`). */
const ARGUMENT_END = /^[ \t\r\n]*(?:(?:or|\|\||\?\?)[ \t]+(?:None|null|undefined|\{\}|\[\])[ \t\r\n]*)?[,)]/;

/** `options = addBody(method, type, body, defaults)`: the statement's head before a call, group 1 the name bound. */
const RESULT_BOUND =
  /(?:^|[;{}(\n,])[ \t]*(?:(?:const|let|var)[ \t]+)?([A-Za-z_$][\w$]*)[ \t]*=[ \t]*(?:await[ \t]+)?$/;
/** Names of option objects, not of clients or connections. */
const OPTIONS_NAME = /^(?:[\w$]*[oO]ptions?\d*|opts\d*|[\w$]*[cC]onfig|settings|params|defaults|kwargs|args)$/;

/**
 * A call whose result is bound to an option object's name (`options = addBody(…, defaults)`, `opts = merge_opts(base)`)
 * builds options from the value: the switch passes on in that object to a call of its own, and this is not where
 * the connection is made.
 */
function buildsOptions(lx: Lexed, call: Call): boolean {
  const head = RESULT_BOUND.exec(lx.code.slice(Math.max(0, call.start - 80), call.start));
  return head !== null && OPTIONS_NAME.test(head[1]);
}

/** The text before an argument (`(`, `, `, `, sslopt=`), and the call when it has no parentheses. */
interface ArgumentHead {
  readonly 0: string;
  readonly command?: Call;
}

/**
 * A call without parentheses whose arguments run to the end of the line, `name` its last (Ruby's `client =
 * Kubeclient::Client.new master, "v1", ssl_options: ssl_options`): the keyword head and the call, for flows with
 * `command`; undefined elsewhere.
 */
function commandHead(lx: Lexed, at: number, flow: ObjectFlow): ArgumentHead | undefined {
  if (!flow.command) return undefined;
  const lineStart = lx.code.lastIndexOf('\n', at - 1) + 1;
  const m = flow.command.exec(lx.code.slice(lineStart, at));
  if (!m?.indices) return undefined;
  const [s, e] = m.indices[1]!;
  const callee = m[1];
  const end = lx.code.indexOf('\n', at);
  const command: Call = {
    callee,
    name: /(\w+)[!?]?$/.exec(callee)?.[1] ?? '',
    start: lineStart + s,
    open: lineStart + e,
    end: end < 0 ? lx.code.length : end,
  };
  return { 0: m[0].slice(m.indices[2]![0]), command };
}

/** Offsets of the statements that bind `name` (`opts = …`, `const opts = …`), not keyword arguments (`f(opts=opts)`). */
export function bindingsOf(lx: Lexed, name: string): number[] {
  // The name's offsets (match.ts's literal offsets, kept across a re-scan's edit) are where a binding may start: the
  // name and its `=` are tried there, and what stands before it is checked by hand. The same regex with that check as
  // a lookbehind tried it at every offset of the text, ~16 ms on a 0.8 MB bundle for each name asked, and a global
  // search of the name read the whole text each re-scan (property test: flow-bindings.property.test.ts).
  const bind = new RegExp(`${escapeRe(name)}[ \\t]*(?::[^=\\n]{1,60})?=(?![=>~])`, 'y');
  const out: number[] = [];
  let resume = 0; // a binding's match is not searched again inside (a global search goes on after it)
  for (const at of literalOffsets(lx, name)) {
    if (at < resume) continue;
    bind.lastIndex = at;
    if (!bind.test(lx.code) || !startsBinding(lx.code, at)) continue;
    resume = bind.lastIndex;
    if (lx.kinds[at] === Kind.Code) out.push(at);
  }
  return out;
}

/** What may stand before a bound name, blanks apart: the text's start, `;`, `{`, `}`, a line break, or const/let/var. */
function startsBinding(code: string, at: number): boolean {
  let i = at;
  while (i > 0 && (code[i - 1] === ' ' || code[i - 1] === '\t')) i--;
  if (i === 0) return true;
  const c = code[i - 1];
  if (c === ';' || c === '{' || c === '}' || c === '\n') return true;
  for (const kw of BINDING_KEYWORDS) {
    if (code.endsWith(kw, i) && (i === kw.length || !/\w/.test(code[i - kw.length - 1]))) return true;
  }
  return false;
}

const BINDING_KEYWORDS = ['const', 'let', 'var'] as const;

/** Where the argument starts: the keyword's first character (`sslopt=opts`), else the name. */
function keywordStart(at: number, head: string): number {
  const body = head.slice(1).trimStart();
  return body === '' ? at : at - body.length;
}

/** The binding in force at `offset`: the last one before it, else the first (`bindings` ascend: a binary search, as
 * a generated file may bind one name thousands of times). */
function governing(bindings: readonly number[], offset: number): number {
  let lo = 0;
  let hi = bindings.length - 1;
  let g = bindings[0] ?? -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (bindings[mid] <= offset) {
      g = bindings[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return g;
}

/** `def f(opts):`, `function f(opts) {`, `connect(opts) {` (a method), `(opts) =>`: a definition, not a call. */
function isDefinition(lx: Lexed, call: Call, flow: ObjectFlow): boolean {
  if (DEFINITION_BEFORE.test(lx.code.slice(Math.max(0, call.start - 40), call.start))) return true;
  return flow.definitionAfter?.test(lx.code.slice(call.end, call.end + 80)) ?? false;
}

/** A line that starts a statement before the finding (`http.verify_mode = …`, `opts.`, `$args`): not a literal's entry,
 * so the walk back to an enclosing bracket (up to thousands of characters) is skipped. */
const STATEMENT_HEAD = /^[ \t]*(?:[\w$@.:]+(?:\[[^\]\n]*\])?[ \t]*=[ \t]*|[\w$@]+(?:\.[\w$@]+)*\.?)$/;

/**
 * The findings of a family with those inside a literal bound to a name (`var options = {…}`) moved to each call that
 * takes the name (`mqtt.connect(options)`); a literal passed to no call keeps its findings where they are.
 */
export function objectSinks(lx: Lexed, findings: readonly Finding[], flow: ObjectFlow): Finding[] {
  if (findings.length === 0) return [...findings];
  const out: Finding[] = [];
  // Several switches of one literal share its sinks: the file is searched for them once.
  const cache = new Map<string, Sink[]>();
  const sinksFor = (b: { name: string; at: number; after?: number }) => {
    const key = `${b.name}@${b.after === undefined ? b.at : `+${b.after}`}`;
    let s = cache.get(key);
    if (!s) cache.set(key, (s = sinksOf(lx, b.name, b.at, flow, b.after)));
    return s;
  };
  // An excerpt's literal is looked for a few times only: each look reads thousands of characters ahead.
  let looks = 0;
  const excerpt = (at: number) => (++looks > MAX_FOLLOWED ? undefined : excerptLiteral(lx, at, flow));
  for (const f of findings) {
    const at = offsetOf(lx, f.range.start);
    const statement = STATEMENT_HEAD.test(lx.code.slice(lx.lineStarts[f.range.start.line], at));
    const bound = f.origin
      ? undefined
      : ((statement ? undefined : (boundLiteral(lx, at, flow) ?? excerpt(at))) ?? memberOf(lx, at, flow));
    const sinks = bound ? sinksFor(bound) : [];
    if (sinks.length === 0) {
      out.push(f);
      continue;
    }
    const title = f.message;
    for (const s of sinks) {
      out.push(atSink(lx, f, s.start, s.end, [s.call.start, s.call.end], throughMessage(title, bound!.name, f.range)));
    }
  }
  return out;
}

/** How many values of one file are followed to their sinks: each search reads the whole file, and a generated file
 * with thousands of switches keeps them where they are written instead of taking quadratic time. */
export const MAX_FOLLOWED = 16;

/**
 * A string statement's head: `url = `, `url += `, `const conn = `, `conn = f`, C#'s `_cs = $`, `string cs = @`,
 * Java's `final String url = `, Go's `dsn := ` (group 1 the name, group 2 the operator), the text of a line before the string's opening quote.
 */
const STRING_BINDING =
  /^[ \t]*(?:(?:const|let|var|val|string|String|final|readonly|static|private|internal|protected|public)[ \t]+)*([A-Za-z_$][\w$]*)[ \t]*(?::[^=\n]{1,60})?(\+?=|:=)[ \t]*(?:[rRbBuUfF]{0,2}|[$@]{1,2})$/d;

/** The offset where the string literal holding `at` opens (its quote), across a template's `${…}` parts. */
function stringStart(lx: Lexed, at: number): number {
  let s = at;
  for (;;) {
    while (s > 0 && lx.kinds[s - 1] === Kind.String) s--;
    // A template's `${name}` (its `${` and `}` lexed as string, the name as code) continues the literal.
    const part = s > 0 ? lx.code.lastIndexOf('${', s - 1) : -1;
    if (part <= 0 || s - part > 120 || lx.kinds[part] !== Kind.String || lx.code[s - 1] === '\n') return s;
    s = part;
  }
}

/**
 * Where a string bound to `name` at `bound` is interpolated into an argument (`create_engine(f"…{conn}")`,
 * `` connect(`…${conn}`) ``): [start, end) of the name in each interpolation, with its call. Calls a different
 * binding of the name governs, and callees that only read the text (logging, printing), are not sinks.
 */
function interpolationSinks(lx: Lexed, name: string, bound: number, plain: boolean): Sink[] {
  const out: Sink[] = [];
  let bindings: number[] | undefined;
  for (const open of ['{', '${']) {
    const needle = `${open}${name}}`;
    for (let at = lx.code.indexOf(needle, bound); at >= 0; at = lx.code.indexOf(needle, at + 1)) {
      const start = at + open.length;
      const call = enclosingCall(lx, at);
      if (!call || call.name === '' || call.open < bound || NOT_A_SINK.test(call.name)) continue;
      if (plain) {
        bindings ??= bindingsOf(lx, name);
        if (governing(bindings, at) !== governing(bindings, bound)) continue;
      }
      out.push({ start, end: start + name.length, call });
    }
  }
  return out;
}

/**
 * The findings of a family with those inside a string bound to a name (`url += "?ssl_cert_reqs=none"`, `conn =
 * f"…TrustServerCertificate=yes"`) moved to each call after the binding that takes the name as an argument
 * (`Redis.from_url(url)`) or interpolates it into one (`create_engine(f"mssql+pyodbc:///?odbc_connect={conn}")`);
 * `moves` picks the findings whose value is such a string (a URL, a connection string). A string that reaches no
 * call keeps its findings where they are, and so does one written inline in a call.
 */
export function stringSinks(
  lx: Lexed,
  findings: readonly Finding[],
  flow: ObjectFlow,
  moves: (f: Finding) => boolean,
): Finding[] {
  if (!findings.some(moves)) return [...findings];
  const out: Finding[] = [];
  let followed = 0;
  for (const f of findings) {
    const at = offsetOf(lx, f.range.start);
    if (f.origin || !moves(f) || lx.kinds[at] !== Kind.String || ++followed > MAX_FOLLOWED) {
      out.push(f);
      continue;
    }
    const open = stringStart(lx, at);
    const line = lx.code.lastIndexOf('\n', open - 1) + 1;
    const head = STRING_BINDING.exec(lx.code.slice(line, open));
    const named = head ? line + head.indices![1]![0] : -1;
    const sinks = head
      ? [
          ...sinksOf(lx, head[1], head[2] !== '+=' ? named : undefined, flow, open),
          ...interpolationSinks(lx, head[1], named, head[2] !== '+='),
        ]
      : [];
    if (sinks.length === 0) {
      out.push(f);
      continue;
    }
    for (const s of sinks) {
      out.push(atSink(lx, f, s.start, s.end, [s.call.start, s.call.end], throughMessage(f.message, head![1], f.range)));
    }
  }
  return out;
}
