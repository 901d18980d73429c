// The endpoint a finding talks to, when the file says so statically. Order of evidence: the call holding the finding
// (its URL argument, `url=`/`base_url=`/`baseURL:` options, a host/port pair), the call that receives it as an option
// (`https.get(URL, { agent: new Agent({ rejectUnauthorized: false }) })`), the calls that use the variable it is
// stored in (`ctx = ssl._create_unverified_context()` … `urlopen(URL, context=ctx)`), or the shell command around it.
// Two different endpoints, or a host we can't pin down, resolve to nothing: no endpoint beats a wrong one.
import type { Finding } from '../rules/types';
import { evalString, Scope } from './expr';
import { fileScope } from './scope';
import { isShellCommand, shellEndpoint } from './shell';
import { TextIndex } from '../text/lines';
import { enclosingParen, matchBracket, Piece, splitTopLevel } from './text';
import { Endpoint, EndpointSource, endpointKey, fromHostPort, toEndpoint } from './url';

export type { Endpoint, EndpointSource } from './url';
export { endpointKey } from './url';

/** What a call's arguments say: one endpoint, nothing, or several (which stops the search). */
type CallResult = Endpoint | undefined | 'ambiguous';

const URL_KEYS = /^(?:url|uri|endpoint|base_?url|base_?uri|baseURL|baseUri|server_?url|api_?url)$/i;
const BASE_KEYS = /^base/i;
const HOST_KEYS = /^(?:host|hostname)$/;
const METHODS = /^["'](?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)["']$/i;
/** Ports of protocols that upgrade to TLS in-band (a plain TLS probe would mislead): SMTP, IMAP, POP3, FTP, LDAP, PostgreSQL, MySQL. */
const STARTTLS_PORTS = new Set([21, 25, 110, 143, 389, 587, 3306, 5432]);
/** Option names under which a TLS agent/context/client object is handed to the call that uses it. */
const CARRIER_KEYS =
  /^(?:agent|httpsAgent|context|ssl|ssl_context|sslContext|connector|transport|Transport|dispatcher|session|client|TLSClientConfig|tls)$/;
const CLIENT_METHODS = /^(?:get|post|put|patch|delete|head|options|request|stream|send|fetch|urlopen|open)$/;

/** Resolves the endpoint of `finding` in `text`; undefined when it is not statically knowable. */
export function resolveEndpoint(text: string, finding: Pick<Finding, 'range' | 'context'>): Endpoint | undefined {
  const idx = new TextIndex(text);
  const scope = fileScope(text);
  const at = idx.offsetAt(finding.range.start);
  if (isShellCommand(text, at)) return shellEndpoint(text, at, scope);
  const ctx = finding.context ?? finding.range;
  const fromCalls = enclosingCalls(text, at, idx.offsetAt(ctx.start), scope);
  if (fromCalls !== undefined) return fromCalls === 'ambiguous' ? undefined : fromCalls;
  return viaVariable(text, idx.offsetAt(ctx.start), scope);
}

/** The call around `at`, then up to two calls that take it as an option argument. */
function enclosingCalls(text: string, at: number, ctxStart: number, scope: Scope): CallResult {
  let open = enclosingParen(text, at);
  if (open >= 0 && open < ctxStart) open = firstParen(text, ctxStart, at) ?? open;
  let inner: number | undefined;
  for (let level = 0; open >= 0 && level < 3; level++) {
    const r = callEndpoint(text, open, scope, inner);
    if (r) return r;
    inner = open;
    const outer = enclosingParen(text, open);
    if (outer < 0 || /=>|\bfunction\b|\blambda\b|;|\)\s*\{|:\s*\n/.test(text.slice(outer, open))) break;
    open = outer;
  }
  return undefined;
}

/** The first `(` of a call inside the finding's context, when the context starts after the innermost paren. */
function firstParen(text: string, from: number, to: number): number | undefined {
  const m = /[\w$\]]\s*\(/.exec(text.slice(from, to));
  return m ? from + m.index + m[0].length - 1 : undefined;
}

/** Candidate endpoints from the arguments of the call whose `(` is at `open`. */
function callEndpoint(text: string, open: number, scope: Scope, inner?: number): CallResult {
  const close = matchBracket(text, open);
  if (close < 0) return undefined;
  const callee = /(?:new\s+)?[\w$.]+\s*$/.exec(text.slice(Math.max(0, open - 200), open))?.[0].trim() ?? '';
  const args = splitTopLevel(text.slice(open + 1, close), open + 1);
  const found: Endpoint[] = [];
  const positional = args.filter((a) => !keyOf(a.text));
  const target = METHODS.test(positional[0]?.text ?? '') ? positional[1] : positional[0];
  // An outer call's URL argument counts only when the inner call is one of its options, not part of that argument.
  const holdsInner =
    target && inner !== undefined && inner >= target.offset && inner < target.offset + target.text.length;
  if (target && !holdsInner) push(found, evalUrl(target.text, scope, 'literal'));
  for (const a of args) collectKeyed(a, scope, found);
  push(found, positionalHostPort(callee, positional, scope));
  return single(found);
}

function push(found: Endpoint[], e: Endpoint | undefined): void {
  if (e) found.push(e);
}

/** One endpoint (by host:port) from several candidates; several different ones are ambiguous. */
function single(found: Endpoint[]): CallResult {
  const keys = new Set(found.map(endpointKey));
  if (keys.size > 1) return 'ambiguous';
  return found[0];
}

/** `key=value` or `key: value` (Python kwargs, Ruby/JS options); undefined for a positional argument. */
function keyOf(arg: string): { key: string; value: string } | undefined {
  const m =
    /^(?:"([A-Za-z_$][\w$]*)"|'([A-Za-z_$][\w$]*)'|([A-Za-z_$][\w$]*))\s*(?:=(?![=>])|:(?![:/])|=>)\s*([\s\S]*)$/.exec(
      arg,
    );
  return m ? { key: m[1] ?? m[2] ?? m[3], value: m[4] } : undefined;
}

/** URL keys and host/port pairs in keyword arguments and in object-literal arguments (one level deep). */
function collectKeyed(arg: Piece, scope: Scope, found: Endpoint[]): void {
  const entries =
    arg.text.startsWith('{') || (arg.text.startsWith('[') && arg.text.includes('=>'))
      ? splitTopLevel(arg.text.slice(1, -1)).map((p) => keyOf(p.text) ?? shorthand(p.text))
      : [keyOf(arg.text)];
  let host: string | undefined;
  let port: number | undefined;
  for (const kv of entries) {
    if (!kv) continue;
    if (URL_KEYS.test(kv.key)) push(found, evalUrl(kv.value, scope, BASE_KEYS.test(kv.key) ? 'base-url' : 'literal'));
    else if (HOST_KEYS.test(kv.key)) host = evalWhole(kv.value, scope);
    else if (kv.key === 'port') port = Number(evalWhole(kv.value, scope) ?? kv.value);
  }
  if (host !== undefined && port !== undefined && !STARTTLS_PORTS.has(port)) {
    push(found, fromHostPort(host, port, 'host-port'));
  }
}

/** `{ url }` shorthand: the entry is the variable of the same name. */
function shorthand(text: string): { key: string; value: string } | undefined {
  return /^[A-Za-z_$][\w$]*$/.test(text) ? { key: text, value: text } : undefined;
}

/** `HTTPSConnection("host", 8443)`, `tls.connect(8443, "host")`: positional host and port. */
function positionalHostPort(callee: string, args: Piece[], scope: Scope): Endpoint | undefined {
  if (/HTTPSConnection(?:Pool)?$/.test(callee) && args.length >= 1) {
    const host = evalWhole(args[0].text, scope);
    const hp = host && /^([^:]+|\[[^\]]+\])(?::(\d+))?$/.exec(host);
    const port = hp?.[2] ? Number(hp[2]) : args[1] ? Number(evalWhole(args[1].text, scope) ?? args[1].text) : 443;
    return hp ? fromHostPort(hp[1], port, 'host-port') : undefined;
  }
  if (/\btls\.connect$/.test(callee) && /^\d+$/.test(args[0]?.text ?? '') && args[1]) {
    const host = evalWhole(args[1].text, scope);
    return host ? fromHostPort(host, Number(args[0].text), 'host-port') : undefined;
  }
  return undefined;
}

function evalUrl(expr: string, scope: Scope, via: EndpointSource): Endpoint | undefined {
  const v = evalString(expr, scope);
  if (!v) return undefined;
  const direct = /^\s*[A-Za-z]{0,2}["'`]/.test(expr) && !/\{|\$\{|\+/.test(expr);
  return toEndpoint(v, via === 'literal' && !direct ? 'constant' : via);
}

/** A fully known string value (a host name, a port number), else undefined. */
function evalWhole(expr: string, scope: Scope): string | undefined {
  if (/^\d+$/.test(expr.trim())) return expr.trim();
  const v = evalString(expr, scope);
  return v?.whole ? v.text : undefined;
}

/**
 * The finding's statement binds a variable (`ctx = ssl._create_unverified_context()`, `const agent = new Agent(…)`,
 * `with httpx.Client(verify=False) as c:`) or configures an object (`session.verify = False`): the endpoint is the
 * one every call using that variable talks to.
 */
function viaVariable(text: string, ctxStart: number, scope: Scope): Endpoint | undefined {
  const name = boundName(text, ctxStart);
  if (!name) return undefined;
  const found: Endpoint[] = [];
  for (const use of usesOf(text, name, ctxStart)) {
    const r = callEndpoint(text, use, scope);
    if (!r || r === 'ambiguous') return undefined;
    found.push(r);
  }
  const r = single(found);
  return r && r !== 'ambiguous' ? { ...r, via: 'variable' } : undefined;
}

function boundName(text: string, ctxStart: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', ctxStart - 1) + 1;
  const lineEnd = text.indexOf('\n', ctxStart);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const m =
    /^\s*(?:(?:export\s+)?(?:const|let|var|val|final)\s+)?([A-Za-z_$][\w$]*)\s*(?::[^=]*)?(?::=|=)(?!=)/.exec(line) ??
    /^\s*([A-Za-z_$][\w$]*)\.[\w$]+\s*=(?!=)/.exec(line) ??
    /\bas\s+([A-Za-z_]\w*)\s*:\s*$/.exec(line);
  return m?.[1];
}

/** Offsets of the `(` of every call that uses `name`: `name.get(…)`, or `agent=name` / `{ agent: name }` / `{ agent }`. */
function usesOf(text: string, name: string, after: number): number[] {
  const opens: number[] = [];
  const re = new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
  for (const m of text.matchAll(re)) {
    if (m.index <= after) continue;
    const rest = text.slice(m.index + name.length, m.index + name.length + 40);
    const method = /^\.([\w$]+)\s*\(/.exec(rest);
    if (method) {
      if (CLIENT_METHODS.test(method[1])) opens.push(m.index + name.length + method[0].length - 1);
      continue;
    }
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const key =
      /([\w$]+)\s*[:=]\s*$/.exec(before)?.[1] ?? (/[{,]\s*$/.test(before) && /^\s*[,}]/.test(rest) ? name : undefined);
    if (key && CARRIER_KEYS.test(key)) {
      const open = enclosingParen(text, m.index);
      if (open >= 0) opens.push(open);
    }
  }
  return opens;
}

/** `https.request({ host, port })`, `https.get({ hostname })`, `tls.connect({ host, port })`: a call with an options object. */
const OBJECT_CALL = /\b(?:https\s*\.\s*(?:request|get)|tls\s*\.\s*connect)\s*\(\s*\{([^{}]*)\}/g;
const OBJECT_HOST = /\b(?:host|hostname)\s*:\s*(['"])([^'"\n]+)\1/;
const OBJECT_PORT = /\bport\s*:\s*(\d{1,5})\b/;

/**
 * The endpoints of object-style Node calls in `code` (JavaScript/TypeScript with comments blanked), each with the
 * offsets of its host literal: the TLS Endpoints view lists them like URL literals. The host must be a literal; the
 * port defaults to 443 for https (tls.connect has no default, so it needs one).
 */
export function objectCallEndpoints(code: string): { endpoint: Endpoint; start: number; end: number }[] {
  const out: { endpoint: Endpoint; start: number; end: number }[] = [];
  for (const m of code.matchAll(OBJECT_CALL)) {
    const body = m[1];
    const host = OBJECT_HOST.exec(body);
    const port = OBJECT_PORT.exec(body);
    const tlsCall = /^tls/.test(m[0]);
    if (!host || (tlsCall && !port)) continue;
    const p = port ? Number(port[1]) : 443;
    if (STARTTLS_PORTS.has(p)) continue;
    const endpoint = fromHostPort(host[2], p, 'host-port');
    const start = (m.index ?? 0) + m[0].indexOf(body) + host.index + host[0].indexOf(host[2]);
    if (endpoint) out.push({ endpoint, start, end: start + host[2].length });
  }
  return out;
}
