// JavaScript and TypeScript: `rejectUnauthorized: false` in any options object (https, tls, axios agents, got,
// undici `connect`, database drivers), NODE_TLS_REJECT_UNAUTHORIZED set to 0 in any spelling, `strictSSL: false`
// (request, VS Code-style settings objects) and a `checkServerIdentity` that never reports an error.
import { Kind, lex, Lexed, SYNTAX } from './lexer';
import {
  calleeStart,
  enclosingCall,
  enclosingOpen,
  eachCodeMatch,
  finding,
  gate,
  groupStart,
  literalOffsets,
  literalsPresent,
  matchingClose,
  present,
  pushMatches,
  statementAt,
  testFromLiterals,
  withLiterals,
} from './match';
import { defineFamily, NOTES } from './define';
import {
  bindingOf,
  countReaches,
  escapeRe,
  inTypeDeclaration,
  namingValue,
  ObjectFlow,
  objectSinks,
  stringSinks,
} from './flow';
import { Finding, RuleFamily } from './types';
import { JS } from './catalog/javascript';
import { dropExpectedFailuresJs } from './expect-failure';
import { gitNoVerifyFindings } from './git-env';
import { isMongoUriParameter, mongoUriParameters } from './mongo-uri';

/** The MongoDB switches that need no `ertificate` needle; read only in a file that names the driver (`mongo`). */
const MONGO_KEYS = String.raw`(?:tlsInsecure|tlsAllowInvalidHostnames)["']?\s*[:=]\s*true|sslValidate["']?\s*[:=]\s*false`;
const PREFILTER = new RegExp(
  String.raw`rejectUnauthorized|NODE_TLS_REJECT_UNAUTHORIZED|GIT_SSL_NO_VERIFY|strictSSL|checkServerIdentity|disableTLSCerts\s*\(|[iI]nsecureSkipTLSVerify|skipTLSVerify|tlsAllowInvalidCertificates|TLSv1['"${'`'}._]|SSLv[23]_|certificate-error|setCertificateVerifyProc|webContents\b[^)]{0,300}?ertificate|` +
    String.raw`(?:${MONGO_KEYS})(?=[\s\S]*?(?:mongo|MongoClient))|(?:mongo|MongoClient)(?=[\s\S]*?(?:${MONGO_KEYS}))`,
);
/**
 * One of these is in every PREFILTER match (see RuleFamily.needles): the prefilter's words in full where a part of
 * them let files through to it for nothing (on the scan bench's tree `NODE_T` passed 198 files, 7.7 MB, and `SSL`
 * 22 files, 13.8 MB, whose prefilter then failed: ~4 ns a byte), `kServe` for checkServerIdentity.
 */
const NEEDLES = [
  'rejectUnauthorized',
  'NODE_TLS_REJECT_UNAUTHORIZED',
  'strictSSL',
  'SSLv',
  'kServe',
  'TLSv1',
  // certificate-error, setCertificateVerifyProc, tlsAllowInvalidCertificates and a handler's `certificate` parameter
  // (after webContents). Searched from their rarest characters (`-error`, `Verify`, `wInval`, `webCon`: rules/needles.ts),
  // they stop the search at 1.3% of the characters of source code, `ertifi` at 3.5% (every `i`).
  'certificate-error',
  'setCertificateVerifyProc',
  'tlsAllowInvalidCertificates',
  'webContents',
  // superagent's disableTLSCerts().
  'TLSCer',
  // GIT_SSL_NO_VERIFY set for a git the program runs, or in a CI file it writes (git-env.ts).
  'GIT_SSL_NO',
  // k6's insecureSkipTLSVerify and @kubernetes/client-node's skipTLSVerify.
  'kipTLSVerify',
  // tlsInsecure, tlsAllowInvalidHostnames and sslValidate (one needle for three: they count only in a file that names
  // the driver, `require('mongodb')`, `mongoose`, `mongodb://`; each key as a needle of its own cost +14% apiece).
  'mongo',
  // The driver's class where its import is out of sight (`new MongoClient(uri, options)` below an options literal).
  'MongoClient',
];

/** `rejectUnauthorized: false`, `'rejectUnauthorized': false`, `opts.rejectUnauthorized = false`. Group 2 is the separator (must be code). */
const REJECT = withLiterals(/(["']?)\brejectUnauthorized\1\s*(:|=(?!=))\s*false\b/dg, ['rejectUnauthorized'], 1);
const STRICT = withLiterals(/(["']?)\bstrictSSL\1\s*(:|=(?!=))\s*false\b/dg, ['strictSSL'], 1);
/** `process.env.NODE_TLS_REJECT_UNAUTHORIZED = 0`, `env['NODE_TLS_REJECT_UNAUTHORIZED'] = '0'`, `{ NODE_TLS_REJECT_UNAUTHORIZED: "0" }`. */
const ENV =
  /(?:(\.\s*NODE_TLS_REJECT_UNAUTHORIZED|\[\s*(["'`])NODE_TLS_REJECT_UNAUTHORIZED\2\s*\])\s*(=(?!=))|(["']?)\bNODE_TLS_REJECT_UNAUTHORIZED\4\s*(:))\s*(?:0|(["'`])0\6)(?![\w.])/dg;
/** MongoDB driver / Mongoose: `tlsAllowInvalidCertificates: true`, `tlsInsecure: true`, `sslValidate: false` (group 2: the separator). */
const MONGO = withLiterals(
  /(["']?)\b(?:tlsAllowInvalidCertificates|tlsInsecure)\1\s*(:|=(?!=))\s*true\b|(["']?)\bsslValidate\3\s*(:|=(?!=))\s*false\b/dg,
  ['tlsAllowInvalidCertificates', 'tlsInsecure', 'sslValidate'],
  1,
);
/** `tlsAllowInvalidHostnames: true`: the certificate is checked, its host name is not. */
const MONGO_HOSTS = withLiterals(
  /(["']?)\btlsAllowInvalidHostnames\1\s*(:|=(?!=))\s*true\b/dg,
  ['tlsAllowInvalidHostnames'],
  1,
);
/** `minVersion: 'TLSv1'`, `secureProtocol: 'TLSv1_method'`, `tls.DEFAULT_MIN_VERSION = 'TLSv1.1'` (group 2: the separator). */
const PROTOCOL =
  /(["']?)\b(?:minVersion|maxVersion)\1\s*(:|=(?!=))\s*(["'`])TLSv1(?:\.1)?\3|(["']?)\bsecureProtocol\4\s*(:|=(?!=))\s*(["'`])(?:TLSv1|TLSv1_1|SSLv2|SSLv3)(?:_client|_server)?_method\6/dg;
const DEFAULT_VERSION = /(?:\b[\w$]+\.)?DEFAULT_M(?:IN|AX)_VERSION\s*=(?!=)\s*(["'`])TLSv1(?:\.1)?\1/g;
const CSI_KEY = withLiterals(/(["']?)\bcheckServerIdentity\1\s*(:|=(?!=)|(?=\())\s*/dg, ['checkServerIdentity'], 1);
/** Function values that return nothing: `() => undefined`, `() => {}`, `function () { return null; }`, method shorthand. */
const NOOP_FN =
  /^(?:(?:async\s+)?(?:\([^()]*\)|[\w$]+)\s*=>\s*(?:undefined|null|void\s+0|\{\s*(?:return(?:\s+(?:undefined|null|void\s+0))?\s*;?\s*)?\})|(?:function\s*[\w$]*\s*)?\([^()]*\)\s*(?::\s*[\w$|\s]+)?\{\s*(?:return(?:\s+(?:undefined|null|void\s+0))?\s*;?\s*)?\})/;

/** After an env map's `}`: the calls around it close and an assertion's matcher follows (`})).toEqual(`). */
const THEN_MATCHER = /^\s*(?:\)\s*)+\.\s*(?:not\s*\.\s*)?to[A-Z]\w*\s*\(/;

/**
 * An env map whose call's result an assertion checks at once (`expect(sanitizeEnv({ NODE_TLS_REJECT_UNAUTHORIZED:
 * "0", … })).toEqual(…)`): a test's input to code that filters environments, not the environment of a process. A
 * child started with it inside an expectation (`expect(spawnSync(…, { env }).status).toBe(0)`) is still read.
 */
function assertedEnvMap(lx: Lexed, at: number): boolean {
  let depth = 0;
  for (let i = at, seen = 0; i < lx.code.length && seen < 4000; i++, seen++) {
    if (lx.kinds[i] !== Kind.Code) continue;
    const c = lx.code[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === '}' && depth-- === 0) return THEN_MATCHER.test(lx.code.slice(i + 1, i + 200));
    if (depth < 0) return false;
  }
  return false;
}

/** A finding on a MongoDB URI parameter: followed from the URI bound to a name to the calls taking it (flow.ts). */
const isUriParameter = (f: Finding) => isMongoUriParameter(f.value);

/** Those parameters inside a string (`mongoose.connect("mongodb+srv://…/?tlsInsecure=true")`). */
function mongoUriFindings(lx: Lexed, out: Finding[]): void {
  for (const p of mongoUriParameters(lx)) {
    const rule = p.hostnames ? JS.mongoInvalidHostnames : JS.mongoInsecure;
    out.push(finding(lx, rule, p.start, p.end, statementAt(lx, p.start)));
  }
}

/** A mock's or assertion's expected arguments (`expect(https.Agent).toHaveBeenCalledWith({ rejectUnauthorized: false })`,
 * sinon's `calledWith`): what the code under test passed, stated by its test; no client is built there. */
const EXPECTATION =
  /^(?:toHaveBeenCalledWith|toHaveBeenLastCalledWith|toHaveBeenNthCalledWith|toBeCalledWith|lastCalledWith|nthCalledWith|calledWith|calledWithMatch|calledOnceWith|calledWithExactly|toEqual|toStrictEqual|toMatchObject|deepEqual|deepStrictEqual)$/;
function inExpectation(lx: Lexed, at: number): boolean {
  const open = enclosingOpen(lx, at, '{', 4000);
  return open >= 0 && EXPECTATION.test(enclosingCall(lx, open)?.name ?? '');
}

function envFindings(lx: Lexed, out: Finding[]): void {
  // In every match: no pass over a file without it (its offsets are kept across edits: match.ts).
  if (literalOffsets(lx, 'NODE_TLS_REJECT_UNAUTHORIZED').length === 0) return;
  ENV.lastIndex = 0;
  for (let m = ENV.exec(lx.code); m; m = ENV.exec(lx.code)) {
    const op = m[3] ? groupStart(m, 3) : groupStart(m, 5);
    if (lx.kinds[op] !== Kind.Code) continue;
    const start = m[1] ? calleeStart(lx, m.index) : m.index;
    if (!m[3] && assertedEnvMap(lx, m.index)) continue;
    out.push(finding(lx, JS.envVar, start, m.index + m[0].length, statementAt(lx, start)));
  }
}

function checkServerIdentity(lx: Lexed, out: Finding[]): void {
  eachCodeMatch(
    lx,
    CSI_KEY,
    (m) => {
      if (m[2] === '' && lx.code[m.index - 1] === '.') return; // a call such as tls.checkServerIdentity(host, cert)
      const at = m.index + m[0].length;
      const fn = NOOP_FN.exec(lx.code.slice(at, at + 300));
      if (fn) out.push(finding(lx, JS.checkServerIdentity, m.index, at + fn[0].length, statementAt(lx, m.index)));
    },
    2,
  );
}

function protocolFindings(lx: Lexed, out: Finding[]): void {
  eachCodeMatch(lx, PROTOCOL, (m) => {
    const sep = m[2] !== undefined ? 2 : 5;
    if (lx.kinds[groupStart(m, sep)] !== Kind.Code || inTypeDeclaration(lx, m.index)) return;
    out.push(finding(lx, JS.obsoleteProtocol, m.index, m.index + m[0].length, statementAt(lx, m.index)));
  });
  pushMatches(lx, DEFAULT_VERSION, JS.obsoleteProtocol, out);
}

/** Electron: `.on('certificate-error', (…, callback) => callback(true))` and `setCertificateVerifyProc((req, cb) => cb(0))`. */
const ELECTRON = /\.\s*on\s*\(\s*(["'`])certificate-error\1\s*,|\bsetCertificateVerifyProc\s*\(/g;
const HANDLER_PARAMS = /^\s*(?:async\s+)?(?:function\s*[\w$]*\s*)?\(([^()]*)\)|^\s*(?:async\s+)?([\w$]+)\s*=>/;
/** One parameter, optionally typed (`event: Electron.Event`). */
const PARAM = String.raw`[\w$]+(?:\s*:\s*[\w$.]+)?\s*`;
/**
 * A handler declared apart from its `app.on('certificate-error', handler)` (often in another file): a function whose
 * parameters are that event's, `(event, webContents, url, error, certificate, callback)`. Group 1 is the callback.
 */
const CERT_ERROR_SIGNATURE = new RegExp(
  String.raw`\(\s*${PARAM},\s*webContents(?:\s*:\s*[\w$.]+)?\s*,\s*${PARAM},\s*${PARAM},\s*[\w$]*[cC]ertificate[\w$]*(?:\s*:\s*[\w$.]+)?\s*,\s*([\w$]+)(?:\s*:[^()]*(?:\([^()]*\)[^()]*)?)?\)`,
  'g',
);
/** What a condition reads when it decides per certificate (a pin), not per URL or error code. */
const PER_CERTIFICATE = /fingerprint|issuer|\.certificate\b|\bcert(?:ificate)?\s*\.\s*data\b/i;

/** True when the call at `at` runs only under an `if` (after `from`) whose condition looks at the certificate. */
function pinnedGuard(lx: Lexed, from: number, at: number): boolean {
  const IF = /\bif\s*\(/g;
  IF.lastIndex = from;
  for (let m = IF.exec(lx.code); m && m.index < at; m = IF.exec(lx.code)) {
    if (lx.kinds[m.index] !== Kind.Code) continue;
    const open = m.index + m[0].length - 1;
    const close = matchingClose(lx, open);
    if (close > at) continue;
    const next = /\S/.exec(lx.code.slice(close, close + 200));
    const blockStart = next ? close + next.index : close;
    const blockEnd =
      lx.code[blockStart] === '{' ? matchingClose(lx, blockStart) : lx.code.indexOf('\n', blockStart) >>> 0;
    if (at < blockEnd && PER_CERTIFICATE.test(lx.code.slice(open, close))) return true;
  }
  return false;
}

/** Every `callback(true)` (or `cb(0)`) in [from, end) that no certificate check guards. */
function acceptCalls(lx: Lexed, callback: string, value: string, from: number, end: number, out: Finding[]): void {
  const accept = new RegExp(`(?<![\\w$.])${callback.replace(/\$/g, '\\$')}\\s*\\(\\s*${value}\\s*\\)`, 'g');
  accept.lastIndex = from;
  for (let c = accept.exec(lx.code); c && c.index < end; c = accept.exec(lx.code)) {
    if (lx.kinds[c.index] === Kind.Code && !pinnedGuard(lx, from, c.index)) {
      out.push(finding(lx, JS.electron, c.index, c.index + c[0].length, statementAt(lx, c.index)));
    }
  }
}

function electronFindings(lx: Lexed, out: Finding[]): void {
  eachCodeMatch(lx, ELECTRON, (m) => {
    const at = m.index + m[0].length;
    const open = m[1] ? lx.code.lastIndexOf('(', at) : at - 1;
    const end = matchingClose(lx, open);
    const params = HANDLER_PARAMS.exec(lx.code.slice(at, Math.min(end, at + 400)));
    const last =
      params &&
      (params[2] ??
        params[1]
          .split(',')
          .pop()!
          .replace(/[:=][\s\S]*$/, '')
          .trim());
    if (!last || !/^[\w$]+$/.test(last)) return;
    acceptCalls(lx, last, m[1] ? 'true' : '0', at + params[0].length, end, out);
  });
  if (literalOffsets(lx, 'webContents').length === 0) return;
  eachCodeMatch(lx, CERT_ERROR_SIGNATURE, (m) => {
    const close = m.index + m[0].length;
    // The body: `{` after the parameters (past `=>` or a return type), never another call's parentheses.
    const body = /^\s*(?::\s*[\w$.<>| ]+)?\s*(?:=>\s*)?\{/.exec(lx.code.slice(close, close + 200));
    if (!body || inTypeDeclaration(lx, m.index)) return;
    const brace = close + body[0].length - 1;
    const before = out.length;
    acceptCalls(lx, m[1], 'true', brace, matchingClose(lx, brace), out);
    // A handler passed inline to `.on('certificate-error', …)` was read above: keep one finding per place.
    const seen = new Set(out.slice(0, before).map((f) => `${f.range.start.line}:${f.range.start.character}`));
    for (let i = out.length - 1; i >= before; i--) {
      if (seen.has(`${out[i].range.start.line}:${out[i].range.start.character}`)) out.splice(i, 1);
    }
  });
}

/**
 * `rejectUnauthorized: insecure` / `strictSSL: flag`: followed to `const insecure = false`. (The shorthand
 * `{ rejectUnauthorized }` needs no flow: its `const rejectUnauthorized = false` is itself a finding.)
 */
const NAMED_FLAG = withLiterals(
  /(["']?)\b(rejectUnauthorized|strictSSL)\1\s*(:|=(?!=))\s*([A-Za-z_$][\w$]*)\b(?!\s*[.([?])/dg,
  ['rejectUnauthorized', 'strictSSL'],
  1,
);

/** The binding when `name` is bound once, to `false`, in this file (`const insecure = false`, `let x: boolean = false`). */
function boundToFalse(lx: Lexed, name: string): { start: number; end: number } | undefined {
  const b = bindingOf(lx, name, 'false', '(?:const|let|var)[ \\t]+');
  if (!b) return undefined;
  const writes = lx.code.match(new RegExp(`(?<![\\w$.])${escapeRe(name)}\\s*=(?![=>])`, 'g'));
  return (writes?.length ?? 0) === 1 ? b : undefined;
}

function namedFlagFindings(lx: Lexed, out: Finding[]): void {
  eachCodeMatch(
    lx,
    NAMED_FLAG,
    (m) => {
      const name = m[4];
      const bound = /^(?:true|false|undefined|null|this)$/.test(name) ? undefined : boundToFalse(lx, name);
      if (!bound || inTypeDeclaration(lx, m.index)) return;
      const rule = m[2] === 'strictSSL' ? JS.strictSsl : JS.rejectUnauthorized;
      const f = finding(
        lx,
        rule,
        m.index,
        m.index + m[0].length,
        statementAt(lx, m.index),
        `${rule.title} (${name} is false)`,
      );
      out.push(namingValue(lx, f, bound.start, bound.end));
    },
    3,
  );
}

/**
 * Server constructors (`https.createServer`, `tls.createServer`, `http2.createSecureServer`, `new https.Server`): in
 * their options rejectUnauthorized is about client certificates, and only matters with `requestCert: true` (Node's
 * tls docs), so `rejectUnauthorized: false` there switches no server-certificate check off.
 */
const SERVER_CALL = /(?:^|\.)(?:createServer|createSecureServer)$|^(?:https|tls|http2|spdy)\.Server$/;
/** Keys set only on a server's (or server-side socket's) options: asking for client certificates, or being the server
 * (`requestCert: false` is copied into client agents too, so only `true` says server). */
const SERVER_KEY = /(["']?)\b(?:requestCert|isServer)\1\s*:\s*true\b/;
/** Client constructors and calls, which win over a stray server key: `new https.Agent({ requestCert: true, … })`. */
const CLIENT_CALL = /(?:^|\.)(?:Agent|connect|request|get|fetch|create)$/;

/** True when the object literal around `at` is a server's options: passed to a server constructor (directly or
 * through the variable it is bound to), or holding a server-only key. */
function serverOptions(lx: Lexed, at: number): boolean {
  const open = enclosingOpen(lx, at, '{', 4000);
  if (open < 0) return false;
  const call = enclosingCall(lx, open);
  const direct = call !== undefined && /^[^(){}[\]]*$/.test(lx.code.slice(call.open + 1, open));
  if (direct && SERVER_CALL.test(call.callee)) return true;
  if (direct && CLIENT_CALL.test(call.callee)) return false;
  if (SERVER_KEY.test(lx.code.slice(open, matchingClose(lx, open, 8000)))) return true;
  const bound = /(?:^|[^\w$.])([A-Za-z_$][\w$]*)\s*=\s*$/.exec(lx.code.slice(Math.max(0, open - 80), open));
  if (!bound) return false;
  const passed = new RegExp(`(?:createServer|createSecureServer|\\bServer)\\s*\\(\\s*${escapeRe(bound[1])}\\b`);
  return passed.test(lx.code);
}

/** k6 `options = { insecureSkipTLSVerify: true }`, @kubernetes/client-node clusters `{ skipTLSVerify: true }` (group 2: the separator). */
const SKIP_TLS_VERIFY = /(["']?)\b(?:insecureSkipTLSVerify|skipTLSVerify)\1\s*(:|=(?!=))\s*true\b/dg;

/** superagent `request.get(url).disableTLSCerts()` (and supertest, which inherits it). */
const DISABLE_TLS = /(?<=\.\s*)disableTLSCerts\s*\(\s*\)/g;

/** Scans JavaScript or TypeScript source. */
/** The keywords of the verification switches (every matcher but the protocol and Electron ones needs one). */
const SWITCHES =
  /rejectUnauthorized|NODE_TLS_REJECT_UNAUTHORIZED|strictSSL|checkServerIdentity|tlsAllowInvalid|tlsInsecure|sslValidate/;
/** A protocol option near an obsolete version, on the raw text: `TLSv1` alone is common in node_modules (TLS
 * libraries name it everywhere), and lexing every such file doubled this family's time on a real tree. The gap allows
 * comments between option and value, which the matchers (on comment-blanked code) may skip. */
const PROTOCOL_NEAR = withLiterals(
  /(?:minVersion|maxVersion|secureProtocol|DEFAULT_M(?:IN|AX)_VERSION)[\s\S]{0,160}?(?:TLSv1|SSLv[23])/g,
  ['minVersion', 'maxVersion', 'secureProtocol', 'DEFAULT_MIN_VERSION', 'DEFAULT_MAX_VERSION'],
);
const ELECTRON_WORDS = withLiterals(/certificate-error|setCertificateVerifyProc|webContents\b[^)]{0,300}?ertificate/g, [
  'certificate-error',
  'setCertificateVerifyProc',
  'webContents',
]);

/** Option objects bound to a name and passed on: `var options = { secureProtocol: 'TLSv1_method' }` …
 * `mqtt.connect(options)` is found at `options` in the call (flow.ts). */
export const JS_FLOW: ObjectFlow = {
  binding:
    // Any one word before the name (`const`, `let`, `else`, or the tail `t` of a `const` an excerpt's first line cut).
    /(?:^|[;{}()\n,])[ \t]*(?:export[ \t]+)?(?:[a-z]+[ \t]+)?([A-Za-z_$][\w$]*)[ \t]*(?::[^=;\n]{1,80})?=[ \t\r\n]*$/,
  opens: '{[',
  nested: /[:,[][ \t\r\n]*$/,
  member: /^[ \t]*([A-Za-z_$][\w$]*)\.$/,
  definitionAfter: /^[ \t]*(?:\{|=>|:[ \t]*(?:[\w$<>[\]|]+[ \t]*)?\{)/,
};

export function scanJavaScript(text: string): Finding[] {
  if (!PREFILTER.test(text)) return [];
  const switches = gate(SWITCHES, text);
  const protocol = literalsPresent(PROTOCOL_NEAR, text) && testFromLiterals(PROTOCOL_NEAR, text);
  const electron = literalsPresent(ELECTRON_WORDS, text) && testFromLiterals(ELECTRON_WORDS, text);
  // Keyword gates through `present`: kept across a re-scan's edit, not a search of the whole file each (match.ts).
  const superagent = present(text, 'disableTLSCerts');
  const skipTls = present(text, 'kipTLSVerify');
  const git = present(text, 'GIT_SSL_NO_VERIFY');
  if (!switches && !protocol && !electron && !superagent && !skipTls && !git) return [];
  const lx = lex(text, SYNTAX.js);
  const out: Finding[] = [];
  if (switches) {
    const value = (m: RegExpExecArray) => !inTypeDeclaration(lx, m.index) && !inExpectation(lx, m.index);
    // Only an object literal's key (`opts.rejectUnauthorized = false` is read wherever opts goes).
    const client = (m: RegExpExecArray) => value(m) && !(m[2] === ':' && serverOptions(lx, m.index));
    pushMatches(lx, REJECT, JS.rejectUnauthorized, out, 2, 0, client);
    pushMatches(lx, STRICT, JS.strictSsl, out, 2, 0, value);
    // tlsInsecure, sslValidate and tlsAllowInvalidHostnames count only where the driver is named (the family's needle).
    // The driver is named, or its own option names are beside (an options object whose `mongoose.connect` is out of sight).
    const mongo =
      present(text, 'mongo') ||
      present(text, 'Mongo') ||
      present(text, 'tlsAllowInvalidCertificates') ||
      present(text, 'tlsCAFile');
    const driver = (m: RegExpExecArray) => value(m) && (mongo || m[0].includes('tlsAllowInvalidCertificates'));
    pushMatches(lx, MONGO, JS.mongoInsecure, out, 2, 0, driver);
    pushMatches(lx, MONGO, JS.mongoInsecure, out, 4, 0, driver);
    if (mongo) pushMatches(lx, MONGO_HOSTS, JS.mongoInvalidHostnames, out, 2, 0, value);
    if (mongo) mongoUriFindings(lx, out);
    namedFlagFindings(lx, out);
    envFindings(lx, out);
    checkServerIdentity(lx, out);
  }
  if (superagent) pushMatches(lx, DISABLE_TLS, JS.superagent, out);
  if (skipTls) pushMatches(lx, SKIP_TLS_VERIFY, JS.skipTlsVerify, out, 2, 0, (m) => !inTypeDeclaration(lx, m.index));
  if (protocol) protocolFindings(lx, out);
  if (electron) electronFindings(lx, out);
  if (git) gitNoVerifyFindings(lx, out);
  const kept = dropExpectedFailuresJs(lx, out);
  return countReaches(objectSinks(lx, stringSinks(lx, kept, JS_FLOW, isUriParameter), JS_FLOW));
}

const JS_LANGUAGES = new Set(['javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'vue', 'svelte']);

/** The JavaScript/TypeScript family (`.js .mjs .cjs .jsx .ts .mts .cts .tsx .vue .svelte`). */
export const javascript: RuleFamily = defineFamily({
  id: 'javascript',
  prefilter: PREFILTER,
  needles: NEEDLES,
  rules: JS,
  notes: NOTES.code,
  appliesTo: (path, languageId) =>
    (languageId !== undefined && JS_LANGUAGES.has(languageId)) || /\.(?:[cm]?[jt]sx?|vue|svelte)$/i.test(path),
  scan: (text) => scanJavaScript(text),
});
