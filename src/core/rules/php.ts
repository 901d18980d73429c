// PHP: curl options that switch peer or host verification off, Guzzle/Symfony/Laravel `'verify' => false`, and
// Laravel's `Http::withoutVerifying()`.
import { lex, Lexed, SYNTAX } from './lexer';
import { enclosingCall, pushMatches, ruleFactory } from './match';
import { Finding, RuleFamily } from './types';

/** Keywords without which no rule of this family can match (see RuleFamily.prefilter). */
const PREFILTER = /VERIFYPEER|VERIFYHOST|verify/i;

const rule = ruleFactory('php');

/** The PHP rules. */
export const PHP = {
  verifyPeer: rule('curl-verifypeer-off', 'CURLOPT_SSL_VERIFYPEER off: certificate verification is off',
    'curl accepts any certificate with CURLOPT_SSL_VERIFYPEER false. Keep it true and point CURLOPT_CAINFO at a CA bundle that includes your CA.', 'none'),
  verifyHost: rule('curl-verifyhost-off', 'CURLOPT_SSL_VERIFYHOST off: host names are not checked',
    'With CURLOPT_SSL_VERIFYHOST 0 curl accepts a valid certificate issued for any host. Use 2 (the default).', 'none'),
  verifyOption: rule('http-client-verify-false', "'verify' => false: the HTTP client accepts any certificate",
    "Guzzle, Symfony and Laravel HTTP clients skip certificate checks with 'verify' => false or withoutVerifying(). Pass 'verify' => '/path/to/ca-bundle.pem' instead.", 'none'),
} as const;

const FALSY = String.raw`(?:false|0)\b`;
const PEER = new RegExp(String.raw`\bCURLOPT_SSL_VERIFYPEER\s*(=>|,)\s*${FALSY}`, 'dgi');
const HOST = new RegExp(String.raw`\bCURLOPT_SSL_VERIFYHOST\s*(=>|,)\s*${FALSY}`, 'dgi');
const VERIFY = /(?:\bRequestOptions::VERIFY|(['"])verify\1)\s*(=>)\s*false\b/dgi;
const WITHOUT = /(?:->|::)\s*(withoutVerifying)\s*\(\s*\)/dg;

/** The `,` form is only curl_setopt's argument list; `=>` is an options array (curl_setopt_array, Guzzle). */
function curlOption(lx: Lexed) {
  return (m: RegExpExecArray) => m[1] === '=>' || /^curl_setopt$/i.test(enclosingCall(lx, m.index)?.name ?? '');
}

/** Scans PHP source. */
export function scanPhp(text: string): Finding[] {
  if (!PREFILTER.test(text)) return [];
  const lx = lex(text, SYNTAX.php);
  const out: Finding[] = [];
  pushMatches(lx, PEER, PHP.verifyPeer, out, 1, 0, curlOption(lx));
  pushMatches(lx, HOST, PHP.verifyHost, out, 1, 0, curlOption(lx));
  pushMatches(lx, VERIFY, PHP.verifyOption, out, 2);
  pushMatches(lx, WITHOUT, PHP.verifyOption, out, 1, 1);
  return out;
}

/** The PHP family (`.php`, `.phtml`). */
export const php: RuleFamily = {
  id: 'php',
  prefilter: PREFILTER,
  rules: Object.values(PHP),
  appliesTo: (path, languageId) => languageId === 'php' || /\.(?:php\d?|phtml)$/i.test(path),
  scan: (text) => scanPhp(text),
};
