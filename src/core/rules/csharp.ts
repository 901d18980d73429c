// C#: certificate validation callbacks that always return true, and HttpClientHandler's
// DangerousAcceptAnyServerCertificateValidator, and pinned obsolete protocol versions.
import { lex, SYNTAX } from './lexer';
import { pushMatches, withLiterals } from './match';
import { defineFamily, NOTES } from './define';
import { Finding, RuleFamily } from './types';
import { CS } from './catalog/csharp';

/** Keywords without which no rule of this family can match (see RuleFamily.prefilter). */
const PREFILTER =
  /ValidationCallback|DangerousAcceptAny|SslPolicyErrors|CheckValidationResult|SslStream|SecurityProtocolType\.(?:Ssl3|Tls\b|Tls11)|SslProtocols\.(?:Ssl[23]|Tls\b|Tls11)/;

/** `X.ServerCertificateCustomValidationCallback = (a, b, c, d) => true`, `+= delegate { return true; }`, `new RemoteCertificateValidationCallback(...)`. */
const CALLBACK = withLiterals(
  /\b(ServerCertificateCustomValidationCallback|ServerCertificateValidationCallback|RemoteCertificateValidationCallback)\s*(?:\+?=(?!=)|\()\s*(?:(?:\([^()]*\)|[\w@]+)\s*=>\s*(?:true\b|\{\s*return\s+true\s*;\s*\})|delegate\s*(?:\([^()]*\))?\s*\{\s*return\s+true\s*;\s*\})/dg,
  ['CertificateCustomValidationCallback', 'CertificateValidationCallback'],
  6,
);
/**
 * A method that can only say yes, written to be a validation callback: its parameters include `SslPolicyErrors` (a
 * RemoteCertificateValidationCallback target) or it is ICertificatePolicy's `CheckValidationResult`, and its body is
 * `return true;` (comments aside). The finding runs from the method name to the end of its body.
 */
const ACCEPT_METHOD =
  /\bbool\s+((?:CheckValidationResult\s*\([^()]*\bServicePoint\b|[\w@]+\s*\([^()]*\bSslPolicyErrors\b)[^()]*\)\s*\{\s*return\s+true\s*;\s*\})/dg;
/** `new SslStream(inner, false, (sender, cert, chain, errors) => true)`: the callback argument accepts everything. */
const SSL_STREAM =
  /\bnew\s+SslStream\s*\(\s*(?:[^,()]|\([^()]*\))+,\s*(?:leaveInnerStreamOpen\s*:\s*)?(?:true|false)\s*,\s*(?:userCertificateValidationCallback\s*:\s*)?((?:\([^()]*\)|[\w@]+)\s*=>\s*(?:true\b|\{\s*return\s+true\s*;\s*\})|delegate\s*(?:\([^()]*\))?\s*\{\s*return\s+true\s*;\s*\})/dg;
const DANGEROUS = /(?:\bHttpClientHandler\s*\.\s*)?\bDangerousAcceptAnyServerCertificateValidator\b/dg;

/** `SecurityProtocolType.Tls`, `SslProtocols.Tls11`: obsolete versions (`Tls12`, `Tls13` are not matched). */
const PROTOCOL = /\b(?:SecurityProtocolType\s*\.\s*(?:Ssl3|Tls11|Tls)|SslProtocols\s*\.\s*(?:Ssl2|Ssl3|Tls11|Tls))\b/g;

/** Scans C# source. */
export function scanCsharp(text: string): Finding[] {
  if (!PREFILTER.test(text)) return [];
  const lx = lex(text, SYNTAX.csharp);
  const out: Finding[] = [];
  pushMatches(lx, CALLBACK, CS.callback, out);
  pushMatches(lx, ACCEPT_METHOD, CS.callback, out, 1, 1);
  pushMatches(lx, SSL_STREAM, CS.callback, out, 0, 1);
  pushMatches(lx, DANGEROUS, CS.dangerous, out);
  // Set, not compared: after `=`, `|`, `(` or `,` (never `==`, `!=` or `case`).
  pushMatches(lx, PROTOCOL, CS.obsoleteProtocol, out, 0, 0, (m) =>
    /(?:[^=!<>]=|\||\(|,)\s*$/.test(lx.code.slice(Math.max(0, m.index - 40), m.index)),
  );
  return out;
}

/** The C# family (`.cs`, `.csx`). */
export const csharp: RuleFamily = defineFamily({
  id: 'csharp',
  prefilter: PREFILTER,
  rules: CS,
  notes: NOTES.code,
  appliesTo: (path, languageId) => languageId === 'csharp' || /\.csx?$/i.test(path),
  scan: (text) => scanCsharp(text),
});
