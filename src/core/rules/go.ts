// Go: crypto/tls `InsecureSkipVerify: true` in a tls.Config literal, or assigned later (`cfg.InsecureSkipVerify = true`).
import { lex, SYNTAX } from './lexer';
import { pushMatches } from './match';
import { defineFamily, NOTES } from './define';
import { Finding, RuleFamily } from './types';
import { GO } from './catalog/go';

/** Keywords without which no rule of this family can match (see RuleFamily.prefilter). */
const PREFILTER = /InsecureSkipVerify|Version(?:TLS1[01]|SSL30)\b/;

/** `InsecureSkipVerify: true` (group 1 is the separator, which must be code) or `x.InsecureSkipVerify = true`. */
const SKIP = /\bInsecureSkipVerify\s*(:|=(?!=))\s*true\b/dg;

/** `MinVersion: tls.VersionTLS10`, `cfg.MaxVersion = tls.VersionTLS11` (group 1: the separator). */
const PROTOCOL = /\b(?:MinVersion|MaxVersion)\s*(:|=(?!=))\s*(?:tls\.)?Version(?:TLS10|TLS11|SSL30)\b/dg;

/** Scans Go source. */
export function scanGo(text: string): Finding[] {
  if (!PREFILTER.test(text)) return [];
  const lx = lex(text, SYNTAX.go);
  const out: Finding[] = [];
  pushMatches(lx, SKIP, GO.insecureSkipVerify, out, 1);
  pushMatches(lx, PROTOCOL, GO.obsoleteProtocol, out, 1);
  return out;
}

/** The Go family (`.go`). */
export const go: RuleFamily = defineFamily({
  id: 'go',
  prefilter: PREFILTER,
  rules: GO,
  notes: NOTES.code,
  appliesTo: (path, languageId) => languageId === 'go' || /\.go$/i.test(path),
  scan: (text) => scanGo(text),
});
