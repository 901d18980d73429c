// Ruby: OpenSSL::SSL::VERIFY_NONE wherever it is used (Net::HTTP, Faraday, HTTParty, RestClient...), `verify: false`
// for Faraday (`ssl: { verify: false }`) and HTTParty, RestClient's `verify_ssl: false`, and Excon's
// `ssl_verify_peer: false`.
import { Kind, lex, Lexed, SYNTAX } from './lexer';
import {
  eachCodeMatch,
  enclosingCall,
  enclosingOpen,
  finding,
  lineAt,
  pushMatches,
  statementAt,
  withLiterals,
} from './match';
import { defineFamily, NOTES } from './define';
import { countReaches, ObjectFlow, objectSinks } from './flow';
import { Finding, RuleFamily } from './types';
import { RB } from './catalog/ruby';

/** Keywords without which no rule of this family can match (see RuleFamily.prefilter). */
const PREFILTER = /VERIFY_NONE|verify/;

const VERIFY_NONE = withLiterals(/\b(?:OpenSSL::)?SSL::VERIFY_NONE\b/dg, ['SSL::VERIFY_NONE'], 9);
const VERIFY_FALSE = withLiterals(/(?<![\w:])(?::verify\s*=>|verify:)\s*false\b/dg, ['verify'], 1);
/** RestClient's `verify_ssl: false`, InSpec's `http(url, ssl_verify: false)` (and any client's option of those names): they say what they turn off, no context needed. */
const VERIFY_SSL_FALSE = withLiterals(
  /(?<![\w:])(?::(?:verify_ssl|ssl_verify)\s*=>|(?:verify_ssl|ssl_verify):)\s*false\b/dg,
  ['verify_ssl', 'ssl_verify'],
  1,
);
/** Savon/HTTPI's `ssl_verify_mode: :none` (also `verify_mode`, the `=>` form, a setter or a call: `.verify_mode = :none`, `globals.ssl_verify_mode(:none)`). */
const SYMBOL_NONE =
  /(?:(?<![\w:])(?::(?:ssl_)?verify_mode\s*=>|(?:ssl_)?verify_mode:)|\.(?:ssl_)?verify_mode\s*(?:=(?![=~])|\())\s*:none\b/dg;
/** ActionMailer / Mail SMTP settings: `openssl_verify_mode: 'none'` (a string or the symbol; the `=>` form, a setter). */
const OPENSSL_VERIFY_MODE =
  /(?:(?<![\w:])(?::openssl_verify_mode\s*=>|openssl_verify_mode:)|\.openssl_verify_mode\s*=(?![=~]))\s*(?:(["'])none\1|:none\b)/dg;
/** Typhoeus/Ethon's libcurl options: `ssl_verifypeer: false`, `ssl_verifyhost: 0`. */
const TYPHOEUS = /(?<![\w:])(?::ssl_verify(?:peer|host)\s*=>|ssl_verify(?:peer|host):)\s*(?:false|0)\b/dg;
const EXCON = withLiterals(
  /(?:(?<![\w:]):ssl_verify_peer\s*(?:=>|\]\s*=(?!=))|(?<![\w:])ssl_verify_peer:)\s*false\b/dg,
  ['ssl_verify_peer'],
  1,
);
const HTTP_CONTEXT = /HTTParty|Faraday|RestClient|\.(?:get|post|put|patch|delete|head|options)\b|default_options/;

/** `verify: false` counts inside an `ssl:` hash (Faraday) or in a statement that uses an HTTP client. */
function httpContext(lx: Lexed) {
  return (m: RegExpExecArray) => {
    const brace = enclosingOpen(lx, m.index, '{');
    if (brace > 0 && /(?:\bssl:|:ssl\s*=>)\s*$/.test(lx.code.slice(Math.max(0, brace - 20), brace))) return true;
    const call = enclosingCall(lx, m.index);
    const [ls, le] = lineAt(lx, call?.start ?? m.index);
    return HTTP_CONTEXT.test(lx.code.slice(ls, le)) || HTTP_CONTEXT.test(call?.callee ?? '');
  };
}

/**
 * Faraday's connection block: `faraday.ssl[:verify] = false`, `conn.ssl['verify'] = false`, `f.ssl.verify = false`,
 * or a condition with a `false` branch (`= Rails.env.production? ? true : false`): verification off, at least in
 * some environments. `= true`, `= ENV[…]` and other values are not findings.
 */
const SSL_VERIFY_SET =
  /\.ssl\s*(?:\[\s*(?::verify|(["'])verify\1)\s*\]|\.verify)\s*=(?![=~])\s*(?:false\b|[^\n;]+?\?\s*(?:true\s*:\s*false|false\s*:\s*true)\b)/dg;

/** `verify: verify_ssl` / `:verify => verify_ssl`: a local variable as the option (see `falseVariable`). */
const VERIFY_VAR = /(?<![\w:])(?::verify\s*=>|verify:)\s*([a-z_]\w*)\b(?![.([?!])/dg;

/** `verify: name` counts in an HTTP context when the method assigned `name = false` before it. */
function falseVariable(lx: Lexed) {
  const inContext = httpContext(lx);
  return (m: RegExpExecArray) => {
    if (m[1] === 'true' || m[1] === 'false' || m[1] === 'nil' || !inContext(m)) return false;
    const before = lx.code.slice(Math.max(0, m.index - 2000), m.index);
    const assigned = [...before.matchAll(new RegExp(`^\\s*${m[1]}\\s*=(?![=~])\\s*(\\S+)`, 'gm'))].pop();
    return assigned?.[1] === 'false';
  };
}

/**
 * `verify: false` in an HTTP context; inside a hash held in a variable (`options = { ssl: { verify: false } }`) that
 * a client is then built with (`Faraday.new(options)`), the finding is where the variable is handed to the client.
 */
function verifyFalse(lx: Lexed, out: Finding[]): void {
  const inContext = httpContext(lx);
  eachCodeMatch(lx, VERIFY_FALSE, (m) => {
    if (!inContext(m)) return;
    const use = heldHashUse(lx, m.index);
    const [start, end] = use ?? [m.index, m.index + m[0].length];
    out.push(finding(lx, RB.verifyFalse, start, end, statementAt(lx, start)));
  });
}

const CLIENT_CALL =
  /\b(?:Faraday(?:::Connection)?\s*\.\s*new|HTTParty\s*\.\s*\w+|RestClient::\w+\s*\.\s*new|Excon\s*\.\s*new)\b\s*\(?/g;

/** The [start, end) of `name` in the first client call after the hash literal assigned to `name` that holds `at`. */
function heldHashUse(lx: Lexed, at: number): [number, number] | undefined {
  let open = enclosingOpen(lx, at, '{');
  for (let depth = 0; open > 0 && depth < 3; depth++, open = enclosingOpen(lx, open, '{')) {
    const held = /(?:^|[\s;])([a-z_@]\w*)\s*=\s*$/.exec(lx.code.slice(Math.max(0, open - 60), open));
    if (!held) continue;
    const name = held[1];
    CLIENT_CALL.lastIndex = open;
    for (let c = CLIENT_CALL.exec(lx.code); c; c = CLIENT_CALL.exec(lx.code)) {
      const [ls, le] = lineAt(lx, c.index);
      const arg = new RegExp(`[(,\\s]${name.replace(/[$@]/g, '\\$&')}\\b(?!\\s*[.\\[])`).exec(
        lx.code.slice(c.index + c[0].length - 1, le),
      );
      if (arg && ls >= 0) {
        const s = c.index + c[0].length - 1 + arg.index + 1;
        if (lx.kinds[s] === Kind.Code) return [s, s + name.length];
      }
    }
    return undefined;
  }
  return undefined;
}

/** A hash key that names the server's request for client certificates: WEBrick's `:SSLVerifyClient => …`. */
const CLIENT_CERT_KEY = /(?:\bSSLVerifyClient\s*(?:=>|:)|:SSLVerifyClient\s*=>|\bverify_client\s*(?:=>|:|=))\s*$/;
/** Words of a server's TLS context nearby: `ssl_version = :TLSv1_2_server`, falcon's `TLS::SERVER_CIPHERS`,
 * `OpenSSL::SSL::SSLServer.new`, an SSLSocket that `accept`s, WEBrick's server, puma's `ssl_bind`. */
const SERVER_WORDS = /\bSSLServer\b|:\w+_server\b|\bSERVER_CIPHERS\b|\.accept\b|\bWEBrick::HTTPServer\b|\bssl_bind\b/;
/** Words of a client nearby: then the context may well be a client's, and VERIFY_NONE stays a finding. */
const CLIENT_WORDS = /Net::HTTP|\.connect\b|HTTParty|Faraday|RestClient|Excon|Typhoeus|open-uri|URI\.open|\.start\s*\(/;

/**
 * VERIFY_NONE on a server's context or options only means "ask no client certificate" (the server is not checking a
 * peer it connects to): WEBrick's `SSLVerifyClient`, or a context set up among server words with no client in sight.
 */
function clientSide(lx: Lexed) {
  return (m: RegExpExecArray) => {
    const before = lx.code.slice(Math.max(0, m.index - 600), m.index);
    if (CLIENT_CERT_KEY.test(before.slice(-40))) return false;
    const near = before + lx.code.slice(m.index, m.index + 300);
    return !SERVER_WORDS.test(near) || CLIENT_WORDS.test(near);
  };
}

/** Scans Ruby source. */
export function scanRuby(text: string): Finding[] {
  if (!PREFILTER.test(text)) return [];
  const lx = lex(text, SYNTAX.ruby);
  const out: Finding[] = [];
  pushMatches(lx, VERIFY_NONE, RB.verifyNone, out, 0, 0, clientSide(lx));
  verifyFalse(lx, out);
  pushMatches(lx, VERIFY_VAR, RB.verifyFalse, out, 0, 0, falseVariable(lx));
  pushMatches(lx, VERIFY_SSL_FALSE, RB.verifyFalse, out);
  if (lx.code.includes('.ssl')) pushMatches(lx, SSL_VERIFY_SET, RB.verifyFalse, out);
  pushMatches(lx, EXCON, RB.exconVerifyPeer, out);
  pushMatches(lx, SYMBOL_NONE, RB.verifyNone, out);
  if (lx.code.includes('openssl_verify_mode')) pushMatches(lx, OPENSSL_VERIFY_MODE, RB.verifyNone, out);
  pushMatches(lx, TYPHOEUS, RB.verifyFalse, out);
  return countReaches(objectSinks(lx, out, RUBY_FLOW));
}

/** Option hashes bound to a name and passed on: `config = { typhoeus: { ssl_verifypeer: false } }` …
 * `HTMLProofer.check_directory(path, config)` is found at `config` in the call (flow.ts). */
const RUBY_FLOW: ObjectFlow = {
  binding: /(?:^|[;\n])[ \t]*(@{0,2}[A-Za-z_]\w*)[ \t]*=[ \t]*$/,
  opens: '{[',
  // An SDK's settings object built from a hash is the hash (`config = ArchivesSpace::Configuration.new({ … })`).
  nested: /(?:[,[{:]|=>|\b\w*(?:Configuration|Config|Options|Settings)\.new[ \t]*\()[ \t\r\n]*$/,
  literalCall: /\b(?:\w+::)*\w*(?:Configuration|Config|Options|Settings)\.new[ \t]*$/,
  keyword: String.raw`(?:[A-Za-z_]\w*:[ \t]*|:[A-Za-z_]\w*[ \t]*=>[ \t]*)`,
  spread: '**',
  // A hash that starts a line of a method body with no `end` before it: the method's value (`def ssl_options` …).
  // `client = Kubeclient::Client.new master, "v1", ssl_options: ssl_options`: a constructor or a method of a receiver.
  command:
    /^[ \t]*(?:@{0,2}\w+[ \t]*(?:\|\|)?=[ \t]*)?((?:[A-Z]\w*::)*[A-Z]\w*\.new|@{0,2}[a-z_]\w*(?:\.\w+[!?]?)+)(?:[ \t]+[^\n()]*?)?([ \t,][ \t]*(?:[A-Za-z_]\w*:[ \t]*|:[A-Za-z_]\w*[ \t]*=>[ \t]*)?)$/d,
  returned:
    /(?:^|\n)[ \t]*def[ \t]+(?:self\.)?([A-Za-z_]\w*)[ \t]*(?:\(\))?[ \t]*\n(?:(?![ \t]*end\b)[^\n]*\n)*[ \t]*(?:return[ \t]+)?$/,
};

/** The Ruby family (`.rb`, `.rake`, `Gemfile`, `Rakefile`). */
export const ruby: RuleFamily = defineFamily({
  id: 'ruby',
  prefilter: PREFILTER,
  rules: RB,
  notes: NOTES.code,
  appliesTo: (path, languageId) =>
    languageId === 'ruby' || /(?:\.(?:rb|rake|gemspec)|(?:^|[\\/])(?:Rakefile|Gemfile))$/i.test(path),
  scan: (text) => scanRuby(text),
});
