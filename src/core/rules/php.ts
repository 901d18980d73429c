// PHP: curl options that switch peer or host verification off, Guzzle/Symfony/Laravel `'verify' => false`, and
// Laravel's `Http::withoutVerifying()`.
import { lex, Lexed, SYNTAX } from './lexer';
import { enclosingCall, pushMatches } from './match';
import { defineFamily, NOTES } from './define';
import { Finding, RuleFamily } from './types';
import { PHP } from './catalog/php';

/** Keywords without which no rule of this family can match (see RuleFamily.prefilter). */
const PREFILTER = /VERIFYPEER|VERIFYHOST|verify/i;

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
export const php: RuleFamily = defineFamily({
  id: 'php',
  prefilter: PREFILTER,
  rules: PHP,
  notes: NOTES.code,
  appliesTo: (path, languageId) => languageId === 'php' || /\.(?:php\d?|phtml)$/i.test(path),
  scan: (text) => scanPhp(text),
});
