// Rust: reqwest (and native-tls builder) `danger_accept_invalid_certs(true)` / `danger_accept_invalid_hostnames(true)`,
// openssl `set_verify(SslVerifyMode::NONE)`,
// rustls verifiers whose `verify_server_cert` cannot fail, and connectors that allow SSL 3 / TLS 1.0 / TLS 1.1.
import { Kind, lex, Lexed, SYNTAX } from './lexer';
import { eachCodeMatch, finding, matchingClose, pushMatches, withLiterals } from './match';
import { defineFamily, NOTES } from './define';
import { Finding, RuleFamily } from './types';
import { RS } from './catalog/rust';

/** Keywords without which no rule of this family can match (see RuleFamily.prefilter). */
const PREFILTER =
  /danger_accept_invalid_|set_verify|ServerCertVerified::assertion|Protocol::(?:Sslv3|Tlsv1[01])\b|SslVersion::(?:SSL3|TLS1(?:_1)?)\b/;

const CERTS = withLiterals(/\b(danger_accept_invalid_certs)\s*\(\s*true\s*\)/dg, ['danger_accept_invalid_certs']);
const HOSTS = withLiterals(/\b(danger_accept_invalid_hostnames)\s*\(\s*true\s*\)/dg, [
  'danger_accept_invalid_hostnames',
]);
/** openssl `set_verify(SslVerifyMode::NONE)` / `set_verify(SSL_VERIFY_NONE)`, or a verify callback that returns true. */
const VERIFY_NONE =
  /\bset_verify\s*\(\s*(?:(?:openssl::)?(?:ssl::)?SslVerifyMode::NONE|(?:(?:openssl::)?ssl::)?SSL_VERIFY_NONE)\s*\)|\bset_verify_callback\s*\(\s*[\w:|\s]+,\s*(?:move\s+)?\|[^|]*\|\s*(?:true|\{\s*true\s*\})\s*\)/g;
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
    out.push(finding(lx, RS.opensslVerifyNone, m.index, m.index + m[0].length, [m.index, m.index + m[0].length]));
  });
}

/** Scans Rust source. */
export function scanRust(text: string): Finding[] {
  if (!PREFILTER.test(text)) return [];
  const lx = lex(text, SYNTAX.rust);
  const out: Finding[] = [];
  pushMatches(lx, CERTS, RS.invalidCerts, out);
  pushMatches(lx, HOSTS, RS.invalidHostnames, out);
  if (text.includes('set_verify')) verifyNoneFindings(lx, out);
  if (text.includes('ServerCertVerified::assertion')) verifierFindings(lx, out);
  pushMatches(lx, PROTOCOL, RS.obsoleteProtocol, out);
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
