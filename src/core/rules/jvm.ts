// Java and Kotlin: trust managers that accept every chain, host name verifiers that accept every host, and the
// Apache HttpClient no-op verifiers.
import { Kind, lex, Lexed, SYNTAX } from './lexer';
import {
  eachCodeMatch,
  enclosingCall,
  finding,
  gate,
  groupEnd,
  groupStart,
  lineAt,
  matchingClose,
  present,
  pushMatches,
  rewritten,
  statementAt,
  withLiterals,
} from './match';
import { atSink, countReaches, throughMessage } from './flow';
import { envRuleFor } from './env';
import { defineFamily, NOTES } from './define';
import { Finding, RuleFamily } from './types';
import { JVM } from './catalog/jvm';

/**
 * Keywords without which no rule of this family can match (see RuleFamily.prefilter): the union of the gates in
 * `scanJvm`. Case-sensitive like the matchers (a case-insensitive alternation cost several times more on the JDK's
 * sources), except the host name verifier's first letter, which call names vary (`setHostnameVerifier`,
 * OkHttp's `hostnameVerifier`).
 */
const PREFILTER =
  /checkServerTrusted|[hH]ostnameVerifier|HOSTNAME_VERIFIER|SSLConnectionSocketFactory|Trust(?:All|SelfSigned)?Strategy|isTrusted|loadTrustMaterial|onReceivedSslError|SSLSession|TLSv1|TLSV1|SSLv|SSLV[23]|TLS_1_|SSL_3_0|InsecureTrustManagerFactory|[rR]elaxedHTTPSValidation|verifySsl|validateTLSCertificates|disableHostnameVerification|sslVerify\s*=\s*false|ENDPOINT_IDENTIFICATION_ALGORITHM|endpoint\.identification\.algorithm|SSL_VERIFICATION_?MODE/;
/** One of these is in every PREFILTER match (see RuleFamily.needles): `Trust` for the five trust words. On the
 * bench tree's 61 MB of JDK sources (CPU, same run): the prefilter alone 103 ms, the longer needles before these
 * (`Verifier`, `HOSTNAME_`, `SslError`) 56 ms, these 21 ms.
 * Chosen as RuleFamily.needles says. `HTTPSVal`, `verifySsl` and `Verify` (uni-app x's `sslVerify = false`: 7 ms CPU on
 * the bench's 61 MB of Java, `lVerify` cost 25) are for the library switches (`CLIENT_SWITCHES`); `ENDPOINT_I` /
 * `endpoint.i` for Kafka's settings (`KAFKA_WORDS`). */
const NEEDLES = [
  'Trust',
  'Verifi',
  'HOSTNA',
  'SslErr',
  'SSL',
  'TLS',
  'HTTPSVal',
  'verifySsl',
  'Verify',
  'ENDPOINT_I',
  'endpoint.i',
];
/** Gates of the matchers in `scanJvm`: a file is lexed only when one of them passes. */
const VERIFIER_WORDS = /[hH]ostnameVerifier|HOSTNAME_VERIFIER|SSLConnectionSocketFactory/;
const STRATEGY_WORDS = /Trust(?:All|SelfSigned)?Strategy|isTrusted|loadTrustMaterial/;
// JCA algorithm names are case-insensitive (`getInstance("TLSV1")` is TLS 1.0): upper case is common, the rest rare.
const PROTOCOL_WORDS = /TLSv1|TLSV1|SSLv|SSLV[23]|TLS_1_|SSL_3_0/;

const CHECK_SERVER = withLiterals(/\b(?:void|fun)\s+(checkServerTrusted)\s*\(/dg, ['void', 'fun']);
/** Body of a method that does nothing: `{}`, `{ return; }` (Java) or Kotlin's `= Unit`. */
const EMPTY_BODY = /^\s*(?:throws\s+[\w.,\s]+)?(?::\s*Unit\s*)?(?:\{\s*(?:return\s*;?\s*)?\}|=\s*Unit\b)/;
const LAMBDA = withLiterals(
  rewritten(
    /\([^()]*\)\s*->\s*(?:true\b|\{\s*return\s+true\s*;?\s*\})/dg,
    /\(\s*[^()]*\)\s*->\s*(?:true\b|\{\s*return\s+true\s*;?\s*\})/dg,
  ),
  ['->'],
  Infinity,
);
const KOTLIN_SAM = withLiterals(
  rewritten(
    /\b(?:HostnameVerifier|hostnameVerifier|setHostnameVerifier|setDefaultHostnameVerifier)\s*(?:\(\s*)?\{[\w\s,:?]*->\s*true\s*\}/dg,
    /\b(?:HostnameVerifier|hostnameVerifier|setHostnameVerifier|setDefaultHostnameVerifier)\s*(?:\(\s*)?\{\s*[\w\s,:?]*->\s*true\s*\}/dg,
  ),
  ['ostnameVerifier'],
  11,
);
const VERIFY_METHOD =
  /\b(?:boolean|fun)\s+verify\s*\(([^()]*SSLSession[^()]*)\)\s*(?::\s*Boolean\s*)?(?:\{\s*return\s+true\s*;?\s*\}|=\s*true\b)/dg;
/** Groovy: a map coerced to a trust manager whose `checkServerTrusted` closure does nothing (`[checkServerTrusted: { c, a -> }, …] as X509TrustManager`). */
const GROOVY_MAP_TRUST = /\b(checkServerTrusted)\s*:\s*\{\s*(?:[\w\s,]*->)?\s*(?:null\s*|return\s*)?\}/dg;
/** Groovy: a closure returning true coerced to a verifier (`{ h, s -> true } as HostnameVerifier`). */
const GROOVY_AS_VERIFIER = rewritten(
  /\{[\w\s,]*->\s*true\s*\}\s*as\s+(?:javax\.net\.ssl\.)?HostnameVerifier\b/dg,
  /\{\s*[\w\s,]*->\s*true\s*\}\s*as\s+(?:javax\.net\.ssl\.)?HostnameVerifier\b/dg,
);
/** Netty's trust manager that accepts everything (`SslContextBuilder.forClient().trustManager(…)`). */
const INSECURE_FACTORY = /(?:\b[\w.]+\.)?\bInsecureTrustManagerFactory\s*\.\s*INSTANCE\b/g;
/** Client libraries' own switches: RestAssured, Unirest, Jsoup, the JDK HttpClient's host name property, and uni-app x
 * (UTS, Kotlin) request options' `sslVerify = false` (a named argument, or a property set). */
const CLIENT_SWITCHES =
  /\b(?:(?:use)?[rR]elaxedHTTPSValidation\s*\(\s*(?:"[^"\n]*"\s*)?\)|verifySsl\s*\(\s*false\s*\)|validateTLSCertificates\s*\(\s*false\s*\)|setProperty\s*\(\s*"jdk\.internal\.httpclient\.disableHostnameVerification"\s*,\s*"true"\s*\)|(?<![\w$])sslVerify\s*=(?!=)\s*false\b)/g;
const CLIENT_WORDS =
  /InsecureTrustManagerFactory|[rR]elaxedHTTPSValidation|verifySsl|validateTLSCertificates|disableHostnameVerification|sslVerify/;
const NOOP = withLiterals(
  /(?:\bnew\s+)?\b(?:[\w.]+\.)?(?:NoopHostnameVerifier|AllowAllHostnameVerifier|ALLOW_ALL_HOSTNAME_VERIFIER)\b(?:\.INSTANCE\b|\s*\(\s*\))?/dg,
  ['NoopHostnameVerifier', 'AllowAllHostnameVerifier', 'ALLOW_ALL_HOSTNAME_VERIFIER'],
  Infinity,
);

/** Statements that cannot throw a CertificateException: logging (`log`, `LOGGER`, `mLogger`, `sLog`, Timber) and printing (strings already emptied). */
const LOG_STATEMENT =
  /^(?:(?:(?:[\w$]+\s*\.\s*)*(?:[a-z]{1,2}_?|_)?(?:log(?:ger)?|LOG(?:GER)?|Log(?:ger)?|Timber)|System\s*\.\s*(?:out|err))\s*\.\s*\w+\s*\([^;]*\)|(?:println|print|printf)\s*\([^;]*\)|\w+\s*\.\s*printStackTrace\s*\(\s*\)|return)$/;
const HEAD = /^\s*(?:throws\s+[\w.,\s]+)?(?::\s*Unit\s*)?\{/;

/** `{ Log.d(…); System.out.println(…); }`: a body of logging statements only (strings blanked, comments gone). */
function onlyLogs(lx: Lexed, close: number): number | undefined {
  const head = HEAD.exec(lx.code.slice(close, close + 300));
  if (!head) return undefined;
  const open = close + head[0].length - 1;
  const end = matchingClose(lx, open);
  let body = '';
  for (let i = open + 1; i < end - 1; i++) body += lx.kinds[i] === Kind.String ? '' : lx.code[i];
  if (/\bthrow\b/.test(body)) return undefined;
  const statements = splitStatements(withoutControlFlow(body))
    .map((x) => x.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  return statements.length && statements.every(cannotThrow) ? end : undefined;
}

/** Calls that only read (getters, `equals`, `size`): they do not check a chain, whatever they return. */
const READ_CALL = /^(?:get\w*|is[A-Z]\w*|equals|size|length|isEmpty|toString|contains|hashCode|name|count)$/;
/** `x = …`, `this.x = …`, `Type x = …`, `val x = …`, `x++`: an assignment or declaration (its calls judged apart). */
const ASSIGNMENT =
  /^(?:(?:final\s+|val\s+|var\s+)?[\w$.<>[\], ]+?\s+)?[\w$.[\]]+\s*(?::\s*[\w.<>?]+\s*)?(?:[-+*/|&]?=(?!=)\s*[^=][\s\S]*|\+\+|--)$/;

/**
 * A statement that cannot reject a chain: logging or printing, `return`, or an assignment or declaration whose calls
 * only read (`String s = cert.getSubjectDN().getName()`, `this.chain = chain`). A call to anything else (a delegate,
 * `checkValidity()`, a helper of the project) may throw, so it is not one.
 */
function cannotThrow(statement: string): boolean {
  if (LOG_STATEMENT.test(statement)) return true;
  return ASSIGNMENT.test(statement) && onlyReads(statement);
}

/** Every call in `code` is a READ_CALL (`a.getB().getC()`, `x.length`). */
function onlyReads(code: string): boolean {
  for (const m of code.matchAll(/([\w$]+)\s*\(/g)) if (!READ_CALL.test(m[1])) return false;
  return true;
}

/**
 * The body with its control flow turned into statement breaks: `if (DEBUG) {`, `for (X509Certificate c : chain) {`,
 * `} else {`, `try {`, `catch (Exception e) {`. A condition may call only readers (`if (chain.length > 0)`); one that
 * calls anything else (`if (!verifier.verify(chain))`) leaves the header in place, which no statement test accepts.
 */
function withoutControlFlow(body: string): string {
  let out = '';
  let i = 0;
  const HEADER = /\b(?:if|for|while|catch|when)\s*\(/g;
  for (let m = HEADER.exec(body); m; m = HEADER.exec(body)) {
    let depth = 0;
    let j = m.index + m[0].length - 1;
    for (; j < body.length; j++) {
      if (body[j] === '(') depth++;
      else if (body[j] === ')' && --depth === 0) break;
    }
    const condition = body.slice(m.index + m[0].length, j);
    if (/^\s*\w+\s*(?:\w+\s*)?(?::|\bin\b)/.test(condition) || onlyReads(condition)) {
      out += body.slice(i, m.index) + ';';
      i = j + 1;
    }
    HEADER.lastIndex = j + 1;
  }
  out += body.slice(i);
  return out.replace(/[{}]|\b(?:else|try|finally|do)\b/g, ';');
}

/** Java `;` and Kotlin newlines end statements, but not a newline inside parentheses (`println(\n "…" + x)`). */
function splitStatements(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ';' || (c === '\n' && depth === 0)) {
      out.push(body.slice(from, i));
      from = i + 1;
    }
  }
  out.push(body.slice(from));
  return out;
}

/** A `verify(String, SSLSession)` method's head, up to its body's `{` (Java, or Kotlin's `fun … : Boolean {`). */
const VERIFY_HEAD = /\b(?:boolean|fun)\s+verify\s*\(([^()]*SSLSession[^()]*)\)\s*(?::\s*Boolean\s*)?\{/dg;

/**
 * A verifier whose body only logs or prints and then returns true (`System.out.println(">>> " + hostname); return
 * true;`): it accepts every host all the same. The empty `{ return true; }` is VERIFY_METHOD's.
 */
function verifyLogsThenTrue(lx: Lexed, out: Finding[]): void {
  eachCodeMatch(lx, VERIFY_HEAD, (m) => {
    const open = m.index + m[0].length - 1;
    const end = matchingClose(lx, open);
    let body = '';
    for (let i = open + 1; i < end - 1; i++) body += lx.kinds[i] === Kind.String ? '' : lx.code[i];
    const statements = splitStatements(body)
      .map((x) => x.trim().replace(/\s+/g, ' '))
      .filter(Boolean);
    if (statements.pop() !== 'return true' || statements.length === 0) return;
    if (!statements.every((x) => x !== 'return' && LOG_STATEMENT.test(x))) return;
    out.push(finding(lx, JVM.hostnameVerifier, m.index, end, [lineAt(lx, m.index)[0], end]));
  });
}

function trustAll(lx: Lexed, out: Finding[]): void {
  eachCodeMatch(lx, CHECK_SERVER, (m) => {
    const open = m.index + m[0].length - 1;
    const close = matchingClose(lx, open);
    const logs = EMPTY_BODY.test(lx.code.slice(close, close + 300)) ? undefined : onlyLogs(lx, close);
    const body = logs !== undefined ? [lx.code.slice(close, logs)] : EMPTY_BODY.exec(lx.code.slice(close, close + 300));
    if (!body) return;
    const start = m.index + m[0].indexOf('checkServerTrusted');
    out.push(
      finding(lx, JVM.trustAll, start, close + body[0].length, [lineAt(lx, m.index)[0], close + body[0].length]),
    );
  });
}

/** A `(h, s) -> true` lambda counts only where a HostnameVerifier is expected. */
function verifierLambda(lx: Lexed) {
  return (m: RegExpExecArray) => {
    const call = enclosingCall(lx, m.index);
    if (call && /hostnameverifier$/i.test(call.name)) return true;
    // Apache HttpClient's `new SSLConnectionSocketFactory(ctx, [protocols, ciphers,] verifier)`: a two-parameter
    // lambda there can only be the HostnameVerifier, whatever its parameters are named (`(value, sslSession) -> true`).
    if (call?.name === 'SSLConnectionSocketFactory' && /\bnew\s*$/.test(lx.code.slice(call.start - 12, call.start))) {
      return /^\(\s*[^(),]+,[^(),]+\)/.test(m[0]);
    }
    const [ls] = statementAt(lx, m.index);
    // Only the text just before the lambda: a declaration is short, and a whole long line per match is quadratic.
    return /HostnameVerifier\s+\w+\s*=\s*$/.test(lx.code.slice(Math.max(ls, m.index - 200), m.index));
  };
}

/** `SSLContext.getInstance("TLSv1")` (any case, as the JCA reads it): the finding is the string literal (group 1). */
const GET_INSTANCE = withLiterals(
  /\bSSLContext\s*\.\s*getInstance\s*\(\s*("(?:[Tt][Ll][Ss][Vv]1(?:\.1)?|[Ss][Ss][Ll][Vv][23])")/dg,
  ['SSLContext'],
);
const ENABLED = withLiterals(
  /\b(?:setEnabledProtocols\s*\(|new\s+SSLConnectionSocketFactory\s*\(\s*[\w$.]+\s*,)\s*((?:new\s+String\s*\[\s*\]\s*)?\{[^{}]*\}|arrayOf\s*\([^()]*\))/dg,
  ['setEnabledProtocols', 'new'],
);
const OKHTTP_VERSION = withLiterals(/\bTlsVersion\s*\.\s*(?:TLS_1_0|TLS_1_1|SSL_3_0)\b/g, ['TlsVersion']);

/**
 * `SSLContext.getInstance("TLSv1.1");` as a statement of its own: the context is thrown away, a probe of whether the
 * JVM still supports the version (`try { … } catch (NoSuchAlgorithmException e)`), not one any connection uses.
 */
function discarded(lx: Lexed, m: RegExpExecArray): boolean {
  const before = lx.code.slice(Math.max(0, m.index - 200), m.index).replace(/\s+$/, '');
  if (before !== '' && !/[;{}]$/.test(before)) return false;
  return /^\s*\)\s*;/.test(lx.code.slice(m.index + m[0].length, m.index + m[0].length + 20));
}

function protocolFindings(lx: Lexed, out: Finding[]): void {
  eachCodeMatch(lx, GET_INSTANCE, (m) => {
    if (!discarded(lx, m)) {
      out.push(finding(lx, JVM.obsoleteProtocol, groupStart(m, 1), groupEnd(m, 1), statementAt(lx, m.index)));
    }
  });
  eachCodeMatch(lx, ENABLED, (m) => {
    const versions = [...m[1].matchAll(/"([^"]*)"/g)].map((v) => v[1]);
    if (versions.length && versions.every((v) => /^(?:TLSv1|TLSv1\.1|SSLv3|SSLv2|SSLv2Hello)$/i.test(v))) {
      out.push(finding(lx, JVM.obsoleteProtocol, groupStart(m, 1), groupEnd(m, 1), statementAt(lx, m.index)));
    }
  });
  pushMatches(lx, OKHTTP_VERSION, JVM.obsoleteProtocol, out);
}

const STRATEGY = withLiterals(
  /(?:\bnew\s+)?\b(?:[\w.]+\.)?(?:TrustAllStrategy|TrustSelfSignedStrategy)\b(?:\s*\.\s*INSTANCE\b|\s*\(\s*\))?/g,
  ['TrustAllStrategy', 'TrustSelfSignedStrategy'],
  Infinity,
);
const IS_TRUSTED =
  /\b(?:boolean|fun)\s+isTrusted\s*\([^()]*\)\s*(?::\s*Boolean\s*)?(?:throws\s+[\w.,\s]+)?(?:\{\s*return\s+true\s*;?\s*\}|=\s*true\b)/g;
const KOTLIN_STRATEGY = rewritten(
  /\bTrustStrategy\s*\{[\w\s,:?<>[\]]*->\s*true\s*\}/g,
  /\bTrustStrategy\s*\{\s*[\w\s,:?<>[\]]*->\s*true\s*\}/g,
);
const TRUE_LAMBDA = rewritten(
  /\([^()]*\)\s*->\s*(?:true\b|\{\s*return\s+true\s*;?\s*\})|\{[\w\s,:?<>[\]]*->\s*true\s*\}/g,
  /\(\s*[^()]*\)\s*->\s*(?:true\b|\{\s*return\s+true\s*;?\s*\})|\{\s*[\w\s,:?<>[\]]*->\s*true\s*\}/g,
);
/** Kotlin's trailing lambda: `loadTrustMaterial(null) { _, _ -> true }` (group 1 is the lambda). */
const KOTLIN_TRAILING = rewritten(
  /\bloadTrustMaterial\s*\([^()]*\)\s*(\{[\w\s,:?<>[\]]*->\s*true\s*\})/dg,
  /\bloadTrustMaterial\s*\([^()]*\)\s*(\{\s*[\w\s,:?<>[\]]*->\s*true\s*\})/dg,
);
const PROCEED = /\b[\w$]+\s*\??\.\s*proceed\s*\(\s*\)/g;
const HANDLER_PROCEED = /\b[\w$]*[hH]andler[\w$]*\s*\??\.\s*proceed\s*\(\s*\)/g;

function notImport(lx: Lexed) {
  return (m: RegExpExecArray) => !/^\s*import\b/.test(lx.code.slice(...lineAt(lx, m.index)));
}

function trustStrategies(lx: Lexed, out: Finding[]): void {
  pushMatches(lx, STRATEGY, JVM.trustStrategy, out, 0, 0, notImport(lx));
  pushMatches(lx, IS_TRUSTED, JVM.trustStrategy, out);
  pushMatches(lx, KOTLIN_STRATEGY, JVM.trustStrategy, out);
  pushMatches(lx, KOTLIN_TRAILING, JVM.trustStrategy, out, 1, 1);
  // A bare lambda counts only as loadTrustMaterial's argument, or as the value of a variable declared a
  // TrustStrategy (`TrustStrategy acceptAll = (chain, authType) -> true;`, the form most tutorials show).
  pushMatches(lx, TRUE_LAMBDA, JVM.trustStrategy, out, 0, 0, (m) => {
    const before = lx.code.slice(Math.max(0, m.index - 200), m.index);
    if (/\bTrustStrategy\s+[\w$]+\s*=\s*$/.test(before)) return true;
    return enclosingCall(lx, m.index)?.name === 'loadTrustMaterial' && !/TrustStrategy\s*$/.test(before.slice(-30));
  });
}

/** `handler.proceed()` inside an `onReceivedSslError` override body. */
function webviewProceed(lx: Lexed, out: Finding[]): void {
  const bodies: [number, number][] = [];
  eachCodeMatch(lx, /\bonReceivedSslError\s*\(/g, (m) => {
    const params = matchingClose(lx, m.index + m[0].length - 1);
    const head = /^\s*(?::\s*Unit\s*)?\{/.exec(lx.code.slice(params, params + 100));
    if (!head) return;
    const open = params + head[0].length - 1;
    const end = matchingClose(lx, open);
    bodies.push([open, end]);
    PROCEED.lastIndex = open;
    for (let p = PROCEED.exec(lx.code); p && p.index < end; p = PROCEED.exec(lx.code)) {
      if (lx.kinds[p.index] === Kind.Code) {
        out.push(finding(lx, JVM.webviewProceed, p.index, p.index + p[0].length, statementAt(lx, p.index)));
      }
    }
  });
  // A handler's no-argument proceed() outside any body seen: the override's header is out of sight (an excerpt, a
  // decompiled method split by the tool), and in a file that names onReceivedSslError only SslErrorHandler has it.
  pushMatches(
    lx,
    HANDLER_PROCEED,
    JVM.webviewProceed,
    out,
    0,
    0,
    (p) => !bodies.some(([a, b]) => p.index > a && p.index < b),
  );
}

/** A parameter declared `SslErrorHandler h` (Java) or `h: SslErrorHandler?` (Kotlin), in a method's parameter list. */
const HANDLER_PARAM = /\bSslErrorHandler\s*\??\s+([\w$]+)\s*[,)]|\b([\w$]+)\s*:\s*SslErrorHandler\b/g;

/**
 * `handler.proceed()` in a helper that onReceivedSslError hands its SslErrorHandler to (`doProceed(handler)`): any
 * method but onReceivedSslError itself (matched above) whose SslErrorHandler parameter is told to proceed.
 */
function handlerProceed(lx: Lexed, out: Finding[]): void {
  eachCodeMatch(lx, HANDLER_PARAM, (m) => {
    const name = m[1] ?? m[2];
    const open = lx.code.lastIndexOf('(', m.index);
    const callee = /([\w$]+)\s*$/.exec(lx.code.slice(Math.max(0, open - 80), open))?.[1];
    if (!callee || callee === 'onReceivedSslError') return;
    const params = matchingClose(lx, open);
    const head = /^\s*(?::\s*Unit\s*)?\{/.exec(lx.code.slice(params, params + 100));
    if (!head || params <= m.index) return;
    const body = params + head[0].length - 1;
    const end = matchingClose(lx, body);
    const re = new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\s*\\??\\.\\s*proceed\\s*\\(\\s*\\)`, 'g');
    re.lastIndex = body;
    for (let p = re.exec(lx.code); p && p.index < end; p = re.exec(lx.code)) {
      out.push(finding(lx, JVM.webviewProceed, p.index, p.index + p[0].length, statementAt(lx, p.index)));
    }
  });
}

/** Scans Java or Kotlin source. */
// Each matcher runs only where its words are (and the file is lexed only if one does): the JDK's own sources name
// SSLSession and TLSv1 everywhere, and running every matcher on each such file was most of this family's time.
export function scanJvm(text: string): Finding[] {
  if (!PREFILTER.test(text)) return [];
  // The gates through `present` (match.ts): each word's lookup is kept across a re-scan's edit.
  const checkServer = present(text, 'checkServerTrusted');
  const strategies = gate(STRATEGY_WORDS, text);
  const webview = present(text, 'onReceivedSslError');
  const handlers = webview && present(text, 'SslErrorHandler');
  const verifiers = gate(VERIFIER_WORDS, text);
  const verifyMethod = present(text, 'SSLSession');
  const protocols = gate(PROTOCOL_WORDS, text);
  const clients = gate(CLIENT_WORDS, text);
  const kafka = gate(KAFKA_WORDS, text);
  const envVars = gate(ENV_WORDS, text);
  const none = !checkServer && !strategies && !webview && !verifiers && !verifyMethod && !protocols && !clients;
  if (none && !kafka && !envVars) {
    return [];
  }
  const lx = lex(text, SYNTAX.jvm);
  const out: Finding[] = [];
  if (checkServer) trustAll(lx, out);
  if (checkServer) pushMatches(lx, GROOVY_MAP_TRUST, JVM.trustAll, out, 1, 1);
  if (strategies) trustStrategies(lx, out);
  if (webview) webviewProceed(lx, out);
  if (handlers) handlerProceed(lx, out);
  if (verifiers) {
    pushMatches(lx, LAMBDA, JVM.hostnameVerifier, out, 0, 0, verifierLambda(lx));
    pushMatches(lx, KOTLIN_SAM, JVM.hostnameVerifier, out);
    pushMatches(lx, GROOVY_AS_VERIFIER, JVM.hostnameVerifier, out);
  }
  if (verifyMethod) pushMatches(lx, VERIFY_METHOD, JVM.hostnameVerifier, out);
  if (verifyMethod) verifyLogsThenTrue(lx, out);
  if (protocols) protocolFindings(lx, out);
  if (verifiers) noopVerifiers(lx, out);
  if (clients) {
    pushMatches(lx, INSECURE_FACTORY, JVM.insecureTrustManagerFactory, out, 0, 0, notImport(lx));
    pushMatches(lx, CLIENT_SWITCHES, JVM.clientSwitch, out);
  }
  if (kafka) kafkaSettings(lx, out);
  if (envVars) containerEnv(lx, out);
  return webview ? unique(out) : out;
}

/** The env table's variables a program may set on a container it builds (only these are looked for in JVM code). */
const ENV_WORDS = /SSL_VERIFICATION_?MODE/;
/**
 * A Kubernetes container variable built in code: `new V1EnvVar().name("ELASTICSEARCH_SSL_VERIFICATIONMODE")
 * .value("none")`, fabric8's `.withName(…).withValue(…)`. Group 1 the name, group 2 the value call, 3 its value.
 */
const ENV_PAIR =
  /\.\s*(?:withName|name)\s*\(\s*"([A-Z][A-Z0-9_]*)"\s*\)\s*\.\s*((?:withValue|value)\s*\(\s*"([^"\n]*)"\s*\))/dg;

function containerEnv(lx: Lexed, out: Finding[]): void {
  ENV_PAIR.lastIndex = 0;
  for (let m = ENV_PAIR.exec(lx.code); m; m = ENV_PAIR.exec(lx.code)) {
    const rule = lx.kinds[m.index] === Kind.Code ? envRuleFor(m[1], m[3]) : undefined;
    const [start, end] = m.indices![2]!;
    if (rule) {
      out.push(finding(lx, rule, start, end, statementAt(lx, start), `${rule.title} (set on a container: ${m[1]})`));
    }
  }
}

const KAFKA_WORDS = /ENDPOINT_IDENTIFICATION_ALGORITHM|endpoint\.identification\.algorithm/;
/**
 * Kafka's host name check set to the empty string in client properties: `props.put(SslConfigs.SSL_ENDPOINT_…_CONFIG,
 * "")`, `setProperty("ssl.endpoint.identification.algorithm", "")`, Kotlin's `put(…, "")` in `apply`, `KEY to ""` in
 * `mapOf`, `props[KEY] = ""`. Group 1 the key, group 2 the empty value.
 */
const KAFKA_SETTING =
  /((?:\b(?:SslConfigs|CommonClientConfigs)\.)?\bSSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG\b|"(?:[\w.-]+\.)?ssl\.endpoint\.identification\.algorithm")\s*(?:,|\bto\b|\]\s*=(?!=))\s*("\s?")(?=\s*[,)\n;])/dg;
/** The receiver of `props.put(`, `props.setProperty(`, `props[`, just before the key (group 1). */
const PROPS_RECEIVER = /\b([A-Za-z_$][\w$]*)\s*(?:\.\s*(?:put|setProperty)\s*\(\s*|\[\s*)$/;
/** The Kafka clients that take the properties: where the sink rule reports them (`new KafkaProducer<>(props)`). */
const KAFKA_CLIENT =
  /(?:\bnew\s+|\b)(?:Kafka(?:Consumer|Producer|Streams)|DefaultKafka(?:Consumer|Producer)Factory)\s*(?:<(?:[^<>;()]|<[^<>;()]*>)*>)?\s*\(|\b(?:AdminClient|Admin)\s*\.\s*create\s*\(/g;

function kafkaSettings(lx: Lexed, out: Finding[]): void {
  const found: Finding[] = [];
  KAFKA_SETTING.lastIndex = 0;
  for (let m = KAFKA_SETTING.exec(lx.code); m; m = KAFKA_SETTING.exec(lx.code)) {
    const [start] = m.indices![1]!;
    if (lx.kinds[start] === Kind.Comment || lx.kinds[m.indices![2]![0]] === Kind.Comment) continue;
    const f = finding(lx, JVM.kafkaEndpointIdentification, start, m.indices![2]![1], statementAt(lx, start));
    const receiver = PROPS_RECEIVER.exec(lx.code.slice(Math.max(0, start - 80), start));
    const sinks = receiver ? kafkaClients(lx, receiver[1], start) : [];
    if (sinks.length === 0) found.push(f);
    for (const [s, call] of sinks) {
      const message = throughMessage(f.message, receiver![1], f.range);
      found.push(atSink(lx, f, s, s + receiver![1].length, call, message));
    }
  }
  out.push(...countReaches(found));
}

/** The places after `from` where `name` is an argument of a Kafka client's constructor, with the call's extent. */
function kafkaClients(lx: Lexed, name: string, from: number): Array<[number, [number, number]]> {
  const out: Array<[number, [number, number]]> = [];
  KAFKA_CLIENT.lastIndex = from;
  for (let m = KAFKA_CLIENT.exec(lx.code); m; m = KAFKA_CLIENT.exec(lx.code)) {
    if (lx.kinds[m.index] !== Kind.Code) continue;
    const open = m.index + m[0].length - 1;
    const close = matchingClose(lx, open);
    const args = lx.code.slice(open, close < 0 ? open + 200 : close + 1);
    const arg = new RegExp(`[(,]\\s*(${name.replace(/\$/g, '\\$')})\\s*[,)]`, 'd').exec(args);
    if (arg) out.push([open + arg.indices![1]![0], [m.index, close < 0 ? open + args.length : close + 1]]);
  }
  return out;
}

/** A variable declared to hold a verifier: `HostnameVerifier hv = `, `val hv = `, `final X509HostnameVerifier hv = `. */
const HELD_IN = /\b(?:(?:[\w.]*HostnameVerifier|var|val)\s+)([\w$]+)\s*(?::\s*[\w.]+\s*)?=\s*$/;

/**
 * NoopHostnameVerifier and friends; one held in a variable is reported where the variable is handed on (`new
 * SSLConnectionSocketFactory(ctx, hv)`, `.setSSLHostnameVerifier(hv)`), the place that turns the check off, or at
 * the declaration when no such use is in sight.
 */
function noopVerifiers(lx: Lexed, out: Finding[]): void {
  const accept = notImport(lx);
  eachCodeMatch(lx, NOOP, (m) => {
    if (!accept(m)) return;
    const end = m.index + m[0].length;
    const held = HELD_IN.exec(lx.code.slice(Math.max(0, m.index - 120), m.index));
    const use = held ? argumentUse(lx, held[1], end) : -1;
    if (use >= 0) out.push(finding(lx, JVM.noopVerifier, use, use + held![1].length, statementAt(lx, use)));
    else out.push(finding(lx, JVM.noopVerifier, m.index, end, statementAt(lx, m.index)));
  });
}

/** Offsets of the uses of `name` as a call argument after `from` (`(name)`, `, name)`, `(a, name, b)`), the first one. */
function argumentUse(lx: Lexed, name: string, from: number): number {
  const re = new RegExp(`[(,]\\s*(${name.replace(/\$/g, '\\$')})\\s*[,)]`, 'dg');
  re.lastIndex = from;
  for (let m = re.exec(lx.code); m; m = re.exec(lx.code)) {
    const at = m.indices![1]![0];
    if (lx.kinds[at] === Kind.Code) return at;
  }
  return -1;
}

/** One finding per rule and start: a helper's `sslHandler.proceed()` is reached by two of the WebView passes. */
function unique(out: Finding[]): Finding[] {
  const seen = new Set<string>();
  return out.filter((f) => {
    const key = `${f.ruleId}@${f.range.start.line}:${f.range.start.character}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

/** The Java/Kotlin family (`.java`, `.kt`, `.kts`, `.groovy`, `.scala`, and Gradle's Groovy `.gradle` scripts). */
export const jvm: RuleFamily = defineFamily({
  id: 'jvm',
  prefilter: PREFILTER,
  needles: NEEDLES,
  rules: JVM,
  notes: NOTES.code,
  appliesTo: (path, languageId) =>
    languageId === 'java' || languageId === 'kotlin' || /\.(?:java|kts?|groovy|gradle|scala)$/i.test(path),
  scan: (text) => scanJvm(text),
});
