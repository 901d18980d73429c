// Go: crypto/tls `InsecureSkipVerify: true` in a tls.Config literal, or assigned later (`cfg.InsecureSkipVerify = true`).
import { lex, SYNTAX } from './lexer';
import { pushMatches, ruleFactory } from './match';
import { Finding, RuleFamily } from './types';

/** Keywords without which no rule of this family can match (see RuleFamily.prefilter). */
const PREFILTER = /InsecureSkipVerify/;

const rule = ruleFactory('go');

/** The Go rules. */
export const GO = {
  insecureSkipVerify: rule('insecure-skip-verify', 'InsecureSkipVerify: true: certificate verification is off',
    'A tls.Config with InsecureSkipVerify accepts any certificate for any host. Load your CA into an x509.CertPool and set RootCAs instead.', 'go-insecure-skip-verify'),
} as const;

/** `InsecureSkipVerify: true` (group 1 is the separator, which must be code) or `x.InsecureSkipVerify = true`. */
const SKIP = /\bInsecureSkipVerify\s*(:|=(?!=))\s*true\b/dg;

/** Scans Go source. */
export function scanGo(text: string): Finding[] {
  if (!PREFILTER.test(text)) return [];
  const lx = lex(text, SYNTAX.go);
  const out: Finding[] = [];
  pushMatches(lx, SKIP, GO.insecureSkipVerify, out, 1);
  return out;
}

/** The Go family (`.go`). */
export const go: RuleFamily = {
  id: 'go',
  prefilter: PREFILTER,
  rules: Object.values(GO),
  appliesTo: (path, languageId) => languageId === 'go' || /\.go$/i.test(path),
  scan: (text) => scanGo(text),
};
