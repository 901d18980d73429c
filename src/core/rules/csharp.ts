// C#: certificate validation callbacks that always return true, and HttpClientHandler's
// DangerousAcceptAnyServerCertificateValidator.
import { lex, SYNTAX } from './lexer';
import { pushMatches, ruleFactory } from './match';
import { Finding, RuleFamily } from './types';

/** Keywords without which no rule of this family can match (see RuleFamily.prefilter). */
const PREFILTER = /ValidationCallback|DangerousAcceptAny/;

const rule = ruleFactory('csharp');

/** The C# rules. */
export const CS = {
  callback: rule('validation-callback-accepts-all', 'Certificate validation callback that returns true: any certificate is accepted',
    'A ServerCertificate(Custom)ValidationCallback that returns true skips chain and host name checks. Return true only when errors == SslPolicyErrors.None, or validate against your CA with X509Chain and CustomTrustStore.', 'none', 'error'),
  dangerous: rule('dangerous-accept-any-certificate', 'DangerousAcceptAnyServerCertificateValidator: any certificate is accepted',
    'This validator accepts every certificate. Trust your CA (X509Chain with CustomTrustStore, or the OS store) instead.', 'none', 'error'),
} as const;

/** `X.ServerCertificateCustomValidationCallback = (a, b, c, d) => true`, `+= delegate { return true; }`, `new RemoteCertificateValidationCallback(...)`. */
const CALLBACK = /\b(ServerCertificateCustomValidationCallback|ServerCertificateValidationCallback|RemoteCertificateValidationCallback)\s*(?:\+?=(?!=)|\()\s*(?:(?:\([^()]*\)|[\w@]+)\s*=>\s*(?:true\b|\{\s*return\s+true\s*;\s*\})|delegate\s*(?:\([^()]*\))?\s*\{\s*return\s+true\s*;\s*\})/dg;
const DANGEROUS = /(?:\bHttpClientHandler\s*\.\s*)?\bDangerousAcceptAnyServerCertificateValidator\b/dg;

/** Scans C# source. */
export function scanCsharp(text: string): Finding[] {
  if (!PREFILTER.test(text)) return [];
  const lx = lex(text, SYNTAX.csharp);
  const out: Finding[] = [];
  pushMatches(lx, CALLBACK, CS.callback, out);
  pushMatches(lx, DANGEROUS, CS.dangerous, out);
  return out;
}

/** The C# family (`.cs`, `.csx`). */
export const csharp: RuleFamily = {
  id: 'csharp',
  prefilter: PREFILTER,
  rules: Object.values(CS),
  appliesTo: (path, languageId) => languageId === 'csharp' || /\.csx?$/i.test(path),
  scan: (text) => scanCsharp(text),
};
