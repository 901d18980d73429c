// Go: crypto/tls `InsecureSkipVerify: true` in a tls.Config literal, or assigned later (`cfg.InsecureSkipVerify = true`).
import { Kind, lex, Lexed, SYNTAX } from './lexer';
import { countReaches, escapeRe, MAX_FOLLOWED, namingValue, ObjectFlow, stringSinks } from './flow';
import { eachCodeMatch, enclosingCall, enclosingOpen, finding, pushMatches, statementAt, withLiterals } from './match';
import { defineFamily, NOTES } from './define';
import { Finding, RuleFamily } from './types';
import { GO } from './catalog/go';
import { dropExpectedFailuresGo } from './expect-failure';
import { gitNoVerifyFindings } from './git-env';

/** Keywords without which no rule of this family can match (see RuleFamily.prefilter). */
const PREFILTER =
  /InsecureSkip(?:TLS)?Verify|Version(?:TLS1[01]|SSL30)\b|TLSClientConfig|GIT_SSL_NO_VERIFY|skip-verify/;

/** `InsecureSkipVerify: true` (group 1 is the separator, which must be code) or `x.InsecureSkipVerify = true`. */
const SKIP = withLiterals(/\bInsecureSkipVerify\s*(:|=(?!=))\s*true\b/dg, ['InsecureSkipVerify']);

/** `MinVersion: tls.VersionTLS10`, `cfg.MaxVersion = tls.VersionTLS11` (group 1: the separator). */
const PROTOCOL = withLiterals(/\b(?:MinVersion|MaxVersion)\s*(:|=(?!=))\s*(?:tls\.)?Version(?:TLS10|TLS11|SSL30)\b/dg, [
  'MinVersion',
  'MaxVersion',
]);

/** `InsecureSkipVerify: skip` (group 2 is the name): followed to `skip := true` / `const skip = true` in the file. */
const SKIP_NAME = withLiterals(/\bInsecureSkipVerify\s*(:|=(?!=))\s*([A-Za-z_]\w*)\b(?!\s*[.([])/dg, [
  'InsecureSkipVerify',
]);

/** client-go: `cfg.TLSClientConfig.Insecure = true`; clientcmd and other tools: `InsecureSkipTLSVerify: true`. */
const KUBE_ASSIGN = withLiterals(
  /\b(TLSClientConfig\s*\.\s*Insecure)\s*=(?!=)\s*true\b|\b(InsecureSkipTLSVerify)\s*(:|=(?!=))\s*true\b/dg,
  ['TLSClientConfig', 'InsecureSkipTLSVerify'],
);
/** `rest.TLSClientConfig{Insecure: true}` (group 1 is the separator). */
const KUBE_FIELD = withLiterals(/\bInsecure\s*(:)\s*true\b/dg, ['Insecure']);

/** True when `name` is bound to `true` in this file and never assigned anything else. */
function boundToTrue(lx: Lexed, name: string): boolean {
  return trueBinding(lx, name) !== undefined;
}

/** [start, end) of the first binding of `name` (`skip := true`) when every binding of it is to `true`. */
function trueBinding(lx: Lexed, name: string): [number, number] | undefined {
  const n = escapeRe(name);
  const writes = [
    ...lx.code.matchAll(new RegExp(`(?<![\\w.])${n}(?:[ \\t]+bool)?[ \\t]*(?::=|=(?!=))[ \\t]*([^\\s;,)}]+)`, 'g')),
  ];
  const ok = writes.length > 0 && writes.every((w) => w[1] === 'true' && lx.kinds[w.index!] === Kind.Code);
  return ok ? [writes[0].index!, writes[0].index! + writes[0][0].length] : undefined;
}

/** Struct types declared in this file (`type Options struct`): a field of theirs named InsecureSkipVerify is the user's own. */
function ownStructs(lx: Lexed): Set<string> {
  return new Set([...lx.code.matchAll(/\btype\s+(\w+)\s+struct\b/g)].map((m) => m[1]));
}

/**
 * Option types whose `InsecureSkipVerify` is not about TLS: nhooyr.io/websocket and github.com/coder/websocket's
 * `AcceptOptions.InsecureSkipVerify` "is used to disable Accept's origin verification behaviour" (their doc comment):
 * a server's Origin check, no certificate involved.
 */
const NOT_TLS_OPTIONS = /^(?:websocket\.)?AcceptOptions$/;

/** The composite literal type around a `Field:` at `offset`: `Options` in `&Options{InsecureSkipVerify: true}`. */
function literalType(lx: Lexed, offset: number): string | undefined {
  const open = enclosingOpen(lx, offset, '{', 4000);
  return open < 0 ? undefined : /([\w.]+)\s*$/.exec(lx.code.slice(Math.max(0, open - 80), open))?.[1];
}

function kubeFindings(lx: Lexed, out: Finding[]): void {
  eachCodeMatch(lx, KUBE_ASSIGN, (m) => {
    const start = m[1] ? m.indices![1]![0] : m.index;
    out.push(finding(lx, GO.kubeInsecure, start, m.index + m[0].length, statementAt(lx, start)));
  });
  pushMatches(lx, KUBE_FIELD, GO.kubeInsecure, out, 1, 0, (m) =>
    /(?:^|\.)TLSClientConfig$/.test(literalType(lx, m.index) ?? ''),
  );
  tlsClientConfigVariables(lx, out);
}

/** `tlsClientConfig := rest.TLSClientConfig{…}`, `var tc rest.TLSClientConfig` (group 1 the variable's name). */
const KUBE_TLS_VARIABLE =
  /\b(?:([A-Za-z_]\w*)\s*:?=\s*&?\s*(?:rest\.)?|var\s+([A-Za-z_]\w*)\s+\*?(?:rest\.)?)TLSClientConfig\b/g;

/**
 * client-go's TLS settings held in a variable of their own, switched off later (`tlsClientConfig.Insecure = true` in
 * a fallback branch, then `&rest.Config{TLSClientConfig: tlsClientConfig}`): the assignment is the switch line.
 * Not when the file declares its own `TLSClientConfig` type.
 */
function tlsClientConfigVariables(lx: Lexed, out: Finding[]): void {
  if (!lx.code.includes('TLSClientConfig') || ownStructs(lx).has('TLSClientConfig')) return;
  const names = new Set<string>();
  for (const m of lx.code.matchAll(KUBE_TLS_VARIABLE)) {
    const name = m[1] ?? m[2];
    if (lx.kinds[m.index] === Kind.Code && name !== 'TLSClientConfig' && names.size < MAX_FOLLOWED) names.add(name);
  }
  for (const name of names) {
    const set = new RegExp(`(?<![\\w.])${escapeRe(name)}\\s*\\.\\s*Insecure\\s*=(?!=)\\s*true\\b`, 'g');
    for (const m of lx.code.matchAll(set)) {
      if (lx.kinds[m.index] !== Kind.Code) continue;
      out.push(finding(lx, GO.kubeInsecure, m.index, m.index + m[0].length, statementAt(lx, m.index)));
    }
  }
}

/**
 * Server sides: InsecureSkipVerify only governs a client's check of the server (a listener's client certificates
 * are ClientAuth's business), so on a config given only to `tls.Listen`, `tls.NewListener`, `tls.Server` or an
 * `http.Server`'s TLSConfig it switches nothing off. The config is the literal around `offset`, or the variable it
 * is bound to (`config := &tls.Config{…}` … `tls.Listen("tcp", addr, config)`), when nothing client-side takes it.
 */
const LISTENER_ARG = String.raw`\btls\.(?:Listen|NewListener|Server)\s*\([^()]*?`;
// Any `TLSConfig:` field counts as a client (redis, nats and database options name theirs so too).
const CLIENT_USE = String.raw`\b(?:tls\.(?:Dial|DialWithDialer|Client)\s*\([^()]*?|TLS(?:Client)?Config\s*[:=]\s*&?|\.DialTLS\w*\s*\([^()]*?)`;

function listenerOnly(lx: Lexed, offset: number): boolean {
  const open = enclosingOpen(lx, offset, '{', 4000);
  if (open < 0) return false;
  const before = lx.code.slice(Math.max(0, open - 120), open);
  if (
    /\bTLSConfig\s*:\s*&?\s*tls\.Config\s*$/.test(before) &&
    /&?\s*http\.Server\s*\{[^{}]*$/.test(lx.code.slice(Math.max(0, open - 400), open))
  ) {
    return true;
  }
  // `srv.TLSConfig = &tls.Config{…}` on a variable named for the server (`server`, `srv`, `httpsServer`).
  if (/\b(?:\w*[sS]erver|srv)\s*\.\s*TLSConfig\s*=\s*&?\s*tls\.Config\s*$/.test(before)) return true;
  const bound = /\b(\w+)\s*:?=\s*&?\s*tls\.Config\s*$/.exec(before);
  return bound ? servedOnly(lx, bound[1]) : false;
}

/** Per text, names already judged by `servedOnly`: each judgement is two passes over the whole file, and a file
 * declares many configs under one name (`cfg := &tls.Config{…}` in every function). */
const servedNames = new WeakMap<Lexed, Map<string, boolean>>();

/** True when the config named `name` is handed to a TLS listener and to no client. */
function servedOnly(lx: Lexed, name: string): boolean {
  let known = servedNames.get(lx);
  if (!known) servedNames.set(lx, (known = new Map()));
  let only = known.get(name);
  if (only === undefined) {
    const n = escapeRe(name);
    const served = new RegExp(`${LISTENER_ARG}\\b${n}\\b`).test(lx.code);
    only = served && !new RegExp(`${CLIENT_USE}\\b${n}\\b`).test(lx.code);
    known.set(name, only);
  }
  return only;
}

/** Go: strings only (a DSN bound to a name); option objects are tls.Config literals, found where they are written. */
const GO_FLOW: ObjectFlow = { binding: /(?!)/, opens: '{', nested: /(?!)/ };

/** A DSN's `tls=skip-verify` parameter (in a string), or `TLSConfig: "skip-verify"` (group 1: from `TLSConfig`). */
const MYSQL_SKIP = /(?<=[?&])tls=skip-verify\b|\b(TLSConfig\s*(?::|=(?!=))\s*)"skip-verify"/g;
/** Calls whose strings are text for people: `log.Printf("… tls=skip-verify …")`, `t.Errorf`, `fmt.Println`. */
const MESSAGE = /^(?:Print\w*|Fatal\w*|Panic\w*|Error\w*|Warn\w*|Info\w*|Debug\w*|Log\w*|Skip\w*)$/;

/** go-sql-driver/mysql told to skip verification (see GO.mysqlSkipVerify). */
function mysqlSkipVerifyFindings(lx: Lexed, out: Finding[]): void {
  MYSQL_SKIP.lastIndex = 0;
  for (let m = MYSQL_SKIP.exec(lx.code); m; m = MYSQL_SKIP.exec(lx.code)) {
    const field = m[1] !== undefined;
    if (lx.kinds[m.index] !== (field ? Kind.Code : Kind.String)) continue;
    if (!field && MESSAGE.test(enclosingCall(lx, m.index)?.name ?? '')) continue;
    out.push(finding(lx, GO.mysqlSkipVerify, m.index, m.index + m[0].length, statementAt(lx, m.index)));
  }
}

/** Scans Go source (`path` tells a `_test.go` file: an obsolete version there is a fixture fed to the code under test). */
export function scanGo(text: string, path = ''): Finding[] {
  if (!PREFILTER.test(text)) return [];
  const lx = lex(text, SYNTAX.go);
  const out: Finding[] = [];
  // The file's own struct types, read when a field match asks (a pass over the file that most files never need).
  let own: Set<string> | undefined;
  const tlsField = (m: RegExpExecArray) =>
    m[1] !== ':' ||
    (!(own ??= ownStructs(lx)).has(literalType(lx, m.index) ?? '') &&
      !NOT_TLS_OPTIONS.test(literalType(lx, m.index) ?? '') &&
      !listenerOnly(lx, m.index));
  pushMatches(lx, SKIP, GO.insecureSkipVerify, out, 1, 0, tlsField);
  const named = out.length;
  pushMatches(
    lx,
    SKIP_NAME,
    GO.insecureSkipVerify,
    out,
    1,
    0,
    (m) => m[2] !== 'true' && m[2] !== 'false' && tlsField(m) && boundToTrue(lx, m[2]),
  );
  // `InsecureSkipVerify: skip` stays at the field (the TLS config's own); `skip := true` is shown as related.
  for (let i = named; i < out.length; i++) {
    const name = /(\w+)$/.exec(out[i].value)![1];
    const b = trueBinding(lx, name);
    if (b) out[i] = namingValue(lx, out[i], b[0], b[1]);
  }
  // A server's MinVersion only says which old clients it still accepts; nothing of its own connections is pinned.
  if (!/_test\.go$/i.test(path)) {
    pushMatches(lx, PROTOCOL, GO.obsoleteProtocol, out, 1, 0, (m) => !listenerOnly(lx, m.index));
  }
  if (lx.code.includes('TLSClientConfig') || lx.code.includes('InsecureSkipTLSVerify')) kubeFindings(lx, out);
  gitNoVerifyFindings(lx, out);
  if (lx.code.includes('skip-verify')) mysqlSkipVerifyFindings(lx, out);
  // A DSN bound to a name (`const dsn = "…?tls=skip-verify"`, `dsn := …`) is found where it reaches `sql.Open(…, dsn)`.
  const moved = out.length
    ? countReaches(stringSinks(lx, out, GO_FLOW, (f) => f.ruleId === GO.mysqlSkipVerify.id))
    : out;
  return dropExpectedFailuresGo(lx, moved);
}

/** One of these is in every PREFILTER match (see RuleFamily.needles). On the bench tree's 60 MB of Go (CPU, same
 * run): the prefilter alone 41 ms, with these first 23 ms. Chosen as RuleFamily.needles says. */
// `GIT_SSL_NO_VERIFY` set for a git the program runs, or in a CI template it writes (git-env.ts).
// go-sql-driver/mysql's `tls=skip-verify` (a DSN parameter or a mysql.Config's TLSConfig).
const NEEDLES = ['Insecu', 'TLS1', 'SSL30', 'TLSCli', 'GIT_SSL_NO', 'skip-verify'];

/** The Go family (`.go`). */
export const go: RuleFamily = defineFamily({
  id: 'go',
  prefilter: PREFILTER,
  needles: NEEDLES,
  rules: GO,
  notes: NOTES.code,
  appliesTo: (path, languageId) => languageId === 'go' || /\.go$/i.test(path),
  scan: (text, path) => scanGo(text, path),
});
