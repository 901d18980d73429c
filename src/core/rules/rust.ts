// Rust: reqwest (and native-tls builder) `danger_accept_invalid_certs(true)` / `danger_accept_invalid_hostnames(true)`.
import { lex, SYNTAX } from './lexer';
import { pushMatches, ruleFactory } from './match';
import { Finding, RuleFamily } from './types';

/** Keywords without which no rule of this family can match (see RuleFamily.prefilter). */
const PREFILTER = /danger_accept_invalid_/;

const rule = ruleFactory('rust');

/** The Rust rules. */
export const RS = {
  invalidCerts: rule('danger-accept-invalid-certs', 'danger_accept_invalid_certs(true): certificate verification is off',
    'The client accepts any certificate, so anyone on the path can read and change the traffic. Add your CA with add_root_certificate(Certificate::from_pem(...)) instead.'),
  invalidHostnames: rule('danger-accept-invalid-hostnames', 'danger_accept_invalid_hostnames(true): host names are not checked',
    'The client accepts a valid certificate issued for any host. Issue the server a certificate for the name clients use instead.'),
} as const;

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
export const rust: RuleFamily = {
  id: 'rust',
  prefilter: PREFILTER,
  rules: Object.values(RS),
  appliesTo: (path, languageId) => languageId === 'rust' || /\.rs$/i.test(path),
  scan: (text) => scanRust(text),
};
