// Ruby: OpenSSL::SSL::VERIFY_NONE wherever it is used (Net::HTTP, Faraday, HTTParty, RestClient...), `verify: false`
// for Faraday (`ssl: { verify: false }`) and HTTParty, and Excon's `ssl_verify_peer: false`.
import { lex, Lexed, SYNTAX } from './lexer';
import { enclosingCall, enclosingOpen, lineAt, pushMatches, ruleFactory } from './match';
import { Finding, RuleFamily } from './types';

/** Keywords without which no rule of this family can match (see RuleFamily.prefilter). */
const PREFILTER = /VERIFY_NONE|verify/;

const rule = ruleFactory('ruby');

/** The Ruby rules. */
export const RB = {
  verifyNone: rule('verify-none', 'OpenSSL::SSL::VERIFY_NONE: certificate verification is off',
    'VERIFY_NONE accepts any certificate. Keep VERIFY_PEER and point ca_file (or SSL_CERT_FILE) at a bundle holding your CA.'),
  verifyFalse: rule('verify-false', 'verify: false (Faraday ssl options / HTTParty): certificate verification is off',
    'Faraday (ssl: { verify: false }) and HTTParty (verify: false) accept any certificate with this option. Pass ca_file: "<CA bundle>" instead.'),
  exconVerifyPeer: rule('excon-ssl-verify-peer-false', 'ssl_verify_peer: false (Excon): certificate verification is off',
    'Excon accepts any certificate with ssl_verify_peer false. Set ssl_ca_file to a CA bundle instead.'),
} as const;

const VERIFY_NONE = /\b(?:OpenSSL::)?SSL::VERIFY_NONE\b/dg;
const VERIFY_FALSE = /(?<![\w:])(?::verify\s*=>|verify:)\s*false\b/dg;
const EXCON = /(?:(?<![\w:]):ssl_verify_peer\s*(?:=>|\]\s*=(?!=))|(?<![\w:])ssl_verify_peer:)\s*false\b/dg;
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
  pushMatches(lx, EXCON, RB.exconVerifyPeer, out);
  return out;
}

/** The Ruby family (`.rb`, `.rake`, `Gemfile`, `Rakefile`). */
export const ruby: RuleFamily = {
  id: 'ruby',
  prefilter: PREFILTER,
  rules: Object.values(RB),
  appliesTo: (path, languageId) => languageId === 'ruby' || /(?:\.(?:rb|rake|gemspec)|(?:^|[\\/])(?:Rakefile|Gemfile))$/i.test(path),
  scan: (text) => scanRuby(text),
};
