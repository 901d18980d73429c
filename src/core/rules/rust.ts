// Rust: reqwest (and native-tls builder) `danger_accept_invalid_certs(true)` / `danger_accept_invalid_hostnames(true)`
// (also through `let insecure = true;`), isahc `SslOption::DANGER_ACCEPT_INVALID_CERTS`, ureq 3
// `disable_verification(true)`, openssl `set_verify(SslVerifyMode::NONE)` and `verify_hostname(false)`, the curl
// crate's `ssl_verify_peer(false)` / `ssl_verify_host(false)`, mbedtls `AuthMode::None` on a client, rustls verifiers
// whose `verify_server_cert` cannot fail, and connectors that allow SSL 3 / TLS 1.0 / TLS 1.1.
import { Kind, lex, Lexed, SYNTAX } from './lexer';
import { eachCodeMatch, finding, matchingClose, pushMatches, statementAt, withLiterals } from './match';
import { bindingOf, namingValue } from './flow';
import { defineFamily, NOTES } from './define';
import { Finding, RuleFamily } from './types';
import { RS } from './catalog/rust';

/** Keywords without which no rule of this family can match (see RuleFamily.prefilter). */
const PREFILTER =
  /danger_accept_invalid_|DANGER_ACCEPT_INVALID_|set_verify|set_certificate_verifier|with_custom_certificate_verifier|verify_hostname\s*\(\s*false|disable_verification|ssl_verify_(?:peer|host)\s*\(\s*false|AuthMode::None|ServerCertVerified::assertion|Protocol::(?:Sslv3|Tlsv1[01])\b|SslVersion::(?:SSL3|TLS1(?:_1)?)\b|dangerous_accept_invalid_|with_danger_|allow_invalid_(?:certificates|hostnames)|accept_invalid_certs\s*[:=]|CertificateValidation::None|rediss:\/\/[^"'\s]*#insecure/;

const CERTS = withLiterals(/\b(danger_accept_invalid_certs)\s*\(\s*true\s*\)/dg, ['danger_accept_invalid_certs']);
const HOSTS = withLiterals(/\b(danger_accept_invalid_hostnames)\s*\(\s*true\s*\)/dg, [
  'danger_accept_invalid_hostnames',
]);
/** Other crates' own switches (lettre, mysql, mongodb, kube, elasticsearch; see RS.crateInvalidCerts). */
const CRATE_CERTS =
  /\b(?:dangerous_accept_invalid_certs|with_danger_accept_invalid_certs|allow_invalid_certificates)\s*\(\s*true\s*\)|\baccept_invalid_certs\s*(?:=(?!=)|:)\s*true\b|\bCertificateValidation::None\b(?!\s*(?:=>|\|))/g;
const CRATE_HOSTS =
  /\b(?:dangerous_accept_invalid_hostnames|allow_invalid_hostnames|with_danger_skip_domain_validation)\s*\(\s*true\s*\)/g;
/** redis-rs: a `rediss://` URL whose fragment is `#insecure` (group 1: the URL, inside a string). */
const REDIS_INSECURE = /(rediss:\/\/[^"'\s#]*#insecure)\b/dg;

/** The same builder switches given a name: `danger_accept_invalid_certs(insecure)` where `let insecure = true;`. */
const NAMED_SWITCH =
  /\b(danger_accept_invalid_certs|danger_accept_invalid_hostnames|disable_verification)\s*\(\s*([a-z_][\w]*|[A-Z_][A-Z0-9_]*)\s*\)/g;
/** isahc `ssl_options(SslOption::DANGER_ACCEPT_INVALID_CERTS | …)`: the flag itself is the finding. */
const ISAHC_CERTS = /\b(?:SslOption::)?DANGER_ACCEPT_INVALID_CERTS\b/g;
const ISAHC_HOSTS = /\b(?:SslOption::)?DANGER_ACCEPT_INVALID_HOSTS\b/g;
/** ureq 3 `TlsConfig::builder().disable_verification(true)`. */
const UREQ = /\bdisable_verification\s*\(\s*true\s*\)/g;
/** openssl `ConnectConfiguration::verify_hostname(false)` / `set_verify_hostname(false)`. */
const VERIFY_HOSTNAME = /\b(?:set_)?verify_hostname\s*\(\s*false\s*\)/g;
/** The curl crate's `Easy::ssl_verify_peer(false)` (and the proxy's), and `ssl_verify_host(false)`. */
const CURL_PEER = /\b(?:proxy_)?ssl_verify_peer\s*\(\s*false\s*\)/g;
const CURL_HOST = /\b(?:proxy_)?ssl_verify_host\s*\(\s*false\s*\)/g;
/** mbedtls `AuthMode::None` (any path: `mbedtls::ssl::config::AuthMode::None`), not as a match arm or comparison. */
const AUTHMODE_NONE = /\bAuthMode::None\b(?!\s*(?:=>|\|))/g;
/** openssl `set_verify(SslVerifyMode::NONE)` / `set_verify(SSL_VERIFY_NONE)`, or a verify callback that returns true. */
const VERIFY_NONE =
  /\bset_verify\s*\(\s*(?:(?:openssl::)?(?:ssl::)?SslVerifyMode::(?:NONE|empty\s*\(\s*\))|(?:(?:openssl::)?ssl::)?SSL_VERIFY_NONE)\s*\)|\bset_verify_callback\s*\(\s*[\w:|\s]+,\s*(?:move\s+)?\|[^|]*\|\s*(?:true|\{\s*true\s*\})\s*\)/g;
const VERIFIER = /\bfn\s+(verify_server_cert)\s*(?:<[^>{}]*>)?\s*\(/dg;
/** What a verifier body may not hold for it to count as "cannot fail" (checked on comment-blanked code). */
const MAY_FAIL =
  /\bErr\b|\?|\bif\b|\bmatch\b|\breturn\b(?!\s+Ok\s*\(\s*(?:[\w]+::)*ServerCertVerified::assertion\s*\(\s*\)\s*\)\s*;?\s*$)|\bverify_server_cert\b|\bunimplemented!|\btodo!|\bpanic!/;
const ACCEPT_ALL = /(?:return\s+)?Ok\s*\(\s*(?:\w+::)*ServerCertVerified::assertion\s*\(\s*\)\s*\)\s*;?\s*$/;
const PROTOCOL =
  /\b(?:(?:min|max)_protocol_version\s*\(\s*Some\s*\(\s*(?:native_tls::)?Protocol::(?:Sslv3|Tlsv10|Tlsv11)|set_(?:min|max)_proto_version\s*\(\s*Some\s*\(\s*(?:(?:openssl::)?ssl::)?SslVersion::(?:SSL3|TLS1|TLS1_1))\b\s*,?\s*\)\s*,?\s*\)/g;

/** The code in [start, end) with string literals blanked too (a `{:?}` in a log message is not a `?`). */
function codeOnly(lx: Lexed, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += lx.kinds[i] === Kind.Code ? lx.code[i] : ' ';
  return s;
}

/** `fn verify_server_cert(…) -> … { Ok(ServerCertVerified::assertion()) }`: the finding spans name to closing brace. */
function verifierFindings(lx: Lexed, out: Finding[]): void {
  eachCodeMatch(lx, VERIFIER, (m) => {
    const open = m.index + m[0].length - 1;
    const close = matchingClose(lx, open);
    const brace = lx.code.indexOf('{', close);
    // The return type sits between `)` and `{`; a `;` first means a trait declaration without a body.
    if (brace < 0 || lx.code.slice(close, brace).includes(';')) return;
    const end = matchingClose(lx, brace);
    const body = codeOnly(lx, brace + 1, end - 1);
    if (!ACCEPT_ALL.test(body) || MAY_FAIL.test(body.replace(ACCEPT_ALL, ''))) return;
    const start = m.indices![1]![0];
    out.push(finding(lx, RS.dangerousVerifier, start, end, [m.index, end]));
  });
}

/** `set_verify(NONE)` on a connector; on an acceptor (a server not asking for client certificates) it is the default. */
function verifyNoneFindings(lx: Lexed, out: Finding[]): void {
  eachCodeMatch(lx, VERIFY_NONE, (m) => {
    const before = lx.code.slice(Math.max(0, m.index - 1500), m.index);
    if (before.includes('SslAcceptor') && !before.includes('SslConnector')) return;
    // `acceptor_builder.set_verify(…)`: the builder's own name says it is the server's (its type is elsewhere).
    if (/acceptor\w*\s*\.\s*$/i.test(before)) return;
    out.push(finding(lx, RS.opensslVerifyNone, m.index, m.index + m[0].length, [m.index, m.index + m[0].length]));
  });
}

/**
 * `AuthMode::None` on a client: the full path as written (`mbedtls::ssl::config::AuthMode::None`). On a server
 * (`Endpoint::Server` and no `Endpoint::Client` in the file) None only means no client certificate is asked for;
 * `mode == AuthMode::None` and match arms are tests, not settings.
 */
function authModeFindings(lx: Lexed, out: Finding[]): void {
  const server = lx.code.includes('Endpoint::Server') && !lx.code.includes('Endpoint::Client');
  if (server) return;
  eachCodeMatch(lx, AUTHMODE_NONE, (m) => {
    const before = lx.code.slice(Math.max(0, m.index - 120), m.index);
    if (/(?:[=!]=|\|)\s*$/.test(before)) return;
    const path = /(?:\w+::)+$/.exec(before);
    const start = path ? m.index - path[0].length : m.index;
    out.push(finding(lx, RS.mbedtlsAuthNone, start, m.index + m[0].length, statementAt(lx, start)));
  });
}

const FN_HEAD = /\bfn[ \t]+\w+/;
const isLet = (lx: Lexed, at: number) => /\blet[ \t]+(?:mut[ \t]+)?$/.test(lx.code.slice(Math.max(0, at - 12), at));

/** `danger_accept_invalid_certs(insecure)` where `let insecure = true;` (or `const INSECURE: bool = true;`) is the
 * only binding of the name: reported at the call, naming the binding. */
function namedSwitchFindings(lx: Lexed, out: Finding[]): void {
  eachCodeMatch(lx, NAMED_SWITCH, (m) => {
    const name = m[2];
    if (name === 'true' || name === 'false') return;
    const bound = bindingOf(lx, name, 'true', '(?:let[ \\t]+(?:mut[ \\t]+)?|(?:pub[ \\t]+)?(?:const|static)[ \\t]+)');
    // A `let` is local: one in another function (`fn b(insecure: bool)` after `fn a() { let insecure = true; … }`)
    // is not this call's value.
    if (!bound || (isLet(lx, bound.start) && FN_HEAD.test(lx.code.slice(bound.start, m.index)))) return;
    // A type annotation stays on its line and out of brackets: `fn b(insecure: bool) { let c = …` is no write.
    const writes = lx.code.match(new RegExp(`(?<![\\w.])${name}\\s*(?::[^=;(){},\\n]+)?=(?![=>])`, 'g'));
    if ((writes?.length ?? 0) !== 1) return;
    const rule =
      m[1] === 'danger_accept_invalid_certs'
        ? RS.invalidCerts
        : m[1] === 'disable_verification'
          ? RS.ureqDisableVerification
          : RS.invalidHostnames;
    const f = finding(
      lx,
      rule,
      m.index,
      m.index + m[0].length,
      statementAt(lx, m.index),
      `${rule.title} (${name} is true)`,
    );
    out.push(namingValue(lx, f, bound.start, bound.end));
  });
}

/** rustls `config.dangerous().set_certificate_verifier(Arc::new(NoVerifier))`: group 1 is the verifier's type. */
const INSTALL_VERIFIER =
  /\.\s*dangerous\s*\(\s*\)\s*\.\s*set_certificate_verifier\s*\(\s*(?:(?:std::)?(?:sync::)?Arc::new\s*\(\s*)?(?:\w+::)*(\w+)/g;
/** Type names that say what the verifier does: accept everything (`NoCertificateVerification`, `NullVerifier`). */
const ACCEPT_ALL_NAME =
  /^(?:No|Null|Noop|Ignore|Skip|Accept|Insecure|Dummy|Danger|Fake|Permissive|Unsafe|Disabled?|Trust(?:All|Any|Everything)|AllowAny|AllowAll)|(?:NoVerif|NoCert|Insecure|AcceptAll|AcceptAny|TrustAll|SkipVerif|IgnoreCert|Danger)/;

/**
 * rustls ≥ 0.22's builder step `.dangerous().with_custom_certificate_verifier(Arc::new(X))`: the only way to reach it is
 * through `dangerous()`, and what it installs replaces WebPKI verification altogether. Group 1 is X's type.
 */
const CUSTOM_VERIFIER =
  /\.\s*dangerous\s*\(\s*\)\s*\.\s*with_custom_certificate_verifier\s*\(\s*(?:(?:std::)?(?:sync::)?Arc::new\s*\(\s*)(?:\w+::)*([A-Z]\w*)/g;
/** Type names that say the verifier does check something (a pin, a fingerprint, WebPKI with revocation on top). */
const VERIFYING_NAME = /Pin|Fingerprint|Spki|WebPki|Revocation|Crl|Ocsp|KnownHost|Tofu|TrustOnFirst|Role|Allowlist/;

/** `impl ServerCertVerifier for <name>` is in the file: that body decides (verifierFindings), not the install. */
const implementedHere = (lx: Lexed, name: string) =>
  new RegExp(`\\bimpl\\b[^{;]*\\bServerCertVerifier\\s+for\\s+${name}\\b`).test(lx.code);

/**
 * A dangerous verifier installed whose implementation is not in the file (another module, a shared crate). With
 * rustls 0.21's `set_certificate_verifier` only when its name says it accepts everything; with the builder's
 * `with_custom_certificate_verifier(Arc::new(X))` whatever X is called, unless its name says what it checks (a
 * `PinnedVerifier`): a verifier there replaces WebPKI, and the accept-all ones go by any name (`AnyCertificate`). An
 * argument that is not `Arc::new(Type…)` (a verifier built from WebPkiServerVerifier above) is not followed. When the
 * file holds `impl ServerCertVerifier for <name>`, that impl is judged by verifierFindings instead (a pinning verifier
 * installed here is fine; an accept-all one is reported at its body).
 */
function installedVerifierFindings(lx: Lexed, out: Finding[]): void {
  const report = (m: RegExpExecArray, method: string) => {
    const start = m.index + m[0].indexOf(method);
    const close = matchingClose(lx, lx.code.indexOf('(', start));
    out.push(finding(lx, RS.installedVerifier, start, close, statementAt(lx, start)));
  };
  if (lx.code.includes('set_certificate_verifier')) {
    eachCodeMatch(lx, INSTALL_VERIFIER, (m) => {
      if (ACCEPT_ALL_NAME.test(m[1]) && !implementedHere(lx, m[1])) report(m, 'set_certificate_verifier');
    });
  }
  if (!lx.code.includes('with_custom_certificate_verifier')) return;
  eachCodeMatch(lx, CUSTOM_VERIFIER, (m) => {
    const name = m[1];
    if (implementedHere(lx, name)) return;
    if (VERIFYING_NAME.test(name) && !ACCEPT_ALL_NAME.test(name)) return;
    report(m, 'with_custom_certificate_verifier');
  });
}

const CRATE_WORDS =
  /dangerous_accept_invalid_|with_danger_|allow_invalid_|accept_invalid_certs|CertificateValidation::None|#insecure/;

/** lettre, mysql, mongodb, kube and elasticsearch switches in code; a redis `rediss://…#insecure` URL in a string. */
function crateFindings(lx: Lexed, out: Finding[]): void {
  pushMatches(lx, CRATE_CERTS, RS.crateInvalidCerts, out);
  pushMatches(lx, CRATE_HOSTS, RS.invalidHostnames, out);
  REDIS_INSECURE.lastIndex = 0;
  for (let m = REDIS_INSECURE.exec(lx.code); m; m = REDIS_INSECURE.exec(lx.code)) {
    if (lx.kinds[m.index] !== Kind.String) continue;
    out.push(finding(lx, RS.crateInvalidCerts, m.index, m.index + m[0].length, statementAt(lx, m.index)));
  }
}

/** Scans Rust source. */
export function scanRust(text: string): Finding[] {
  if (!PREFILTER.test(text)) return [];
  const lx = lex(text, SYNTAX.rust);
  const out: Finding[] = [];
  pushMatches(lx, CERTS, RS.invalidCerts, out);
  pushMatches(lx, HOSTS, RS.invalidHostnames, out);
  if (text.includes('DANGER_ACCEPT_INVALID_')) {
    pushMatches(lx, ISAHC_CERTS, RS.invalidCerts, out);
    pushMatches(lx, ISAHC_HOSTS, RS.invalidHostnames, out);
  }
  if (/danger_accept_invalid_|disable_verification/.test(text)) namedSwitchFindings(lx, out);
  if (text.includes('disable_verification')) pushMatches(lx, UREQ, RS.ureqDisableVerification, out);
  if (text.includes('verify_hostname')) pushMatches(lx, VERIFY_HOSTNAME, RS.opensslVerifyHostname, out);
  if (text.includes('ssl_verify_')) {
    pushMatches(lx, CURL_PEER, RS.curlVerifyPeer, out);
    pushMatches(lx, CURL_HOST, RS.curlVerifyHost, out);
  }
  if (text.includes('AuthMode::None')) authModeFindings(lx, out);
  if (text.includes('set_verify')) verifyNoneFindings(lx, out);
  if (text.includes('ServerCertVerified::assertion')) verifierFindings(lx, out);
  if (/set_certificate_verifier|with_custom_certificate_verifier/.test(text)) installedVerifierFindings(lx, out);
  pushMatches(lx, PROTOCOL, RS.obsoleteProtocol, out);
  if (CRATE_WORDS.test(text)) crateFindings(lx, out);
  return out;
}

/** The Rust family (`.rs`). */
export const rust: RuleFamily = defineFamily({
  id: 'rust',
  prefilter: PREFILTER,
  rules: RS,
  notes: NOTES.code,
  appliesTo: (path, languageId) => languageId === 'rust' || /\.rs$/i.test(path),
  scan: (text) => scanRust(text),
});
