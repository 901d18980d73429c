// Ruby: OpenSSL::SSL::VERIFY_NONE wherever it is used (Net::HTTP, Faraday, HTTParty, RestClient...), `verify: false`
// for Faraday (`ssl: { verify: false }`) and HTTParty, RestClient's `verify_ssl: false`, and Excon's
// `ssl_verify_peer: false`.
import { lex, Lexed, SYNTAX } from './lexer';
import { enclosingCall, enclosingOpen, lineAt, pushMatches, withLiterals } from './match';
import { defineFamily, NOTES } from './define';
import { Finding, RuleFamily } from './types';
import { RB } from './catalog/ruby';

/** Keywords without which no rule of this family can match (see RuleFamily.prefilter). */
const PREFILTER = /VERIFY_NONE|verify/;

const VERIFY_NONE = withLiterals(/\b(?:OpenSSL::)?SSL::VERIFY_NONE\b/dg, ['SSL::VERIFY_NONE'], 9);
const VERIFY_FALSE = withLiterals(/(?<![\w:])(?::verify\s*=>|verify:)\s*false\b/dg, ['verify'], 1);
/** RestClient's `verify_ssl: false` (and any client's option of that name): it says what it turns off, no context needed. */
const VERIFY_SSL_FALSE = withLiterals(/(?<![\w:])(?::verify_ssl\s*=>|verify_ssl:)\s*false\b/dg, ['verify_ssl'], 1);
/** Savon/HTTPI's `ssl_verify_mode: :none` (also `verify_mode`, the `=>` form, a setter or a call: `.verify_mode = :none`, `globals.ssl_verify_mode(:none)`). */
const SYMBOL_NONE =
  /(?:(?<![\w:])(?::(?:ssl_)?verify_mode\s*=>|(?:ssl_)?verify_mode:)|\.(?:ssl_)?verify_mode\s*(?:=(?![=~])|\())\s*:none\b/dg;
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

/** Scans Ruby source. */
export function scanRuby(text: string): Finding[] {
  if (!PREFILTER.test(text)) return [];
  const lx = lex(text, SYNTAX.ruby);
  const out: Finding[] = [];
  pushMatches(lx, VERIFY_NONE, RB.verifyNone, out);
  pushMatches(lx, VERIFY_FALSE, RB.verifyFalse, out, 0, 0, httpContext(lx));
  pushMatches(lx, VERIFY_SSL_FALSE, RB.verifyFalse, out);
  pushMatches(lx, EXCON, RB.exconVerifyPeer, out);
  pushMatches(lx, SYMBOL_NONE, RB.verifyNone, out);
  pushMatches(lx, TYPHOEUS, RB.verifyFalse, out);
  return out;
}

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
