// Rust: reqwest (and native-tls builder) `danger_accept_invalid_certs(true)` / `danger_accept_invalid_hostnames(true)`.
import { lex, SYNTAX } from './lexer';
import { pushMatches } from './match';
import { defineFamily, NOTES } from './define';
import { Finding, RuleFamily } from './types';
import { RS } from './catalog/rust';

/** Keywords without which no rule of this family can match (see RuleFamily.prefilter). */
const PREFILTER = /danger_accept_invalid_/;

const CERTS = /\b(danger_accept_invalid_certs)\s*\(\s*true\s*\)/dg;
const HOSTS = /\b(danger_accept_invalid_hostnames)\s*\(\s*true\s*\)/dg;

/** Scans Rust source. */
export function scanRust(text: string): Finding[] {
  if (!PREFILTER.test(text)) return [];
  const lx = lex(text, SYNTAX.rust);
  const out: Finding[] = [];
  pushMatches(lx, CERTS, RS.invalidCerts, out);
  pushMatches(lx, HOSTS, RS.invalidHostnames, out);
  return out;
}

/** The Rust family (`.rs`). */
export const rust: RuleFamily = defineFamily({
  id: 'rust',
  prefilter: PREFILTER,
  rules: RS,
  notes: NOTES.code,
  appliesTo: (path, languageId) => languageId === 'rust' || /\.rs$/i.test(path),
  scan: (text) => scanRust(text),
});
