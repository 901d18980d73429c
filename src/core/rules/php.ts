// PHP: curl options that switch peer or host verification off, Guzzle/Symfony/Laravel `'verify' => false`,
// Laravel's `Http::withoutVerifying()`, stream-context `'verify_peer' => false` and WordPress `'sslverify' => false`.
import { lex, Lexed, SYNTAX } from './lexer';
import { enclosingCall, enclosingOpen, pushMatches } from './match';
import { defineFamily, NOTES } from './define';
import { countReaches, ObjectFlow, objectSinks } from './flow';
import { Finding, RuleFamily } from './types';
import { PHP } from './catalog/php';

/** Keywords without which no rule of this family can match (see RuleFamily.prefilter). */
const PREFILTER = /VERIFYPEER|VERIFYHOST|verify/i;

const FALSY = String.raw`(?:false|0)\b`;
const PEER = new RegExp(String.raw`\bCURLOPT_SSL_VERIFYPEER\s*(=>|,)\s*${FALSY}`, 'dgi');
const HOST = new RegExp(String.raw`\bCURLOPT_SSL_VERIFYHOST\s*(=>|,)\s*${FALSY}`, 'dgi');
const VERIFY = /(?:\bRequestOptions::VERIFY|(['"])verify\1)\s*(=>)\s*false\b/dgi;
const WITHOUT = /(?:->|::)\s*(withoutVerifying)\s*\(\s*\)/dg;
/** Stream-context and socket options: `'verify_peer' => false`, `'verify_peer_name' => false` (PHPMailer's SMTPOptions too). */
const STREAM = /(['"])verify_(?:peer(?:_name)?|host)\1\s*(=>)\s*(?:false|0)\b/dgi;
/** The same set on an existing context: `stream_context_set_option($ctx, 'ssl', 'verify_peer', false)`. */
const STREAM_SET =
  /\b(stream_context_set_option)\s*\(\s*[^,()]+,\s*(['"])ssl\2\s*,\s*(['"])verify_peer(?:_name)?\3\s*,\s*(?:false|0)\b\s*\)/dgi;
/** Guzzle 5: `$client->setDefaultOption('verify', false)`. */
const GUZZLE_DEFAULT = /->\s*(setDefaultOption)\s*\(\s*(['"])verify\2\s*,\s*false\s*\)/dgi;
/** WordPress filters that turn the HTTP API's verification off: `add_filter('https_ssl_verify', '__return_false')`. */
const WP_FILTER =
  /\b(add_filter)\s*\(\s*(['"])https_(?:local_)?ssl_verify\2\s*,\s*(?:(['"])__return_false\3|function\s*\([^()]*\)\s*\{\s*return\s+false\s*;?\s*\}|fn\s*\([^()]*\)\s*=>\s*false\b)(?:\s*,\s*\d+)*\s*\)/dgi;

/** WordPress HTTP API arguments (wp_remote_get/post/request): `'sslverify' => false`, `$args['sslverify'] = false`. */
const WP_SSLVERIFY = /(['"])sslverify\1\s*(=>)\s*(?:false|0)\b/dgi;
const WP_SSLVERIFY_SET = /\[\s*(['"])sslverify\1\s*\]\s*=(?![=>])\s*(?:false|0)\b/dgi;

/**
 * Laravel's `Auth::routes(['verify' => false])` is about e-mail verification, not TLS; so is the `'verify'` of a
 * password hashing driver (`config/hashing.php`: `'bcrypt' => [ … 'verify' => false ]`).
 */
function notAuthRoutes(lx: Lexed) {
  return (m: RegExpExecArray) => {
    if (/(?:^|::)routes$/i.test(enclosingCall(lx, m.index)?.callee ?? '')) return false;
    const open = enclosingOpen(lx, m.index, '[');
    return (
      open < 0 || !/(['"])(?:bcrypt|argon2?(?:id|i)?)\1\s*=>\s*$/i.test(lx.code.slice(Math.max(0, open - 30), open))
    );
  };
}

/** The `,` form is only curl_setopt's argument list; `=>` is an options array (curl_setopt_array, Guzzle). PHP
 * allows a blank between a function's name and its `(` (`curl_setopt ($ch, …)`), which the callee walk does not
 * cross, so the name is read back from the parenthesis too. */
function curlOption(lx: Lexed) {
  return (m: RegExpExecArray) => {
    if (m[1] === '=>') return true;
    const call = enclosingCall(lx, m.index);
    if (!call) return false;
    return (
      /^curl_setopt$/i.test(call.name) ||
      /\bcurl_setopt\s+$/i.test(lx.code.slice(Math.max(0, call.open - 40), call.open))
    );
  };
}

/** Scans PHP source. */
export function scanPhp(text: string): Finding[] {
  if (!PREFILTER.test(text)) return [];
  const lx = lex(text, SYNTAX.php);
  const out: Finding[] = [];
  pushMatches(lx, PEER, PHP.verifyPeer, out, 1, 0, curlOption(lx));
  pushMatches(lx, HOST, PHP.verifyHost, out, 1, 0, curlOption(lx));
  pushMatches(lx, VERIFY, PHP.verifyOption, out, 2, 0, notAuthRoutes(lx));
  pushMatches(lx, STREAM, PHP.streamVerifyPeer, out, 2);
  pushMatches(lx, WP_SSLVERIFY, PHP.wpSslverify, out, 2);
  pushMatches(lx, WP_SSLVERIFY_SET, PHP.wpSslverify, out);
  pushMatches(lx, WP_FILTER, PHP.wpSslverify, out, 1, 1);
  pushMatches(lx, STREAM_SET, PHP.streamVerifyPeer, out, 1, 1);
  pushMatches(lx, GUZZLE_DEFAULT, PHP.verifyOption, out, 1, 1);
  pushMatches(lx, WITHOUT, PHP.verifyOption, out, 1, 1);
  return countReaches(objectSinks(lx, out, PHP_FLOW));
}

/** Option arrays bound to a variable (or set as one of its entries, `$opts['ssl'] = ['verify_peer' => false]`) and
 * passed on: `$opts = ['verify' => false]` … `$client->get($url, $opts)` is found at `$opts` in the call (flow.ts). */
const PHP_FLOW: ObjectFlow = {
  binding: /(\$[A-Za-z_]\w*)((?:\[[^\]\n]*\])+)?[ \t]*=[ \t\r\n]*$/,
  opens: '[',
  nested: /(?:[,[]|=>)[ \t\r\n]*$/,
  literalCall: /\barray[ \t]*$/i,
  excerptParen: true,
  member: /^[ \t]*(\$[A-Za-z_]\w*)$/,
};

/** The PHP family (`.php`, `.phtml`). */
export const php: RuleFamily = defineFamily({
  id: 'php',
  prefilter: PREFILTER,
  rules: PHP,
  notes: NOTES.code,
  appliesTo: (path, languageId) => languageId === 'php' || /\.(?:php\d?|phtml|phpt)$/i.test(path),
  scan: (text) => scanPhp(text),
});
